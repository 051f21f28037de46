// The comments of a TypeScript syntax tree, exactly as ts-api-utils' `forEachComment` reports
// them, for about a quarter of its cost. `forEachComment` asks every node for `getChildren()`,
// which allocates a node for every punctuation token and a SyntaxList for every node array, then
// runs TypeScript's leading/trailing comment scans around each token. This walk makes the same
// scans at the same token boundaries without building those nodes: it recurses with
// `forEachChild` and scans only the gaps between a node's children for the node's own tokens, as
// `getChildren()` does (same scanner settings, JSDoc first), so the quirks stay too: JSX text is
// not trivia, tokens inside a JSDoc comment get comment scans of their own, and comments next to
// conflict markers are skipped (the rules parse no JSDoc, so that quirk never reaches them: see
// parseTypescriptSource). It needs no parent pointers: it keeps its own ancestors.
import type * as Typescript from 'typescript';
import type { SourceComment } from './source-comment';
import { loadTypescript } from './typescript-module';

type Node = Typescript.Node;

/**
 * The comments in source order, or undefined when `getChildren()` would refuse the tree (an
 * identifier among a node's own tokens, which only error recovery leaves): `forEachComment`
 * throws a TypeScript debug assertion there, and the caller should ask it for that error.
 */
export function walkComments(sourceFile: Typescript.SourceFile): SourceComment[] | undefined {
  const walk = new CommentWalk(loadTypescript(), sourceFile);
  try {
    walk.visit(sourceFile);
  } catch (error) {
    if (error === IDENTIFIER_IN_GAP) return undefined;
    throw error;
  }
  return walk.comments;
}

const IDENTIFIER_IN_GAP = new Error('an identifier among a node’s own tokens');

class CommentWalk {
  readonly comments: SourceComment[] = [];
  private readonly text: string;
  private readonly jsx: boolean;
  private readonly scanner: Typescript.Scanner;
  /** The nodes being walked, innermost last: the last is the parent of a token found now. */
  private readonly ancestors: Node[] = [];
  /** For each open node, where its next gap starts. */
  private readonly cursors: number[] = [];
  /** The kinds of single characters that always scan as one token whatever follows them. */
  private readonly lonePunctuation: Map<number, Typescript.SyntaxKind>;
  // SyntaxKind values read once: `ts.SyntaxKind` is a getter on TypeScript's module object.
  private readonly kind: {
    lastToken: number;
    identifier: number;
    jsxText: number;
    endOfFile: number;
    closeBrace: number;
    greaterThan: number;
    singleLineComment: number;
    jsxExpression: number;
    jsxElement: number;
    jsxFragment: number;
    jsxOpeningElement: number;
    jsxClosingElement: number;
    jsxSelfClosingElement: number;
    jsxOpeningFragment: number;
    jsxClosingFragment: number;
  };

  constructor(
    private readonly ts: typeof Typescript,
    sourceFile: Typescript.SourceFile,
  ) {
    const { SyntaxKind, LanguageVariant } = ts;
    this.text = sourceFile.text;
    this.jsx = sourceFile.languageVariant === LanguageVariant.JSX;
    // As `getChildren()` scans: latest syntax, trivia skipped, standard (non-JSX) variant.
    this.scanner = ts.createScanner(ts.ScriptTarget.Latest, true);
    this.scanner.setText(this.text);
    this.kind = {
      lastToken: SyntaxKind.LastToken,
      identifier: SyntaxKind.Identifier,
      jsxText: SyntaxKind.JsxText,
      endOfFile: SyntaxKind.EndOfFileToken,
      closeBrace: SyntaxKind.CloseBraceToken,
      greaterThan: SyntaxKind.GreaterThanToken,
      singleLineComment: SyntaxKind.SingleLineCommentTrivia,
      jsxExpression: SyntaxKind.JsxExpression,
      jsxElement: SyntaxKind.JsxElement,
      jsxFragment: SyntaxKind.JsxFragment,
      jsxOpeningElement: SyntaxKind.JsxOpeningElement,
      jsxClosingElement: SyntaxKind.JsxClosingElement,
      jsxSelfClosingElement: SyntaxKind.JsxSelfClosingElement,
      jsxOpeningFragment: SyntaxKind.JsxOpeningFragment,
      jsxClosingFragment: SyntaxKind.JsxClosingFragment,
    };
    this.lonePunctuation = new Map(
      [
        ['(', SyntaxKind.OpenParenToken],
        [')', SyntaxKind.CloseParenToken],
        ['[', SyntaxKind.OpenBracketToken],
        [']', SyntaxKind.CloseBracketToken],
        ['{', SyntaxKind.OpenBraceToken],
        ['}', SyntaxKind.CloseBraceToken],
        [',', SyntaxKind.CommaToken],
        [';', SyntaxKind.SemicolonToken],
        [':', SyntaxKind.ColonToken],
      ].map(([char, kind]) => [(char as string).charCodeAt(0), kind as Typescript.SyntaxKind]),
    );
  }

  visit(node: Node): void {
    if (node.kind <= this.kind.lastToken) {
      this.token(node.kind, node.pos, node.end);
      return;
    }
    this.ancestors.push(node);
    if (this.ts.isJSDocCommentContainingNode(node)) {
      // `getChildren()` of a JSDoc comment part is its children alone: no gaps are scanned.
      this.ts.forEachChild(node, this.visitOnly);
    } else {
      const depth = this.cursors.length;
      this.cursors.push(node.pos);
      // JSDoc comments come first, though they are part of the leading trivia of what follows.
      const jsDocs = (node as { jsDoc?: Typescript.JSDoc[] }).jsDoc;
      if (jsDocs !== undefined) {
        for (const jsDoc of jsDocs) this.visitChild(jsDoc);
        this.cursors[depth] = node.pos;
      }
      this.ts.forEachChild(node, this.visitChild, this.visitChildren);
      this.gap(this.cursors[depth], node.end);
      this.cursors.pop();
    }
    this.ancestors.pop();
  }

