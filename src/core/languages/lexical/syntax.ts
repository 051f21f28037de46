// Each lexical language's comment and string syntax, as data the scanner reads. Forms a table
// cannot say (heredocs, raw strings, Ruby's percent literals and regular expressions, Rust's
// lifetimes) are readers of their own in special-readers.ts and heredocs.ts.
import type { LexicalLanguage } from './languages';

export type Escape = 'backslash' | 'doubled' | 'none';

export interface Interpolation {
  /** Text inside the string that opens code (`#{`, `${`, `$(`, `{`). */
  open: string;
  /** The code runs to the `closer` that matches, nesting on `nest`. */
  nest: number;
  closer: number;
}

export interface StringKind {
  open: string;
  close: string;
  escape: Escape;
  /**
   * Whether the literal may run over lines. A single-line kind left unclosed ends at the line's
   * end, which keeps a stray quote (an apostrophe in an odd place) from hiding the rest of the file.
   */
  multiline: boolean;
  interpolations?: readonly Interpolation[];
  /** C#'s `{{` is a literal brace, not an interpolation. */
  doubledOpenIsText?: boolean;
  /** Not a string after a letter or digit: C++'s `1'000`, Perl's `$x's`. */
  notAfterWord?: boolean;
}

export interface LineComment {
  open: string;
  /** Extra condition on the opener: shell's `#` starts a comment only at a word's start. */
  when?: (text: string, at: number) => boolean;
}

export interface LexicalSyntax {
  lineComments: readonly LineComment[];
  blockComment?: { open: string; close: string; nests: boolean };
  /** Tried in order: longer openers first. */
  strings: readonly StringKind[];
  /** A newline ends a statement (Go, Kotlin, shell) rather than only `;`. */
  newlineEndsStatement: boolean;
  /** PHP: the file is text outside `<?php … ?>`, and `?>` ends a line comment. */
  phpTags?: boolean;
  /** Shell's compound commands (`if … fi`, `case … esac`, loops … `done`) group like brackets. */
  shellKeywords?: boolean;
}

const SLASH: LineComment = { open: '//' };
const C_BLOCK = { open: '/*', close: '*/', nests: false };
const NESTED_BLOCK = { open: '/*', close: '*/', nests: true };

const CURLY = 123;
const CLOSE_CURLY = 125;
const PAREN = 40;
const CLOSE_PAREN = 41;

function plain(open: string, escape: Escape, multiline: boolean, extra: Partial<StringKind> = {}): StringKind {
  return { open, close: open, escape, multiline, ...extra };
}

const DOLLAR_BRACE: Interpolation = { open: '${', nest: CURLY, closer: CLOSE_CURLY };
const BRACE: Interpolation = { open: '{', nest: CURLY, closer: CLOSE_CURLY };

/** `#` followed by `[` is a PHP 8 attribute, not a comment. */
const phpHash: LineComment = { open: '#', when: (text, at) => text.charCodeAt(at + 1) !== 91 };

/** A shell `#` starts a comment only where a word starts: not in `$#`, `${#x}` or `a#b`. */
const shellHash: LineComment = {
  open: '#',
  when: (text, at) => at === 0 || /[\s;&|()<>]/.test(text[at - 1]),
};

const C_STRINGS: readonly StringKind[] = [
  plain('"""', 'backslash', true),
  plain('"', 'backslash', false),
  plain("'", 'backslash', false, { notAfterWord: true }),
];

export const SYNTAX: Record<LexicalLanguage, LexicalSyntax> = {
  go: {
    lineComments: [SLASH],
    blockComment: C_BLOCK,
    strings: [plain('`', 'none', true), plain('"', 'backslash', false), plain("'", 'backslash', false)],
    newlineEndsStatement: true,
  },
  java: {
    lineComments: [SLASH],
    blockComment: C_BLOCK,
    strings: [plain('"""', 'backslash', true), plain('"', 'backslash', false), plain("'", 'backslash', false)],
    newlineEndsStatement: false,
  },
  kotlin: {
    lineComments: [SLASH],
    blockComment: NESTED_BLOCK,
    strings: [
      plain('"""', 'none', true, { interpolations: [DOLLAR_BRACE] }),
      plain('"', 'backslash', false, { interpolations: [DOLLAR_BRACE] }),
      plain("'", 'backslash', false),
    ],
    newlineEndsStatement: true,
  },
  csharp: {
    lineComments: [SLASH],
    blockComment: C_BLOCK,
    // Raw strings (`"""…"""`, `$"""…"""`) have a reader of their own.
    strings: [
      { open: '$@"', close: '"', escape: 'doubled', multiline: true, interpolations: [BRACE], doubledOpenIsText: true },
      { open: '@$"', close: '"', escape: 'doubled', multiline: true, interpolations: [BRACE], doubledOpenIsText: true },
      { open: '@"', close: '"', escape: 'doubled', multiline: true },
      { open: '$"', close: '"', escape: 'backslash', multiline: false, interpolations: [BRACE], doubledOpenIsText: true },
      plain('"', 'backslash', false),
      plain("'", 'backslash', false),
    ],
    newlineEndsStatement: false,
  },
  ruby: {
    lineComments: [{ open: '#' }],
    strings: [
      plain('"', 'backslash', true, { interpolations: [{ open: '#{', nest: CURLY, closer: CLOSE_CURLY }] }),
      plain("'", 'backslash', true),
      plain('`', 'backslash', true, { interpolations: [{ open: '#{', nest: CURLY, closer: CLOSE_CURLY }] }),
    ],
    newlineEndsStatement: true,
  },
  php: {
    lineComments: [SLASH, phpHash],
    blockComment: C_BLOCK,
    strings: [
      plain('"', 'backslash', true, { interpolations: [{ open: '{$', nest: CURLY, closer: CLOSE_CURLY }, DOLLAR_BRACE] }),
      plain("'", 'backslash', true),
      plain('`', 'backslash', true, { interpolations: [{ open: '{$', nest: CURLY, closer: CLOSE_CURLY }, DOLLAR_BRACE] }),
    ],
    newlineEndsStatement: false,
    phpTags: true,
  },
  rust: {
    lineComments: [SLASH],
    blockComment: NESTED_BLOCK,
    // Raw strings and char literals (as opposed to lifetimes) have readers of their own.
    strings: [plain('"', 'backslash', true)],
    newlineEndsStatement: false,
  },
  shell: {
    lineComments: [shellHash],
    strings: [
      { open: "$'", close: "'", escape: 'backslash', multiline: true },
      plain("'", 'none', true),
      plain('"', 'backslash', true, { interpolations: [{ open: '$(', nest: PAREN, closer: CLOSE_PAREN }, DOLLAR_BRACE] }),
    ],
    newlineEndsStatement: true,
    shellKeywords: true,
  },
  'c-like': { lineComments: [SLASH], blockComment: C_BLOCK, strings: C_STRINGS, newlineEndsStatement: false },
  'hash-comments': { lineComments: [{ open: '#' }], strings: C_STRINGS, newlineEndsStatement: true },
  'dash-comments': {
    lineComments: [{ open: '--' }],
    blockComment: C_BLOCK,
    strings: [plain("'", 'doubled', false), plain('"', 'doubled', false)],
    newlineEndsStatement: false,
  },
};
