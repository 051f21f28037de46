// parseJavaScript converts a TypeScript tree it parses itself (or the engine's shared one) with
// typescript-estree, instead of handing typescript-estree the text: the ESTree and the comments
// must be exactly what typescript-estree's own parse of the text gives, and in the engine a file
// that needs both the ESTree and its comments is parsed once.
import { strict as assert } from 'node:assert';
import { parse } from '@typescript-eslint/typescript-estree';
import { analyze } from '../../src/core/engine';
import { parseJavaScript, type JsParse } from '../../src/core/languages/javascript';
import type { SourceLanguage } from '../../src/core/languages/language';
import { typescriptSourceFile, typescriptTreeOf } from '../../src/core/languages/typescript-ast';
import { loadTypescript } from '../../src/core/languages/typescript-module';
import { nodeBudgetFor, parseBudgetAvailable, ParserBudgetExceeded, withParseBudget } from '../../src/core/languages/typescript-parse-budget';
import { defineRule } from '../../src/core/rule';

interface Case {
  path: string;
  language: SourceLanguage;
  text: string;
}

const CASES: Case[] = [
  { path: 'a.ts', language: 'typescript', text: 'const a: number = 1; // one\n/** doc // two */\nexport function f<T>(x: T) { return x; }\n' },
  { path: 'a.js', language: 'javascript', text: 'const e = <p>// not a comment</p>; /* yes */\n' },
  { path: 'a.jsx', language: 'javascriptreact', text: 'export const C = () => <div a="//x">{/* c */}</div>;\n' },
  { path: 'a.tsx', language: 'typescriptreact', text: 'const f = <T,>(x: T) => x; // g\n' },
  // typescript-estree makes every .mjs/.mts file a module, even without import or export.
  { path: 'a.mjs', language: 'javascript', text: 'const x = 1;\n' },
  { path: 'a.mts', language: 'typescript', text: 'let y = 2;\n' },
  { path: 'a.cjs', language: 'javascript', text: 'module.exports = { a: 1n };\n' },
  { path: 'q.ts', language: 'typescript', text: 'db.query(`SELECT * FROM t WHERE id = ${id}`); // eslint-disable-line\n' },
];