  // Bound once, not per node; each returns nothing, since a truthy value stops `forEachChild`.
  private readonly visitOnly = (child: Node): undefined => {
    this.visit(child);
    return undefined;
  };

  private readonly visitChild = (child: Node): undefined => {
    const depth = this.cursors.length - 1;
    this.gap(this.cursors[depth], child.pos);
    this.visit(child);
    this.cursors[depth] = child.end;
    return undefined;
  };

  /** A node array: its own gaps (commas) belong to the node that holds it. */
  private readonly visitChildren = (children: Typescript.NodeArray<Node>): undefined => {
    const depth = this.cursors.length - 1;
    this.gap(this.cursors[depth], children.pos);
    this.cursors[depth] = children.pos;
    for (const child of children) this.visitChild(child);
    this.gap(this.cursors[depth], children.end);
    this.cursors[depth] = children.end;
    return undefined;
  };

  /** The open node's own tokens in [pos, end), found as `getChildren()` finds them. */
  private gap(pos: number, end: number): void {
    if (pos >= end) return;
    if (this.lonePunctuationGap(pos, end)) return;
    const { scanner } = this;
    scanner.resetTokenState(pos);
    while (pos < end) {
      const kind = scanner.scan();
      const tokenEnd = scanner.getTokenEnd();
      if (tokenEnd <= end) {
        // `getChildren()` fails a debug assertion here; the caller asks `forEachComment` instead.
        if (kind === this.kind.identifier) throw IDENTIFIER_IN_GAP;
        this.token(kind, pos, tokenEnd);
      }
      pos = tokenEnd;
      if (kind === this.kind.endOfFile) break;
    }
  }

  /**
   * Most gaps are one bracket, comma or semicolon after plain white space; those need no
   * scanner. True when the gap was such and its token has been handled.
   */
  private lonePunctuationGap(pos: number, end: number): boolean {
    const { text } = this;
    let at = pos;
    while (at < end - 1 && isPlainWhiteSpace(text.charCodeAt(at))) at++;
    if (at !== end - 1) return false;
    const kind = this.lonePunctuation.get(text.charCodeAt(at));
    if (kind === undefined) return false;
    this.token(kind, pos, end);
    return true;
  }

  /** The comments around one token of the open node (its parent). */
  private token(kind: Typescript.SyntaxKind, pos: number, end: number): void {
    if (pos === end) return;
    const { ts, text } = this;
    // JSX text is not trivia: what looks like a comment in it is text.
    if (kind !== this.kind.jsxText) {
      // A shebang is not a comment; `forEachComment` starts after it.
      const start = pos === 0 ? (ts.getShebang(text) ?? '').length : pos;
      if (mayStartTrivia(text, start)) ts.forEachLeadingCommentRange(text, start, this.report);
    }
    if (mayStartTrivia(text, end) && (!this.jsx || this.canHaveTrailingTrivia(kind, end))) {
      ts.forEachTrailingCommentRange(text, end, this.report);
    }
  }

  /** For TypeScript's comment scans; it returns nothing, since a truthy value stops the scan. */
  private readonly report = (pos: number, end: number, kind: Typescript.CommentKind): undefined => {
    const isLine = kind === this.kind.singleLineComment;
    this.comments.push({ kind: isLine ? 'line' : 'block', value: this.text.slice(pos + 2, isLine ? end : end - 2), start: pos, end });
    return undefined;
  };

  /** ts-api-utils' rule: after these JSX tokens comes JSX text, not trivia. */
  private canHaveTrailingTrivia(kind: Typescript.SyntaxKind, end: number): boolean {
    const { ancestors, kind: k } = this;
    if (kind !== k.closeBrace && kind !== k.greaterThan) return true;
    const depth = ancestors.length;
    const parent = ancestors[depth - 1];
    const isJsxElementOrFragment = (node: Node | undefined) => node !== undefined && (node.kind === k.jsxElement || node.kind === k.jsxFragment);
    if (kind === k.closeBrace) return parent.kind !== k.jsxExpression || !isJsxElementOrFragment(ancestors[depth - 2]);
    switch (parent.kind) {
      case k.jsxClosingElement:
      case k.jsxClosingFragment:
        return !isJsxElementOrFragment(ancestors[depth - 3]);
      case k.jsxOpeningElement:
        return end !== parent.end;
      case k.jsxOpeningFragment:
        return false;
      case k.jsxSelfClosingElement:
        // A `>` that does not end the element closes its type arguments.
        return end !== parent.end || !isJsxElementOrFragment(ancestors[depth - 2]);
      default:
        return true;
    }
  }
}

/** Space, tab, line feed, carriage return: trivia to the scanner, and never part of a comment's start. */
function isPlainWhiteSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x0a || ch === 0x09 || ch === 0x0d;
}

/**
 * TypeScript's comment scans stop at once on any character but white space, a line break or `/`:
 * skipping the call then changes nothing, and it saves most calls (tokens are mostly adjacent).
 */
function mayStartTrivia(text: string, pos: number): boolean {
  const ch = text.charCodeAt(pos);
  // Tab, line feed, vertical tab, form feed, carriage return, space, `/`, and anything non-ASCII.
  return ch === 0x20 || ch === 0x2f || (ch >= 0x09 && ch <= 0x0d) || ch > 0x7f;
}
