// Which parameter syntax a query's constant text already uses, so a rule can tell a query that
// is parameterised (and merge its own parameters in the same style) from one that is built.
import { scanTemplate } from './scanner';
import { flattenTemplate } from './template-text';
import type { Token } from './tokens';
import type { PlaceholderStyle } from './types';

/** Every placeholder starts with one of these; a text without any is answered without scanning. */
const PLACEHOLDER_MARKS = /[?%$:@]/;

/**
 * The style of the first placeholder in `text`, outside literals and comments (`'%s'` inside
 * quotes is string formatting, not a parameter). A `?` glued to the end of a word is a question
 * mark, not a parameter. Meant for text already recognised as SQL.
 */
export function placeholderStyle(text: string): PlaceholderStyle | undefined {
  if (!PLACEHOLDER_MARKS.test(text)) return undefined;
  const { tokens } = scanTemplate(flattenTemplate([text]));
  for (let index = 0; index < tokens.length; index++) {
    const style = tokens[index].placeholder;
    if (style !== undefined && !isQuestionMark(tokens[index], tokens[index - 1])) return style;
  }
  return undefined;
}

function isQuestionMark(token: Token, previous: Token | undefined): boolean {
  return token.text === '?' && !token.spaceBefore && previous?.kind === 'word';
}
