// The comments of TypeScript's tree (typescript-comment-walk.ts) against ts-api-utils'
// `forEachComment`, which it replaces and must equal exactly: a table of inputs where comment
// finding goes wrong easily (JSDoc, shebangs, template and regex literals, JSX text and tags,
// broken files, conflict markers), each with the comments expected and compared with
// `forEachComment` on the same text; then the same comparison over this repository's own sources.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { forEachComment } from 'ts-api-utils';
import { parseJavaScript, type SourceComment } from '../../src/core/languages/javascript';
import { parseTypescriptSource, typescriptComments } from '../../src/core/languages/typescript-ast';
import { REPO_ROOT } from './helpers';

type Kind = 'JS' | 'JSX' | 'TS' | 'TSX';

interface Case {
  name: string;
  kind: Kind;
  source: string;
  /** Each comment as it appears in `source`, markers included, in the order reported. */
  comments: string[];
}

const CASES: Case[] = [
  { name: 'line and block', kind: 'TS', source: 'a; // one\n/* two */ b;', comments: ['// one', '/* two */'] },
  { name: 'JSDoc is a block comment', kind: 'TS', source: '/** Doc. */\nfunction f() {}', comments: ['/** Doc. */'] },
  { name: 'two JSDoc comments', kind: 'JS', source: '/** a */ /** b */ let x = 1;', comments: ['/** a */', '/** b */'] },
  // forEachComment's quirk on a tree with parsed JSDoc, kept: a `//` after a JSDoc tag's name is
  // scanned as a comment running to the end of the line (past the `*/`), reported before the JSDoc
  // comment itself. The rules' trees do not parse JSDoc (see 'as the rules parse' below).
  {
    name: 'JSDoc with // after a parameter name',
    kind: 'TS',
    source: '/** @param x // y */ function f(x) {}',
    comments: ['// y */ function f(x) {}', '/** @param x // y */'],
  },
  { name: 'JSDoc with // after a type', kind: 'JS', source: '/** @type {string} // t */ let s;', comments: ['// t */ let s;', '/** @type {string} // t */'] },
  { name: 'JSDoc with /* after a link', kind: 'TS', source: '/** see {@link foo} /* q */\nlet s;', comments: ['/** see {@link foo} /* q */'] },
  {
    name: 'JSDoc with // on a line of its own',
    kind: 'TS',
    source: '/**\n * @returns {Foo} x\n // z\n */\nfunction g() {}',
    comments: ['/**\n * @returns {Foo} x\n // z\n */'],
  },
  { name: 'shebang is not a comment', kind: 'JS', source: '#!/usr/bin/env node\n// after\nrun();', comments: ['// after'] },
  { name: 'shebang with // in it', kind: 'JS', source: '#!/usr/bin/env node // not', comments: [] },
  { name: 'line comment at end of file', kind: 'TS', source: 'x;\n// last', comments: ['// last'] },
  { name: 'block comment at end of file', kind: 'TS', source: 'x; /* end */', comments: ['/* end */'] },
  { name: 'only a comment', kind: 'TS', source: '// only', comments: ['// only'] },
  { name: 'empty file', kind: 'TS', source: '', comments: [] },
  {
    name: 'before ) ] }',
    kind: 'TS',
    source: 'f(a /* p */, b // q\n);\n[1 /* e */];\nconst o = { a /* o */ };',
    comments: ['/* p */', '// q', '/* e */', '/* o */'],
  },
  { name: 'around a comma', kind: 'TS', source: 'g(a /* c1 */, /* c2 */ b);', comments: ['/* c1 */', '/* c2 */'] },
  { name: 'template literal with // and /*', kind: 'TS', source: 'const t = `// no ${a /* yes */} /* no */`; // tail', comments: ['/* yes */', '// tail'] },
  { name: 'regex literal with //', kind: 'JS', source: 'const r = /\\/\\/ not/g; // yes', comments: ['// yes'] },
  { name: 'regex literal with /*', kind: 'JS', source: 'const r = /[/*]+/; /* b */', comments: ['/* b */'] },
  { name: '/= and / operators', kind: 'TS', source: 'x /= 2; // d\ny = a / b /* e */ / c;', comments: ['// d', '/* e */'] },
  { name: 'JSX text with // and /*', kind: 'TSX', source: 'const e = <div>// text /* text */ {/* yes */}</div>;', comments: ['/* yes */'] },
  { name: 'after a JSX closing tag', kind: 'TSX', source: 'const e = <a>{x}</a> // after\n;', comments: ['// after'] },
  { name: 'after a self-closing JSX tag', kind: 'JSX', source: 'const e = <b /> /* s */;', comments: ['/* s */'] },
  { name: 'JSX text after a self-closing child', kind: 'TSX', source: 'const e = <a><b /> // text\n</a>;', comments: [] },
  { name: 'JSX fragment', kind: 'TSX', source: 'const e = <>// text<br/>/* t */</> /* c */;', comments: ['/* c */'] },
  { name: 'JSX attributes', kind: 'TSX', source: 'const e = <a href="//x" /* c */ b={1 /* d */} />;', comments: ['/* c */', '/* d */'] },
  { name: 'JSX in a .js file', kind: 'JS', source: 'const e = <p>// not</p>; // yes', comments: ['// yes'] },
  { name: 'generic arrow in TSX', kind: 'TSX', source: 'const f = <T,>(x: T) => x; // g', comments: ['// g'] },
  { name: 'after >> closing type arguments', kind: 'TS', source: 'let m: Map<string, Array<number>> /* a */ = new Map();', comments: ['/* a */'] },
  { name: 'unterminated block comment', kind: 'TS', source: 'x; /* open', comments: ['/* open'] },
  { name: 'unterminated template', kind: 'TS', source: 'let s = `abc ${ // c\n', comments: ['// c'] },
  { name: 'broken function', kind: 'TS', source: 'function ( { // c\n', comments: ['// c'] },
  { name: 'stray closers', kind: 'TS', source: '} // a\n) /* b */', comments: ['// a', '/* b */'] },
  // forEachComment's comment scans stop at a conflict marker, and the parser skips the rest as trivia.
  { name: 'conflict markers', kind: 'TS', source: 'a;\n<<<<<<< HEAD\n// ours\nb;\n=======\n// theirs\nc;\n>>>>>>> branch\n// after', comments: [] },
  { name: 'line separator ends a line comment', kind: 'TS', source: 'a; // one\u2028b; // two', comments: ['// one', '// two'] },
  { name: 'CRLF line ends', kind: 'TS', source: 'a; // one\r\n/* two */\r\nb;', comments: ['// one', '/* two */'] },
  { name: 'decorators', kind: 'TS', source: '@dec /* a */ class C { @p() /* b */ x = 1; }', comments: ['/* a */', '/* b */'] },
];

