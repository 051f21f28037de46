// Editor-observed provenance: accepting an inline suggestion (Tab, or accepting its next word or
// line) goes through these commands, which run VS Code's own accept command and record the lines
// it changed as AI-written, in the same store the agents' hooks write to. VS Code does not let an
// extension replace a built-in command, so package.json binds the same keys, under the same
// conditions, to these wrappers. Which extension offered the suggestion VS Code does not say: the
// record names the editor's inline suggestions, never a guessed assistant.
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { Engine } from './engine';
import type { ObservedEdits } from './observed-edits';
import { readSettings } from './settings';

/** Lastline's command → the VS Code command it wraps. */
export const INLINE_ACCEPT_COMMANDS: Readonly<Record<string, string>> = {
  'lastline.inlineSuggest.commit': 'editor.action.inlineSuggest.commit',
  'lastline.inlineSuggest.acceptNextWord': 'editor.action.inlineSuggest.acceptNextWord',
  'lastline.inlineSuggest.acceptNextLine': 'editor.action.inlineSuggest.acceptNextLine',
};

export const INLINE_SUGGESTION_TOOL = 'vscode-inline-suggestion';

export function registerInlineSuggestionTracking(loadEngine: () => Engine, observed: ObservedEdits, log: Logger): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(INLINE_ACCEPT_COMMANDS).map(([command, original]) =>
      vscode.commands.registerTextEditorCommand(command, (editor) => acceptAndRecord(editor, original, loadEngine, observed, log)),
    ),
  );
}

async function acceptAndRecord(editor: vscode.TextEditor, original: string, loadEngine: () => Engine, observed: ObservedEdits, log: Logger): Promise<void> {
  const document = editor.document;
  const before = document.getText();
  const version = document.version;
  const own = observed.expectOwnChange(document);
  try {
    await vscode.commands.executeCommand(original);
  } finally {
    own.dispose();
  }
  // Nothing accepted, a file Lastline cannot place in a repository, or tracking switched off.
  if (document.version === version || document.uri.scheme !== 'file' || !readSettings(document.uri).trackEditor) return;
  const after = document.getText();
  try {
    const outcome = loadEngine().recordKnownChange(document.uri.fsPath, before, after, {
      tool: INLINE_SUGGESTION_TOOL,
      time: new Date().toISOString(),
      kind: 'editor',
      source: `VS Code ${original}`,
    });
    if (typeof outcome === 'string') log.debug(`inline suggestion not recorded: ${outcome}`);
    else log.debug(`inline suggestion recorded in ${outcome.path}: ${outcome.agentLines.map((range) => `${range.start + 1}-${range.end}`).join(', ')}`);
  } catch (error) {
    // Recording must never get in the way of typing: log it and go on.
    log.warn(`inline suggestion not recorded: ${error instanceof Error ? error.message : String(error)}`);
  }
}
