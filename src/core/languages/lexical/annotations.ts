// Annotations and attributes, read lexically in code (never in strings or comments): Java's and
// Kotlin's `@Name(…)` (with Kotlin's use-site target, `@file:Suppress(…)`), C#'s `[Name(…)]`
// (with `[assembly: …]` targets and several attributes in one section), Rust's `#[name(…)]` and
// inner `#![name(…)]`. Their arguments are string literals, names and `name = value` pairs;
// array forms (`{"a", "b"}`, `["a"]`) are flattened into the argument they belong to.
import { isWordCharacter } from './reader';
import type { LexicalStructure } from './structure';

export interface ArgumentValue {
  /** A string literal's content (escapes resolved), or a name as written. */
  text: string;
  quoted: boolean;
  start: number;
  end: number;
}

export interface Argument {
  /** `justification` in `justification = "…"`; undefined for a positional argument. */
  name?: string;
  values: ArgumentValue[];
}

export interface Annotation {
  /** From the `@`, the section's `[` (or the name, when the section holds other attributes), or `#`. */
  start: number;
  /** Just past the annotation: its `)`, its name when it has no arguments, or the section's `]`. */
  end: number;
  /** The name as written, qualified or not; `simpleName` is its last segment. */
  name: string;
  simpleName: string;
  /** Kotlin's `file`, C#'s `assembly`/`module`, `inner` for Rust's `#![…]`; undefined otherwise. */
  target?: string;
  /** The argument list's parentheses, when there is one. */
  open?: number;
  close?: number;
  args: Argument[];
}

/** `@Name`, `@Name(…)`, `@a.b.Name(…)` and Kotlin's `@file:Name(…)`, for simple names in `names`. */
export function findAtAnnotations(structure: LexicalStructure, names: ReadonlySet<string>): Annotation[] {
  const { text } = structure.scan;
  const found: Annotation[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (!structure.isCode(at)) continue;
    let nameStart = at + 1;
    let nameEnd = qualifiedNameEnd(text, nameStart);
    let target: string | undefined;
    if (text.charCodeAt(nameEnd) === 58 && text.charCodeAt(nameEnd + 1) !== 58) {
      target = text.slice(nameStart, nameEnd);
      nameStart = nameEnd + 1;
      nameEnd = qualifiedNameEnd(text, nameStart);
    }
    const name = text.slice(nameStart, nameEnd);
    const simpleName = name.slice(name.lastIndexOf('.') + 1);
    if (!names.has(simpleName)) continue;
    found.push({ start: at, name, simpleName, ...(target ? { target } : {}), ...argumentList(structure, nameEnd) });
  }
  return found;
}