/** A broken file whose `getChildren()` fails a TypeScript debug assertion. */
const ASSERTION_SOURCE = '<>a\n<<<<<<< ';

function parse(source: string, kind: Kind, parents: boolean): ts.SourceFile {
  return ts.createSourceFile(`file.${kind.toLowerCase()}`, source, ts.ScriptTarget.Latest, parents, ts.ScriptKind[kind]);
}

/** The old way: ts-api-utils over a tree with parent links, converted as the callers did. */
function forEachCommentResult(source: string, kind: Kind): SourceComment[] {
  const comments: SourceComment[] = [];
  forEachComment(parse(source, kind, true), (fullText, range) => {
    const isLine = range.kind === ts.SyntaxKind.SingleLineCommentTrivia;
    comments.push({
      kind: isLine ? 'line' : 'block',
      value: fullText.slice(range.pos + 2, isLine ? range.end : range.end - 2),
      start: range.pos,
      end: range.end,
    });
  });
  return comments;
}

/** As the suppression rule reads them: no parent links. */
const walkResult = (source: string, kind: Kind) => typescriptComments(parse(source, kind, false));

function expectedComments(testCase: Case): SourceComment[] {
  return testCase.comments.map((text) => {
    const start = testCase.source.indexOf(text);
    assert.ok(start >= 0 && testCase.source.indexOf(text, start + 1) < 0, `${JSON.stringify(text)} occurs once in the source`);
    const isLine = text.startsWith('//');
    // A block comment's value drops its last two characters even when they are not `*/` (unterminated).
    return { kind: isLine ? 'line' : 'block', value: text.slice(2, isLine ? text.length : -2), start, end: start + text.length };
  });
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '(no error)';
}

describe('comments of TypeScript’s tree', () => {
  describe('tricky inputs', () => {
    for (const testCase of CASES) {
      it(`${testCase.name} (${testCase.kind})`, () => {
        assert.deepEqual(walkResult(testCase.source, testCase.kind), expectedComments(testCase));
      });
    }
  });

  describe('equal to ts-api-utils’ forEachComment', () => {
    for (const testCase of CASES) {
      for (const kind of ['JS', 'JSX', 'TS', 'TSX'] as const) {
        it(`${testCase.name} as ${kind}`, () => {
          assert.deepEqual(walkResult(testCase.source, kind), forEachCommentResult(testCase.source, kind));
        });
      }
    }

    it('fails as forEachComment fails where getChildren() does', () => {
      const expected = errorOf(() => forEachCommentResult(ASSERTION_SOURCE, 'TSX'));
      assert.match(expected, /^Debug Failure\./);
      assert.equal(
        errorOf(() => walkResult(ASSERTION_SOURCE, 'TSX')),
        expected,
      );
    });

    it('on every TypeScript file of this repository', function () {
      this.timeout(60_000);
      const files = ['src', 'test', 'bench', 'scripts', 'demo'].flatMap((dir) => sourceFiles(join(REPO_ROOT, dir)));
      assert.ok(files.length > 50, `found ${files.length} files`);
      for (const file of files) {
        const source = readFileSync(file, 'utf8');
        const kind: Kind = file.endsWith('.tsx') ? 'TSX' : file.endsWith('.jsx') ? 'JSX' : /\.[cm]?js$/.test(file) ? 'JS' : 'TS';
        assert.deepEqual(walkResult(source, kind), forEachCommentResult(source, kind), file);
      }
    });
  });

  it('as the rules parse (JSDoc not parsed), a `//` inside a JSDoc comment stays part of it', () => {
    for (const testCase of CASES.filter((c) => c.name.startsWith('JSDoc'))) {
      const jsdoc = testCase.comments.filter((comment) => comment.startsWith('/**'));
      for (const kind of ['JS', 'JSX', 'TS', 'TSX'] as const) {
        const comments = typescriptComments(parseTypescriptSource(`file.${kind.toLowerCase()}`, testCase.source, ts.ScriptKind[kind]));
        assert.deepEqual(comments, expectedComments({ ...testCase, comments: jsdoc }), `${testCase.name} as ${kind}`);
      }
    }
  });

  it('parseJavaScript still finds the comments of a file typescript-estree refuses', () => {
    const parsed = parseJavaScript('function ( { // lastline-ignore\n', 'typescript', 'broken.ts');
    assert.equal(parsed.ast, undefined);
    assert.ok(parsed.problem);
    assert.deepEqual(parsed.comments, [{ kind: 'line', value: ' lastline-ignore', start: 13, end: 31 }]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(path);
    return /\.(tsx?|[cm]?jsx?)$/.test(entry.name) ? [path] : [];
  });
}
