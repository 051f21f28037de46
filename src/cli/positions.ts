// The CLI boundary: 0-based positions inside the core become 1-based lines and columns, and paths
// become relative to the current directory with `/` separators.
import { relative, sep } from 'node:path';
import type { Range } from '../core/types';

export interface OneBasedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function oneBased(range: Range): OneBasedRange {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

export function displayPath(absolutePath: string, cwd: string): string {
  return relative(cwd, absolutePath).split(sep).join('/') || '.';
}