/** C# attributes `[Name(…)]`, `[Ns.NameAttribute(…)]`, `[assembly: Name(…)]`, `[A, Name(…)]`. */
export function findBracketAttributes(structure: LexicalStructure, names: ReadonlySet<string>): Annotation[] {
  const { text } = structure.scan;
  const found: Annotation[] = [];
  for (const simple of names) {
    for (let at = text.indexOf(simple); at !== -1; at = text.indexOf(simple, at + simple.length)) {
      if (!structure.isCode(at)) continue;
      let nameEnd = at + simple.length;
      if (text.startsWith('Attribute', nameEnd)) nameEnd += 'Attribute'.length;
      if (isWordCharacter(text.charCodeAt(nameEnd)) || (at > 0 && isWordCharacter(text.charCodeAt(at - 1)))) continue;
      let nameStart = at;
      while (nameStart > 0 && (isWordCharacter(text.charCodeAt(nameStart - 1)) || text.charCodeAt(nameStart - 1) === 46)) nameStart--;
      const section = sectionBefore(text, nameStart);
      if (!section) continue;
      const list = argumentList(structure, nameEnd);
      const close = skipBlanks(text, list.end);
      const alone = section.alone && text.charCodeAt(close) === 93;
      found.push({
        start: alone ? section.open : nameStart,
        name: text.slice(nameStart, nameEnd),
        simpleName: simple,
        ...(section.target ? { target: section.target } : {}),
        ...list,
        end: alone ? close + 1 : list.end,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Rust's `#[name(…)]` and `#![name(…)]` for names in `names`. */
export function findRustAttributes(structure: LexicalStructure, names: ReadonlySet<string>): Annotation[] {
  const { text } = structure.scan;
  const found: Annotation[] = [];
  for (let at = text.indexOf('#'); at !== -1; at = text.indexOf('#', at + 1)) {
    if (!structure.isCode(at)) continue;
    const inner = text.charCodeAt(at + 1) === 33;
    const bracket = at + (inner ? 2 : 1);
    if (text.charCodeAt(bracket) !== 91) continue;
    const nameStart = skipBlanks(text, bracket + 1);
    const nameEnd = qualifiedNameEnd(text, nameStart);
    const name = text.slice(nameStart, nameEnd);
    if (!names.has(name)) continue;
    const list = argumentList(structure, nameEnd);
    found.push({ start: at, name, simpleName: name, ...(inner ? { target: 'inner' } : {}), ...list, end: structure.matchEnd(bracket) });
  }
  return found;
}

/** The `(…)` after a name (blanks allowed between), or none. */
function argumentList(structure: LexicalStructure, nameEnd: number): { end: number; open?: number; close?: number; args: Argument[] } {
  const { text } = structure.scan;
  const open = skipBlanks(text, nameEnd);
  if (text.charCodeAt(open) !== 40) return { end: nameEnd, args: [] };
  const end = structure.matchEnd(open);
  return { end, open, close: end - 1, args: readArguments(structure, open + 1, end - 1) };
}

/** Arguments in [from, to): split at top-level commas, `name =` naming the value after it. */
function readArguments(structure: LexicalStructure, from: number, to: number): Argument[] {
  const { text } = structure.scan;
  const args: Argument[] = [];
  let current: Argument = { values: [] };
  let depth = 0;
  for (let at = from; at < to;) {
    const span = structure.spanAt(at);
    if (span) {
      if (span.kind === 'string')
        current.values.push({ text: unescape(text.slice(span.contentStart, span.contentEnd)), quoted: true, start: span.start, end: span.end });
      at = Math.max(span.end, at + 1);
      continue;
    }
    const code = text.charCodeAt(at);
    if (isWordCharacter(code)) {
      const end = qualifiedNameEnd(text, at);
      const after = skipBlanks(text, end);
      if (text.charCodeAt(after) === 61 && text.charCodeAt(after + 1) !== 61 && current.values.length === 0) {
        current.name = text.slice(at, end);
        at = after + 1;
      } else {
        current.values.push({ text: text.slice(at, end), quoted: false, start: at, end });
        at = end;
      }
      continue;
    }
    if (code === 44 && depth === 0) {
      args.push(current);
      current = { values: [] };
    } else if (code === 40 || code === 91 || code === 123) depth++;
    else if (code === 41 || code === 93 || code === 125) depth--;
    at++;
  }
  if (current.values.length > 0 || current.name !== undefined) args.push(current);
  return args;
}

/** The `[` that opens the attribute section a name at `nameStart` is in, and its target. */
function sectionBefore(text: string, nameStart: number): { open: number; target?: string; alone: boolean } | undefined {
  let at = skipBlanksBack(text, nameStart - 1);
  if (text.charCodeAt(at) === 91) return { open: at, alone: true };
  if (text.charCodeAt(at) === 58) {
    const targetEnd = skipBlanksBack(text, at - 1) + 1;
    let targetStart = targetEnd;
    while (targetStart > 0 && isWordCharacter(text.charCodeAt(targetStart - 1))) targetStart--;
    at = skipBlanksBack(text, targetStart - 1);
    return text.charCodeAt(at) === 91 && targetStart < targetEnd ? { open: at, target: text.slice(targetStart, targetEnd), alone: true } : undefined;
  }
  if (text.charCodeAt(at) !== 44) return undefined;
  // Another attribute comes first in the section: look back for its `[`, a bounded way.
  for (let open = at - 1; open >= Math.max(0, at - SECTION_LOOK_BACK); open--) {
    const code = text.charCodeAt(open);
    if (code === 91) return { open, alone: false };
    if (code === 93 || code === 59 || code === 123 || code === 125) return undefined;
  }
  return undefined;
}

/** How far back an attribute after a comma looks for its section's `[`. */
const SECTION_LOOK_BACK = 1000;

/** `name`, `a.b.name`, Rust's `clippy::lint`. */
function qualifiedNameEnd(text: string, at: number): number {
  let end = at;
  for (;;) {
    while (isWordCharacter(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) === 46 && isWordCharacter(text.charCodeAt(end + 1))) end++;
    else if (text.startsWith('::', end) && isWordCharacter(text.charCodeAt(end + 2))) end += 2;
    else return end;
  }
}

function skipBlanks(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}

function skipBlanksBack(text: string, at: number): number {
  while (at >= 0 && /\s/.test(text[at])) at--;
  return at;
}

/** `\"` → `"`, `\\` → `\`: enough for the ids and reasons annotations hold. */
function unescape(value: string): string {
  return value.includes('\\') ? value.replace(/\\(.)/g, '$1') : value;
}
