// The engine lives in dist/lastline.js and is required on first use, after activation has
// returned, so opening VS Code never waits for it (it loads TypeScript's parsers, several MB, from
// dist/typescript-parsers.js in turn, on the first JS/TS parse).
import * as vscode from 'vscode';
import type * as EngineApi from '../engine-api';
import { join } from 'node:path';

export type Engine = typeof EngineApi;

let engine: Engine | undefined;
let loadFailureShown = false;

export function loadEngine(): Engine {
  if (engine) return engine;
  try {
    // A computed path keeps esbuild from inlining the engine into the extension bundle.
    engine = require(join(__dirname, 'lastline.js')) as Engine;
    return engine;
  } catch (error) {
    // Without the engine nothing is analysed: say so once, loudly, instead of showing no problems.
    if (!loadFailureShown) {
      loadFailureShown = true;
      void vscode.window.showErrorMessage(
        `Lastline could not load its analysis engine, so files are not being checked: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    throw error;
  }
}
