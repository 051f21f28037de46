// Terraform / HCL: blocks (`resource "aws_db_instance" "main" {`) add their type and labels to the
// keyPath; attributes whose whole value is one string or heredoc become entries, and so do the
// string attributes of object values (`tags = { Name = "web" }`). Any other expression (numbers,
// references, function calls, lists, `"a${b}" == c`) is stepped over without an entry.
import type { ConfigDocument, Span } from './model';
import { ConfigDocumentBuilder } from './document';
import { appendSegment, joinPaths } from './key-paths';
import { HclLexer, type Token } from './terraform-lexer';

export function readTerraform(text: string): ConfigDocument {
  const doc = new ConfigDocumentBuilder(text, 'terraform');
  new HclParser(new HclLexer(text, doc), doc).parseBody([], false);
  return doc.build();
}

const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);
/** Deeper nesting than any real configuration; beyond it blocks are stepped over, not recursed into. */
const MAX_DEPTH = 256;

class HclParser {
  constructor(
    private readonly lexer: HclLexer,
    private readonly doc: ConfigDocumentBuilder,
  ) {}

  /** Attributes and blocks until the `}` closing the block (consumed), or the end of the file. */
  parseBody(path: string[], inBlock: boolean): void {
    for (;;) {
      const token = this.lexer.next();
      if (token.kind === 'newline') continue;
      if (token.kind === 'end') {
        if (inBlock) this.doc.addProblem('unclosed block', token.start, token.end);
        return;
      }
      if (isPunctuation(token, '}')) {
        if (inBlock) return;
        this.doc.addProblem('unexpected }', token.start, token.end);
      } else if (token.kind === 'identifier') {
        this.parseAttributeOrBlock(token, path);
      } else {
        // An invalid token was reported by the lexer already.
        if (token.kind !== 'invalid') this.doc.addProblem('expected an attribute or a block', token.start, token.end);
        this.skipExpression(false, token);
      }
    }
  }

  private parseAttributeOrBlock(name: Token, path: string[]): void {
    if (isPunctuation(this.lexer.peek(), '=')) {
      this.lexer.next();
      this.parseExpression(appendSegment(path, name.text), { start: name.start, end: name.end }, false);
      return;
    }
    const labels = [name.text];
    for (;;) {
      const token = this.lexer.next();
      if (token.kind === 'identifier') labels.push(token.text);
      else if (token.kind === 'string') labels.push(token.value);
      else if (isPunctuation(token, '{')) {
        if (path.length >= MAX_DEPTH) this.skipNested(token);
        else this.parseBody(joinPaths(path, labels), true);
        return;
      } else {
        if (token.kind !== 'invalid') this.doc.addProblem('expected `=` or `{`', token.start, token.end);
        this.skipExpression(false, token);
        return;
      }
    }
  }

  /** The value of an attribute (in a body) or of an object key (`inObject`). */
  private parseExpression(keyPath: string[], keySpan: Span, inObject: boolean): void {
    const first = this.lexer.peek();
    if (first.kind === 'string' || first.kind === 'heredoc') {
      this.lexer.next();
      if (this.endsExpression(this.lexer.peek(), inObject)) {
        this.doc.addEntry(keyPath, keySpan, first.value, first.valueSpan, first.kind === 'string' ? '"' : undefined);
      } else {
        this.skipExpression(inObject); // the string only starts a longer expression
      }
      return;
    }
    if (isPunctuation(first, '{')) {
      this.lexer.next();
      const next = this.lexer.peek();
      if (next.kind === 'identifier' && next.text === 'for') {
        this.skipExpression(inObject, undefined, 1); // `{ for k, v in x : k => v }`
        return;
      }
      if (keyPath.length >= MAX_DEPTH) this.skipNested(first);
      else this.parseObject(keyPath);
    }
    this.skipExpression(inObject);
  }

  /** `{ key = value, "quoted" = value }` after its `{`, up to and including the `}`. */
  private parseObject(path: string[]): void {
    for (;;) {
      const token = this.lexer.next();
      if (token.kind === 'newline' || isPunctuation(token, ',')) continue;
      if (isPunctuation(token, '}')) return;
      if (token.kind === 'end') {
        this.doc.addProblem('unclosed object', token.start, token.end);
        return;
      }
      const isKey = token.kind === 'identifier' || token.kind === 'string';
      const separator = this.lexer.peek();
      if (isKey && (isPunctuation(separator, '=') || isPunctuation(separator, ':'))) {
        this.lexer.next();
        const keySpan = token.kind === 'string' ? token.valueSpan : { start: token.start, end: token.end };
        this.parseExpression(appendSegment(path, token.kind === 'string' ? token.value : token.text), keySpan, true);
      } else {
        // `(var.key) = value` and other computed keys: no name we could trust.
        this.skipExpression(true, token);
      }
    }
  }

  /**
   * Consumes the rest of an expression: up to a line break, or in an object a `,`, at bracket
   * depth 0. A closing bracket at depth 0 belongs to the enclosing construct and is left for it.
   * `consumed` is a token already taken that starts the expression.
   */
  private skipExpression(inObject: boolean, consumed?: Token, initialDepth = 0): void {
    let depth = initialDepth;
    if (consumed) {
      if (consumed.kind === 'newline' || consumed.kind === 'end') return;
      depth += bracketDelta(consumed);
    }
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind === 'end') return;
      if (depth <= 0) {
        if (token.kind === 'newline' || (inObject && isPunctuation(token, ','))) return;
        if (token.kind === 'punctuation' && CLOSING.has(token.text)) return;
      }
      this.lexer.next();
      depth += bracketDelta(token);
    }
  }

  private skipNested(open: Token): void {
    this.doc.addProblem('nesting too deep to read', open.start, open.end);
    this.skipExpression(false, undefined, 1);
  }

  private endsExpression(token: Token, inObject: boolean): boolean {
    if (token.kind === 'newline' || token.kind === 'end' || isPunctuation(token, '}')) return true;
    return inObject && isPunctuation(token, ',');
  }
}

function isPunctuation(token: Token, text: string): boolean {
  return token.kind === 'punctuation' && token.text === text;
}

function bracketDelta(token: Token): number {
  if (token.kind !== 'punctuation') return 0;
  if (OPENING.has(token.text)) return 1;
  return CLOSING.has(token.text) ? -1 : 0;
}
