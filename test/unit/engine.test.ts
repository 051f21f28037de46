import { strict as assert } from 'node:assert';
import { CancelledError } from '../../src/core/cancellation';
import { defaultConfig } from '../../src/core/config';
import { analyze } from '../../src/core/engine';
import type { Logger } from '../../src/core/log';
import { defineRule, type Rule } from '../../src/core/rule';

/** A rule that reports every occurrence of a word; the engine's behaviour is what is tested. */
function wordRule(id: string, word: string, extra: Partial<Rule['meta']> = {}): Rule {
  return defineRule({
    meta: {
      id,
      category: 'suppression',
      defaultSeverity: 'warning',
      description: `finds ${word}`,
      fixable: false,
      languages: 'all',
      keywords: [word],
      ...extra,
    },
    check(context) {
      const { text, lines } = context.file;
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        context.report({ message: `found ${word}`, range: lines.rangeOf(at, at + word.length) });
      }
    },
  });
}

const throwingRule = defineRule({
  meta: { id: 'throws', category: 'suppression', defaultSeverity: 'error', description: 'always fails', fixable: false, languages: 'all' },
  check(context) {
    context.report({ message: 'half-finished', range: context.file.lines.rangeOf(0, 1) });
    throw new Error('boom');
  },
});

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, debug() {}, info() {}, warn() {}, error: (message) => errors.push(message) };
}