/** typescript-estree's parse of the text, the way parseJavaScript used to call it. */
function estreeOfText({ path, language, text }: Case): JsParse | { error: string } {
  try {
    const ast = parse(text, {
      comment: true,
      tokens: false,
      range: true,
      loc: true,
      jsx: language.endsWith('react') || /\.(jsx|tsx)$/.test(path),
      filePath: path,
    });
    const comments = (ast.comments ?? []).map((c) => ({
      kind: c.type === 'Line' ? ('line' as const) : ('block' as const),
      value: c.value,
      start: c.range[0],
      end: c.range[1],
    }));
    // parseJavaScript asks for no comments from typescript-estree (it reads them itself).
    (ast as { comments?: unknown }).comments = undefined;
    return { ast, comments };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('parseJavaScript', () => {
  for (const testCase of CASES) {
    it(`gives typescript-estree's own ESTree and comments: ${testCase.path}`, () => {
      const expected = estreeOfText(testCase);
      assert.ok(!('error' in expected), 'the case parses');
      const own = parseJavaScript(testCase.text, testCase.language, testCase.path);
      const shared = parseJavaScript(testCase.text, testCase.language, testCase.path, () => typescriptTreeOf(testCase));
      for (const result of [own, shared]) {
        assert.deepEqual(result.ast, expected.ast);
        assert.deepEqual(result.comments, expected.comments);
      }
    });
  }

  it('reports the same problem as typescript-estree for a file it refuses, with the comments', () => {
    const broken: Case = { path: 'broken.js', language: 'javascript', text: 'function ( { // keep\n' };
    const expected = estreeOfText(broken);
    assert.ok('error' in expected);
    const result = parseJavaScript(broken.text, broken.language, broken.path, () => typescriptTreeOf(broken));
    assert.equal(result.ast, undefined);
    assert.equal(result.problem?.message, expected.error);
    assert.deepEqual(result.comments, [{ kind: 'line', value: ' keep', start: 13, end: 20 }]);
  });

  it('does not use a shared tree parsed as another language than the file name says', () => {
    // In the editor a .js file may be open as TypeScript: the shared tree is then a TS tree,
    // while typescript-estree parses by the file name (JS, which reads JSX).
    const text = 'const e = <p>x</p>;\n';
    let asked = false;
    const result = parseJavaScript(text, 'typescript', 'a.js', () => {
      asked = true;
      return typescriptTreeOf({ path: 'a.js', text, language: 'typescript' });
    });
    assert.equal(asked, false);
    assert.ok(result.ast, 'parsed as JS (with JSX), as typescript-estree does');
  });

  it('in the engine, converts the tree the suppression rule reads (one parse per file)', async () => {
    // The shared tree has no parent links until typescript-estree needs them: links on the
    // tree that typescriptSourceFile(context) returns show the ESTree came from that very tree.
    let linked: boolean | undefined;
    const probe = defineRule({
      meta: { id: 'probe', category: 'suppression', defaultSeverity: 'info', description: 'test probe', fixable: false, languages: ['javascript'] },
      check(context) {
        const tree = typescriptSourceFile(context);
        const firstStatement = tree.statements[0];
        assert.equal(firstStatement.parent, undefined, 'no parent links before the ESTree parse');
        assert.ok(context.javascript().ast, 'the file parses');
        linked = firstStatement.parent === tree;
      },
    });
    await analyze(
      { path: 'src/users.js', text: 'export function find(db, id) {\n  return db.query(`SELECT * FROM users WHERE id = ${id}`);\n}\n' },
      { rules: [probe] },
    );
    assert.equal(linked, true);
  });
});

describe("TypeScript parser's step budget", () => {
  // The smallest shape of fuzz input #1377 (a JSON payload pasted into a Nest controller): each
  // level of object members opening `async function` bodies that never close makes TypeScript's
  // error recovery parse the rest of the file twice — 2^levels.
  const tangled = (levels: number) => `x = ${'{ m: async function () { [ {\n'.repeat(levels)}`;

  it('is available in the TypeScript this build uses (its allocator API)', () => {
    assert.equal(parseBudgetAvailable(), true);
  });

  it('stops the parse of exponentially tangled code at its budget, as a problem beyond the parser', () => {
    // 60 levels would be 2^60 steps unbounded.
    const result = parseJavaScript(tangled(60), 'typescript', 'health.controller.ts');
    assert.equal(result.ast, undefined);
    assert.deepEqual(result.comments, []);
    assert.equal(result.problem?.beyondParser, true);
    assert.match(result.problem?.message ?? '', /^the parser gave up after [\d,]+ steps \(its error recovery on this code grows exponentially\)$/);
  });

  it('makes analyze() say the file was not analysed, once, after one parse', async () => {
    let parses = 0;
    const probe = (id: string) =>
      defineRule({
        meta: { id, category: 'suppression', defaultSeverity: 'info', description: 'test probe', fixable: false, languages: ['typescript'] },
        check(context) {
          parses++;
          typescriptSourceFile(context);
        },
      });
    const result = await analyze({ path: 'a.ts', text: tangled(60) }, { rules: [probe('first'), probe('second')] });
    assert.equal(parses, 2);
    // Both rules got the failure; the file has one problem.
    assert.deepEqual(result.ruleErrors, [{ ruleId: 'parser', message: result.parseProblem?.message }]);
    assert.match(result.parseProblem?.message ?? '', /^the parser gave up after/);
  });

  it('leaves ten times the room real code needs: dense valid shapes parse within one step per character', () => {
    const dense = [
      `x = ${'((a, b) => '.repeat(300)}1${')'.repeat(300)};`,
      `f${'<A<B, C>>(x)'.repeat(2_000)};`,
      `x = ${'a < b, c > (d)'.repeat(2_000)};`,
      `x = [${'1,'.repeat(50_000)}];`,
      `x = {${'a: { b: 1 },'.repeat(20_000)}};`,
      `x = ${'<a b={c}>'.repeat(300)}${'</a>'.repeat(300)};`,
      `type T = ${'Array<'.repeat(300)}x${'>'.repeat(300)};`,
    ];
    for (const text of dense) {
      const tree = withParseBudget(text, () => typescriptTreeOf({ path: 'dense.tsx', text, language: 'typescriptreact' }), Number.MAX_SAFE_INTEGER);
      assert.ok(tree.statements.length > 0);
      assert.doesNotThrow(
        () => withParseBudget(text, () => loadTypescript().createSourceFile('dense.tsx', text, 99, false, 4), text.length),
        text.slice(0, 30),
      );
    }
    assert.ok(nodeBudgetFor(1) >= 8, 'the budget allows 8 steps per character');
  });

  it('is spent once per file: a memoized computation that threw is not redone for the next rule', async () => {
    let computed = 0;
    const failures: string[] = [];
    const probe = (id: string) =>
      defineRule({
        meta: { id, category: 'suppression', defaultSeverity: 'info', description: 'test probe', fixable: false, languages: ['typescript'] },
        check(context) {
          try {
            context.memo('probe:throws', () => {
              computed++;
              throw new Error('too tangled');
            });
          } catch (error) {
            failures.push(`${id}: ${(error as Error).message}`);
          }
        },
      });
    await analyze({ path: 'a.ts', text: 'const a = 1;\n' }, { rules: [probe('first'), probe('second')] });
    assert.equal(computed, 1);
    assert.deepEqual(failures, ['first: too tangled', 'second: too tangled']);
  });

  it('is not left armed after a parse that went over it', () => {
    assert.throws(
      () => withParseBudget('const a = 1;', () => typescriptTreeOf({ path: 'a.ts', text: 'const a = [1, 2, 3];', language: 'typescript' }), 2),
      ParserBudgetExceeded,
    );
    const big = `x = [${'1,'.repeat(10_000)}];`;
    assert.equal(typescriptTreeOf({ path: 'b.ts', text: big, language: 'typescript' }).statements.length, 1);
  });
});

describe("TypeScript parser's own failures", () => {
  it('are a problem beyond the parser, not a rule failure: `@decorator await x;` (fuzz input #8244)', async () => {
    // TypeScript 5.9 fails an assertion in parseVariableDeclarationList on this input.
    const text = 'async function requireUser(ctx, next) {\n  @app.route("/admin") await next();\n}\nmodule.exports = { requireUser };\n';
    const result = parseJavaScript(text, 'javascript', 'auth.js');
    assert.equal(result.problem?.beyondParser, true);
    assert.match(result.problem?.message ?? '', /^TypeScript's parser failed on this code \(Debug Failure\./);
    const analysis = await analyze({ path: 'auth.js', text });
    assert.deepEqual(
      analysis.ruleErrors.map((error) => error.ruleId),
      ['parser'],
    );
  });
});
