// Walks a text line by line without copying it. `\n`, `\r\n` and a lone `\r` all end a line, as in
// LineIndex, so that the offsets a reader reports land on the lines the editor shows.
import { BYTE_ORDER_MARK } from './chars';

export class LineCursor {
  /** Offset of the current line's first character. */
  start = 0;
  /** Offset just past the current line's last character, before its line break. */
  end = 0;
  /** Offset of the line after the current one (the text's length after the last line). */
  next: number;
  /** The first `\r` at or after `carriageReturnSearchStart`, -1 when there is none, -2 before any search. */
  private nextCarriageReturn = -2;
  private carriageReturnSearchStart = 0;

  constructor(private readonly text: string) {
    // A byte order mark is not part of the first key.
    this.next = text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  }

  /** Moves to the line that starts at `next`; false once the text is used up. */
  advance(): boolean {
    const text = this.text;
    const pos = this.next;
    if (pos >= text.length) return false;
    const newline = text.indexOf('\n', pos);
    // Searching for `\r` only when the cached one is behind keeps the cursor linear even though
    // most files have no `\r` at all (indexOf then returns -1 once for the whole file).
    if (this.nextCarriageReturn === -2 || (this.nextCarriageReturn !== -1 && this.nextCarriageReturn < pos)) {
      this.nextCarriageReturn = text.indexOf('\r', pos);
      this.carriageReturnSearchStart = pos;
    }
    let end = newline === -1 ? text.length : newline;
    let next = newline === -1 ? text.length : newline + 1;
    const carriageReturn = this.nextCarriageReturn;
    if (carriageReturn !== -1 && carriageReturn < end) {
      end = carriageReturn;
      if (carriageReturn !== newline - 1) next = carriageReturn + 1; // a lone `\r` ends the line
    }
    this.start = pos;
    this.end = end;
    this.next = next;
    return true;
  }

  /** Makes the line starting at `lineStart` the next one `advance` moves to (to re-read or skip ahead). */
  resumeAt(lineStart: number): void {
    this.next = lineStart;
    if (lineStart < this.carriageReturnSearchStart) {
      // Only the stretch not searched yet can hold an earlier `\r`. Readers step back a few lines
      // at most, so this stays cheap where a fresh indexOf could scan to the end of a file that
      // has no `\r` at all, once per step back.
      for (let i = lineStart; i < this.carriageReturnSearchStart; i++) {
        if (this.text.charCodeAt(i) === 13) {
          this.nextCarriageReturn = i;
          break;
        }
      }
      this.carriageReturnSearchStart = lineStart;
    }
  }
}
