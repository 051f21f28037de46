// `lastline scan --fix`: applies the first safe fix of each finding, skipping any fix whose edits
// would overlap one already chosen (the next run picks it up), then writes each file once. A file
// is rewritten only when it is exactly what was analysed and can be written back byte for byte
// outside the edits (UTF-8, its BOM kept); each write is atomic and keeps the file's mode and
// owner. A file that cannot be fixed is named with the reason, and the run goes on.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { applyTextEdits, chooseFixes, textToAppend } from '../core/edits';
import type { FileAppend } from '../core/types';
import { replaceFileAtomic, writeFileAtomic } from '../store/atomic-file';
import type { FileReport } from './scan';

export interface FixOutcome {
  fixesApplied: number;
  filesChanged: string[];
  /** Files left alone, with why: changed on disk since analysed, not UTF-8, read-only, … */
  notFixed: { path: string; reason: string }[];
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function applySafeFixes(reports: readonly FileReport[], projectRoot: string): FixOutcome {
  const outcome: FixOutcome = { fixesApplied: 0, filesChanged: [], notFixed: [] };
  const appends: FileAppend[] = [];
  for (const report of reports) {
    if (report.text === undefined) continue;
    const { edits: chosen, appends: fileAppends, count: fixes } = chooseFixes(report.findings, report.text, (fix) => fix.safe);
    if (fixes === 0) continue;
    if (chosen.length > 0) {
      const problem = rewrite(report.absolutePath, report.text, (text) => applyTextEdits(text, chosen));
      if (problem) {
        outcome.notFixed.push({ path: report.projectPath, reason: problem });
        continue;
      }
      outcome.filesChanged.push(report.projectPath);
    }
    appends.push(...fileAppends);
    outcome.fixesApplied += fixes;
  }
  for (const append of appends) {
    try {
      if (appendLines(join(projectRoot, append.path), append)) outcome.filesChanged.push(append.path);
    } catch (error) {
      outcome.notFixed.push({ path: append.path, reason: `could not be written (${errorCode(error)})` });
    }
  }
  return outcome;
}

/** Rewrites `path` from the analysed `text`; returns why it did not, or undefined once written. */
function rewrite(path: string, analysed: string, edit: (text: string) => string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return `could not be read (${errorCode(error)})`;
  }
  const bom = bytes.subarray(0, 3).equals(BOM);
  let current: string;
  try {
    current = strictUtf8.decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    return 'it is not valid UTF-8, and a fix would change bytes outside its edits';
  }
  if (current !== analysed) return 'it changed while being scanned'; // never edit blind
  if (isReadOnly(path)) return 'it is read-only';
  try {
    const fixed = Buffer.from(edit(current), 'utf8');
    replaceFileAtomic(path, bom ? Buffer.concat([BOM, fixed]) : fixed);
  } catch (error) {
    return `could not be written (${errorCode(error)})`;
  }
  return undefined;
}

/** Appends lines to a file (created if missing); with `unlessPresent`, lines it holds are skipped. */
export function appendLines(path: string, append: FileAppend): boolean {
  const exists = existsSync(path);
  const existing = exists ? readFileSync(path, 'utf8') : '';
  const added = textToAppend(existing, append);
  if (added === undefined) return false;
  if (exists) replaceFileAtomic(path, existing + added);
  else writeFileAtomic(path, existing + added);
  return true;
}

/** Not writable by this process, or marked read-only for everyone (root could write it, but was told not to). */
function isReadOnly(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return (statSync(path).mode & 0o222) === 0;
  } catch {
    return true;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}
