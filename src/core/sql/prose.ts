// Signals that a text which starts like a statement is English: UI strings, log lines and error
// messages ("Delete from cart?", "select the user from the list"). Each signal is one pass over
// the tokens; literals and comments are single tokens or skipped, so their words never count.
import { DETERMINERS, KEYWORDS, PROSE_WORDS } from './keywords';
import type { TokenStream } from './token-stream';
import { isPunct, type Token } from './tokens';

/** Operators that may follow another operator: unary minus / plus / bitwise not / Postgres `!` and `@`. */
const UNARY_OPERATORS = new Set(['-', '+', '~', '!', '@']);
/** A run of this many words SQL does not know, back to back, is a sentence. */
const MAX_PLAIN_WORD_RUN = 3;

/** Why the tokens read as English rather than SQL, or undefined when nothing does. */
export function proseSignal(stream: TokenStream, leader: number): string | undefined {
  return (
    unusableCharacter(stream) ??
    sentencePunctuation(stream) ??
    gluedApostrophe(stream) ??
    englishWords(stream) ??
    doubledOperator(stream) ??
    sentenceCase(stream, leader)
  );
}

/** `→`, `“`, `…`, `\`, emoji: characters SQL never uses outside literals and comments. */
function unusableCharacter(stream: TokenStream): string | undefined {
  const found = stream.tokens.find((token) => token.kind === 'other');
  return found && `character ${JSON.stringify(found.text)} outside literals`;
}

/**
 * `.`, `?`, `!` or `:` glued to the end of a word and followed by a space or the end of the text:
 * "Delete from cart?", "Insert into queue: {item}", "Update failed.". In SQL these touch what
 * follows them (`t.col`, `x::int`, `:name`) or stand apart from the word before (`id = ?`).
 */
function sentencePunctuation(stream: TokenStream): string | undefined {
  const tokens = stream.tokens;
  for (let index = 1; index < tokens.length; index++) {
    const mark = tokens[index];
    if (mark.spaceBefore || !isSentenceMark(mark) || !endsWord(tokens[index - 1])) continue;
    const next = tokens[index + 1];
    if (next === undefined || next.spaceBefore) return `sentence punctuation ${JSON.stringify(mark.text)}`;
  }
  return undefined;
}

function isSentenceMark(token: Token): boolean {
  if (token.kind === 'punct') return token.text === '.';
  if (token.kind === 'operator') return token.text === '!' || token.text === ':';
  return token.kind === 'placeholder' && token.text === '?';
}

function endsWord(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'number' || token.kind === 'string' || token.kind === 'quoted' || isPunct(token, ')');
}

/** A quote glued to the end of a word opens no literal in SQL: "user's", "don't". */
function gluedApostrophe(stream: TokenStream): string | undefined {
  const tokens = stream.tokens;
  for (let index = 1; index < tokens.length; index++) {
    const literal = tokens[index].literal;
    if (literal?.delimiter !== "'" || literal.openLength !== 1 || tokens[index].spaceBefore) continue;
    const previous = tokens[index - 1];
    if (previous.kind === 'word' || previous.kind === 'number') return 'apostrophe inside a word';
  }
  return undefined;
}

/**
 * English function words ("the", "your", "please"), a determiner before a plain noun ("a file",
 * "my settings"), or three words in a row that no dialect knows ("took too long").
 */
function englishWords(stream: TokenStream): string | undefined {
  const tokens = stream.tokens;
  let run = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind !== 'word' || token.upper === '') {
      run = 0;
      continue;
    }
    if (isStandaloneWord(tokens, index)) {
      if (PROSE_WORDS.has(token.upper)) return `English word "${token.text}"`;
      if (DETERMINERS.has(token.upper) && isPlainNoun(tokens, index + 1)) return `"${token.text} ${tokens[index + 1].text}"`;
    }
    run = KEYWORDS.has(token.upper) ? 0 : run + 1;
    if (run >= MAX_PLAIN_WORD_RUN) return 'plain words in a row';
  }
  return undefined;
}

/** Not part of a qualified name or a call: `the` in "the list", not in `the.id` or `a(`. */
function isStandaloneWord(tokens: readonly Token[], index: number): boolean {
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  if (isPunct(before, '.') && !tokens[index].spaceBefore) return false;
  return !(after !== undefined && !after.spaceBefore && (isPunct(after, '.') || isPunct(after, '(')));
}

function isPlainNoun(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (token === undefined || token.kind !== 'word' || token.upper === '' || !token.spaceBefore) return false;
  return !KEYWORDS.has(token.upper) && isStandaloneWord(tokens, index);
}

/** Two binary operators in a row: markdown `**bold**`, arrows `=>` / `->` between words. */
function doubledOperator(stream: TokenStream): string | undefined {
  const tokens = stream.tokens;
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind === 'operator' && tokens[index - 1].kind === 'operator' && !UNARY_OPERATORS.has(token.text)) {
      return `operators ${JSON.stringify(tokens[index - 1].text + token.text)}`;
    }
  }
  return undefined;
}

/**
 * "Delete from cart", "Select Name From List": the statement word capitalised like the first
 * word of a sentence, no other keyword in capitals, and none of the punctuation queries are
 * made of (operators, parentheses, commas, quotes, parameters, qualified names).
 */
function sentenceCase(stream: TokenStream, leader: number): string | undefined {
  if (!isCapitalised(stream.tokens[leader].text)) return undefined;
  const tokens = stream.tokens;
  for (let index = 0; index < tokens.length; index++) {
    if (index !== leader && isSqlEvidence(tokens, index)) return undefined;
  }
  return 'capitalised like a sentence, with no SQL punctuation';
}

function isCapitalised(word: string): boolean {
  return word.length > 1 && /^[A-Z][a-z]+$/.test(word);
}

function isSqlEvidence(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  switch (token.kind) {
    case 'operator':
    case 'string':
    case 'quoted':
    case 'placeholder':
    case 'variable':
      return true;
    case 'punct':
      if (token.text === '.') return !token.spaceBefore && tokens[index + 1]?.spaceBefore === false;
      return token.text !== '[' && token.text !== ']';
    case 'word':
      return token.text.length > 1 && token.text === token.upper && KEYWORDS.has(token.upper);
    default:
      return false;
  }
}
