// The lines of an indentation-structured lock file (yarn 1, pnpm), blank and `#` lines left out:
// each with its offset in the file and its indentation, which is all their readers need.
export interface IndentedLine {
  /** The line without its line break. */
  line: string;
  /** The line without its indentation. */
  content: string;
  indent: number;
  /** Offset of the line's first character in the file. */
  offset: number;
}

export function* indentedLines(text: string): Generator<IndentedLine> {
  let offset = 0;
  for (const physical of text.split('\n')) {
    const lineOffset = offset;
    offset += physical.length + 1;
    const line = physical.endsWith('\r') ? physical.slice(0, -1) : physical;
    const content = line.trimStart();
    if (!content || content.startsWith('#')) continue;
    yield { line, content, indent: line.length - content.length, offset: lineOffset };
  }
}