describe('engine', () => {
  it('logs a rule that throws, drops its reports, and still runs the others', async () => {
    const log = recordingLogger();
    const result = await analyze({ path: 'a.txt', text: 'alpha beta' }, { rules: [throwingRule, wordRule('beta-rule', 'beta')], log });
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId),
      ['beta-rule'],
    );
    assert.deepEqual(result.ruleErrors, [{ ruleId: 'throws', message: 'boom' }]);
    assert.match(log.errors[0], /rule throws failed on a\.txt: boom/);
  });

  it('stops with CancelledError when cancelled', async () => {
    await assert.rejects(
      analyze({ path: 'a.txt', text: 'beta' }, { rules: [wordRule('beta-rule', 'beta')], cancellation: { isCancellationRequested: true } }),
      CancelledError,
    );
  });

  it('skips rules whose keywords are absent, without parsing', async () => {
    let parsed = false;
    const parsing = defineRule({
      meta: {
        id: 'parsing',
        category: 'suppression',
        defaultSeverity: 'info',
        description: 'parses',
        fixable: false,
        languages: ['typescript'],
        keywords: ['nosec'],
      },
      check(context) {
        context.javascript();
        parsed = true;
      },
    });
    await analyze({ path: 'a.ts', text: 'const x = 1;' }, { rules: [parsing] });
    assert.equal(parsed, false);
    await analyze({ path: 'a.ts', text: 'const x = 1; // nosec' }, { rules: [parsing] });
    assert.equal(parsed, true);
  });

  it('runs a rule only on the languages it declares', async () => {
    const tsOnly = wordRule('ts-only', 'beta', { languages: ['typescript'] });
    assert.equal((await analyze({ path: 'a.py', text: 'beta' }, { rules: [tsOnly] })).findings.length, 0);
    assert.equal((await analyze({ path: 'a.ts', text: 'beta' }, { rules: [tsOnly] })).findings.length, 1);
    assert.equal((await analyze({ path: 'a.txt', text: 'beta', language: 'typescript' }, { rules: [tsOnly] })).findings.length, 1, 'editor languageId wins');
  });

  it('applies configured levels and turns rules off', async () => {
    const rule = wordRule('beta-rule', 'beta');
    const config = defaultConfig();
    config.rules['beta-rule'] = { level: 'error', options: {} };
    assert.equal((await analyze({ path: 'a', text: 'beta' }, { rules: [rule], config })).findings[0].severity, 'error');
    config.rules['beta-rule'] = { level: 'off', options: {} };
    assert.deepEqual((await analyze({ path: 'a', text: 'beta' }, { rules: [rule], config })).findings, []);
  });

  it('passes rule options from the config', async () => {
    let seen: unknown;
    const rule = defineRule({
      meta: { id: 'opts', category: 'suppression', defaultSeverity: 'info', description: 'reads options', fixable: false, languages: 'all' },
      check: (context) => void (seen = context.options.threshold),
    });
    const config = defaultConfig();
    config.rules.opts = { options: { threshold: 3 } };
    await analyze({ path: 'a', text: 'x' }, { rules: [rule], config });
    assert.equal(seen, 3);
  });

  it('hides allowlisted findings by fingerprint, wherever they move', async () => {
    const rule = wordRule('beta-rule', 'beta');
    const [finding] = (await analyze({ path: 'a', text: 'beta' }, { rules: [rule] })).findings;
    const config = defaultConfig();
    config.allowlist.push({ fingerprint: finding.fingerprint, reason: 'test fixture', rule: 'beta-rule' });
    assert.deepEqual((await analyze({ path: 'a', text: '\n\n   beta' }, { rules: [rule], config })).findings, []);
    config.allowlist[0].rule = 'another-rule';
    assert.equal((await analyze({ path: 'a', text: 'beta' }, { rules: [rule], config })).findings.length, 1, 'rule-scoped entry');
  });

  it('reports a JS syntax error as a parse problem and still offers comments', async () => {
    let comments: string[] = [];
    let hadAst = true;
    const rule = defineRule({
      meta: { id: 'comments', category: 'suppression', defaultSeverity: 'info', description: 'reads comments', fixable: false, languages: ['typescript'] },
      check(context) {
        const parse = context.javascript();
        hadAst = parse.ast !== undefined;
        comments = parse.comments.map((comment) => comment.value.trim());
      },
    });
    const result = await analyze({ path: 'broken.ts', text: 'function (x { // @ts-ignore\n  /* keep */ return x\n' }, { rules: [rule] });
    assert.equal(hadAst, false);
    assert.deepEqual(comments, ['@ts-ignore', 'keep']);
    assert.ok(result.parseProblem, 'parse problem reported');
  });

  it('parses Python with tree-sitter, syntax errors included', async () => {
    let errorSeen: boolean | undefined;
    let commentTexts: string[] = [];
    const rule = defineRule({
      meta: { id: 'py', category: 'suppression', defaultSeverity: 'info', description: 'reads python', fixable: false, languages: ['python'] },
      check(context) {
        const { tree, hasError } = context.python();
        errorSeen = hasError;
        commentTexts = tree.rootNode.descendantsOfType('comment').map((node) => node!.text);
      },
    });
    await analyze({ path: 'ok.py', text: 'query = f"SELECT 1"  # nosec\n' }, { rules: [rule] });
    assert.equal(errorSeen, false);
    assert.deepEqual(commentTexts, ['# nosec']);
    const broken = await analyze({ path: 'broken.py', text: 'def (:\n  x = 1  # noqa\n' }, { rules: [rule] });
    assert.equal(errorSeen, true);
    assert.ok(broken.parseProblem);
  });

  it('sorts findings by position', async () => {
    const result = await analyze({ path: 'a', text: 'beta alpha\nalpha beta' }, { rules: [wordRule('b', 'beta'), wordRule('a', 'alpha')] });
    assert.deepEqual(
      result.findings.map((finding) => `${finding.range.start.line}:${finding.range.start.character}`),
      ['0:0', '0:5', '1:0', '1:6'],
    );
  });
});

describe('analyze: Python files tree-sitter cannot make out', () => {
  const SINK = 'import os\ndef clean(name):\n    os.system(f"rm -rf /tmp/{name}")\n';

  it('says the file was not analysed when its whole tree is one error (300 nested f-strings), not "clean"', async () => {
    const nested = `x = ${'f"{'.repeat(300)}y${'}"'.repeat(300)}\n`;
    const result = await analyze({ path: 'a.py', text: SINK + nested });
    assert.deepEqual(result.findings, []);
    assert.equal(result.parseProblem?.beyondParser, true);
    assert.deepEqual(
      result.ruleErrors.map((error) => error.ruleId),
      ['parser'],
    );
    assert.match(result.ruleErrors[0].message, /^the Python parser could not make out the file's structure/);
  });

  it('still analyses a file with an ordinary syntax error elsewhere (200 nested f-strings parse)', async () => {
    for (const tail of ['def broken(:\n    pass\n', `x = ${'f"{'.repeat(200)}y${'}"'.repeat(200)}\n`]) {
      const result = await analyze({ path: 'a.py', text: SINK + tail });
      assert.deepEqual(result.ruleErrors, [], tail.slice(0, 20));
      assert.deepEqual(
        result.findings.map((finding) => finding.ruleId),
        ['string-built-command'],
        tail.slice(0, 20),
      );
    }
  });
});
