import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyTextEdits } from '../../src/core/edits';
import type { Finding, Fix, Range } from '../../src/core/types';
import { applySafeFixes } from '../../src/scan/apply-fixes';
import type { FileReport } from '../../src/scan/scan';
import { tempDir, writeTree } from './helpers';

const at = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

function finding(fixes: Fix[], range = at(0, 0, 1)): Finding {
  return { ruleId: 'r', category: 'inline-secret', severity: 'error', message: 'm', range, fixes, fingerprint: 'f' };
}

describe('fix application', () => {
  it('applies non-overlapping edits from back to front', () => {
    assert.equal(applyTextEdits('abc\ndef', [{ range: at(0, 0, 1), newText: 'X' }, { range: at(1, 1, 3), newText: 'YY' }]), 'Xbc\ndYY');
  });

  it('refuses overlapping edits', () => {
    assert.throws(() => applyTextEdits('abcdef', [{ range: at(0, 0, 3), newText: '' }, { range: at(0, 2, 4), newText: '' }]), /overlapping/);
  });

  describe('lastline scan --fix', () => {
    let dir: ReturnType<typeof tempDir>;
    beforeEach(() => (dir = tempDir()));
    afterEach(() => dir.remove());

    function report(text: string, findings: Finding[]): FileReport {
      writeTree(dir.path, { 'app.py': text });
      return { absolutePath: join(dir.path, 'app.py'), projectPath: 'app.py', text, findings, ruleErrors: [] };
    }

    it('applies only safe fixes, the first per finding, and appends to other files once', () => {
      writeTree(dir.path, { '.gitignore': 'node_modules\n.env\n' });
      const text = 'KEY = "abc"\nOTHER = "def"\n';
      const outcome = applySafeFixes(
        [
          report(text, [
            finding([{ title: 'unsafe', safe: false, edits: [{ range: at(0, 6, 11), newText: 'nope' }] }]),
            finding(
              [
                {
                  title: 'move',
                  safe: true,
                  edits: [{ range: at(1, 8, 13), newText: 'os.environ["OTHER"]' }],
                  files: [
                    { path: '.env', appendLines: ['OTHER=def'] },
                    { path: '.gitignore', appendLines: ['.env'], unlessPresent: true },
                  ],
                },
                { title: 'second choice', safe: true, edits: [{ range: at(1, 0, 5), newText: 'never' }] },
              ],
              at(1, 8, 13),
            ),
          ]),
        ],
        dir.path,
      );
      assert.equal(outcome.fixesApplied, 1);
      assert.equal(readFileSync(join(dir.path, 'app.py'), 'utf8'), 'KEY = "abc"\nOTHER = os.environ["OTHER"]\n');
      assert.equal(readFileSync(join(dir.path, '.env'), 'utf8'), 'OTHER=def\n');
      assert.equal(readFileSync(join(dir.path, '.gitignore'), 'utf8'), 'node_modules\n.env\n', '.env already ignored');
      assert.deepEqual(outcome.filesChanged, ['app.py', '.env']);
    });

    it('skips a fix that overlaps one already chosen in the same file', () => {
      const text = 'abcdef\n';
      const outcome = applySafeFixes(
        [report(text, [finding([{ title: 'a', safe: true, edits: [{ range: at(0, 0, 3), newText: 'X' }] }]), finding([{ title: 'b', safe: true, edits: [{ range: at(0, 2, 5), newText: 'Y' }] }])])],
        dir.path,
      );
      assert.equal(outcome.fixesApplied, 1);
      assert.equal(readFileSync(join(dir.path, 'app.py'), 'utf8'), 'Xdef\n');
    });

    it('never edits a file that changed since it was analysed', () => {
      const stale = report('abc\n', [finding([{ title: 'a', safe: true, edits: [{ range: at(0, 0, 1), newText: 'X' }] }])]);
      writeTree(dir.path, { 'app.py': 'edited meanwhile\n' });
      const outcome = applySafeFixes([stale], dir.path);
      assert.equal(outcome.fixesApplied, 0);
      assert.deepEqual(outcome.staleFiles, ['app.py']);
      assert.equal(readFileSync(join(dir.path, 'app.py'), 'utf8'), 'edited meanwhile\n');
    });
  });
});
