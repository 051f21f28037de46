// The rule tester itself: how `dedent` reads a source, and that a case fails when any asserted
// part of a finding, or the text after --fix, differs.
import { strict as assert } from 'node:assert';
import privateKey from '../../src/core/rules/private-key';
import silencedCheck from '../../src/core/rules/silenced-check';
import { fakePem } from './helpers';
import { dedent, RuleTester, startsWith, type InvalidCase } from './rule-tester';

describe('rule tester', () => {
  describe('dedent', () => {
    it('drops the first line break, the closing indentation and the common indentation', () => {
      const source = dedent`
        def f():
            return 1

        x = f()
      `;
      assert.equal(source, 'def f():\n    return 1\n\nx = f()\n');
    });

    it('inserts a multi-line value as it is, and leaves no final line break when the backtick closes the last line', () => {
      const body = 'a\n  b';
      assert.equal(
        dedent`
          first
          ${body}
          last`,
        'first\na\n  b\nlast',
      );
    });

    it('keeps a tab written after the common indentation', () => {
      assert.equal(
        dedent`
          func f() {
          \tg()
          }
        `,
        'func f() {\n\tg()\n}\n',
      );
    });
  });

  describe('checks', () => {
    const tester = new RuleTester({ rules: [privateKey] });
    const reported: InvalidCase = {
      name: 'a key',
      path: 'k.pem',
      code: fakePem(),
      errors: [{ message: startsWith('RSA private key committed in this file'), line: 1, column: 1, severity: 'error', fixes: [] }],
    };

    it('passes a case that matches', () => tester.checkInvalid(reported));

    for (const [what, change] of [
      ['line', { line: 2 }],
      ['column', { column: 2 }],
      ['severity', { severity: 'warning' }],
      ['message', { message: 'RSA private key' }],
      ['fixes', { fixes: ['Remove the key'] }],
      ['rule', { ruleId: 'generic-secret' }],
    ] as const) {
      it(`fails a case whose ${what} differs`, () =>
        assert.rejects(tester.checkInvalid({ ...reported, errors: [{ ...reported.errors[0], ...change }] }), assert.AssertionError));
    }

    it('matches a message against a regular expression', async () => {
      await tester.checkInvalid({ ...reported, errors: [{ ...reported.errors[0], message: /^RSA private key committed/ }] });
      await assert.rejects(tester.checkInvalid({ ...reported, errors: [{ ...reported.errors[0], message: /^DSA private key/ }] }), assert.AssertionError);
    });

    it('fails a case that expects another number of findings, or none', async () => {
      await assert.rejects(tester.checkInvalid({ ...reported, errors: [] }), assert.AssertionError);
      await assert.rejects(tester.checkValid(reported), assert.AssertionError);
    });

    it('fails a case whose text after --fix differs', () => assert.rejects(tester.checkInvalid({ ...reported, output: '' }), assert.AssertionError));

    it('passes rule options through the configuration', async () => {
      const judged = new RuleTester({ rules: [silencedCheck], ruleIds: ['silenced-check'] });
      const code = 'console.log(1); // eslint-disable-line no-console -- CLI output goes to stdout\n';
      assert.deepEqual(await judged.findings({ path: 'src/a.js', code }), []);
      assert.equal((await judged.findings({ path: 'src/a.js', code, options: { reportJustified: true } })).length, 1);
    });
  });
});
