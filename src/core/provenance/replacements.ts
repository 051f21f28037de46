// Reconstructs a file's text before a tool ran from the tool's own account of what it changed:
// old/new string pairs (Edit, replace, str_replace) or a patch's hunks. Undoing them on the text
// after the change gives the text before it, and the diff of the two gives exactly the lines the
// tool wrote, not lines a person typed elsewhere in the file.

export interface Replacement {
  oldText: string;
  newText: string;
  /** Every occurrence was replaced (Claude's replace_all). */
  all?: boolean;
}

/**
 * `after` with the replacements undone, last first (they were applied in order). Undefined when
 * a replacement cannot be located unambiguously: its new text is empty or occurs elsewhere too.
 */
export function undoReplacements(after: string, replacements: readonly Replacement[]): string | undefined {
  let text = after;
  for (let index = replacements.length - 1; index >= 0; index--) {
    const { oldText, newText, all } = replacements[index];
    if (newText === '') return undefined;
    const first = text.indexOf(newText);
    if (first < 0) return undefined;
    if (all) {
      text = text.split(newText).join(oldText);
      continue;
    }
    if (text.indexOf(newText, first + 1) >= 0) return undefined;
    text = text.slice(0, first) + oldText + text.slice(first + newText.length);
  }
  return text;
}
