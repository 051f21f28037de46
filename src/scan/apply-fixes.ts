// `lastline scan --fix`: applies the first safe fix of each finding, skipping any fix whose edits
// would overlap one already chosen (the next run picks it up), then writes each file once.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyTextEdits, chooseFixes, textToAppend } from '../core/edits';
import type { FileAppend } from '../core/types';
import type { FileReport } from './scan';

export interface FixOutcome {
  fixesApplied: number;
  filesChanged: string[];
  /** Files left alone because they changed on disk after they were analysed. */
  staleFiles: string[];
}

export function applySafeFixes(reports: readonly FileReport[], projectRoot: string): FixOutcome {
  const outcome: FixOutcome = { fixesApplied: 0, filesChanged: [], staleFiles: [] };
  const appends: FileAppend[] = [];
  for (const report of reports) {
    if (report.text === undefined) continue;
    const { edits: chosen, appends: fileAppends, count: fixes } = chooseFixes(report.findings, report.text, (fix) => fix.safe);
    if (fixes === 0) continue;
    const current = readFileSync(report.absolutePath, 'utf8').replace(/^\uFEFF/, '');
    if (current !== report.text) {
      outcome.staleFiles.push(report.projectPath); // changed since it was analysed: never edit blind
      continue;
    }
    if (chosen.length > 0) {
      writeFileSync(report.absolutePath, applyTextEdits(report.text, chosen));
      outcome.filesChanged.push(report.projectPath);
    }
    appends.push(...fileAppends);
    outcome.fixesApplied += fixes;
  }
  for (const append of appends) {
    if (appendLines(join(projectRoot, append.path), append)) outcome.filesChanged.push(append.path);
  }
  return outcome;
}

/** Appends lines to a file (created if missing); with `unlessPresent`, lines it holds are skipped. */
export function appendLines(path: string, append: FileAppend): boolean {
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const added = textToAppend(existing, append);
  if (added === undefined) return false;
  writeFileSync(path, existing + added);
  return true;
}
