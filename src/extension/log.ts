import * as vscode from 'vscode';
import type { Logger } from '../core/log';

/** The "Lastline" log channel; VS Code's LogOutputChannel honours the user's log level. */
export function createLogChannel(): vscode.LogOutputChannel & Logger {
  return vscode.window.createOutputChannel('Lastline', { log: true });
}
