// Pieces every Python string-built finding shares: which holes of a rebuilt string count, whether it
// has text to judge, the fix-or-reason choice, the related locations, and the statement's shape for
// the fingerprint.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../text';
import type { Fix, RelatedLocation } from '../../types';
import type { Part, StringFamily } from '../model';
import { isHarmless } from '../value-safety';
import type { Built } from './built';
import type { FixChoice } from './fix-context';
import type { Resolution } from './resolve-string';

/** A fix only when one string reaches the sink; otherwise the reason for the message. */
export function fixOrReason(resolution: Resolution, what: string, make: () => FixChoice<Fix>): { fix?: Fix; reason?: string } {
  if (resolution.candidates.length !== 1) return { reason: `the ${what} differs per branch` };
  const choice = make();
  return choice.ok ? { fix: choice.value } : { reason: choice.reason };
}

/** Holes that could change the string's structure for this family. */
export function dangerousHoles(built: Built, family: StringFamily): number[] {
  return built.holes.flatMap((hole, index) => (isHarmless(hole.safety, family) ? [] : [index]));
}

export function hasText(parts: readonly Part[]): boolean {
  return parts.some((part) => typeof part === 'string' && part.trim() !== '');
}

export function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const value = key(item);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}

/** The statement's shape for fingerprints: constant text with `{}` for each hole. */
export function templateText(parts: readonly Part[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : '{}')).join('');
}

/** Related locations in the order they are added, each place once. */
export class RelatedList {
  readonly locations: RelatedLocation[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly lines: LineIndex) {}

  add(message: string, node: Node): void {
    const key = `${node.startIndex}:${node.endIndex}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.locations.push({ message, range: this.lines.rangeOf(node.startIndex, node.endIndex) });
  }
}
