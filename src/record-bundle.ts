// Entry of dist/record.js: `lastline record`, which an agent runs on every tool call. It holds the
// provenance core and the agent adapters only; the engine (dist/lastline.js) is required only when
// the agent's new lines are to be checked.
import { join } from 'node:path';
import type { RecordedFile } from './agents/record';
import { recordCommand } from './agents/record-command';
import { processTerminal } from './cli/terminal';

export function recordMain(argv: readonly string[]): Promise<number> {
  return recordCommand(argv, processTerminal(), (files: readonly RecordedFile[]) => {
    // A computed path keeps esbuild from inlining the engine into this bundle.
    const engine = require(join(__dirname, 'lastline.js')) as typeof import('./bundle');
    return engine.checkAgentLines(files);
  });
}
