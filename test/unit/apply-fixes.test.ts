import { strict as assert } from 'node:assert';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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
    assert.equal(
      applyTextEdits('abc\ndef', [
        { range: at(0, 0, 1), newText: 'X' },
        { range: at(1, 1, 3), newText: 'YY' },
      ]),
      'Xbc\ndYY',
    );
  });

  it('refuses overlapping edits', () => {
    assert.throws(
      () =>
        applyTextEdits('abcdef', [
          { range: at(0, 0, 3), newText: '' },
          { range: at(0, 2, 4), newText: '' },
        ]),
      /overlapping/,
    );
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
        [
          report(text, [
            finding([{ title: 'a', safe: true, edits: [{ range: at(0, 0, 3), newText: 'X' }] }]),
            finding([{ title: 'b', safe: true, edits: [{ range: at(0, 2, 5), newText: 'Y' }] }]),
          ]),
        ],
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
      assert.deepEqual(outcome.notFixed, [{ path: 'app.py', reason: 'it changed while being scanned' }]);
      assert.equal(readFileSync(join(dir.path, 'app.py'), 'utf8'), 'edited meanwhile\n');
    });

    /** A report of `name` holding `bytes` on disk, analysed as `text`, with one safe fix: `abc` → `X`. */
    function onDisk(name: string, bytes: Buffer, text: string): FileReport {
      writeFileSync(join(dir.path, name), bytes);
      return {
        absolutePath: join(dir.path, name),
        projectPath: name,
        text,
        ruleErrors: [],
        findings: [finding([{ title: 'a', safe: true, edits: [{ range: at(0, 0, 3), newText: 'X' }] }])],
      };
    }

    it("keeps a UTF-8 file's BOM, byte for byte", () => {
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      applySafeFixes([onDisk('bom.py', Buffer.concat([bom, Buffer.from('abc = "é"\n')]), 'abc = "é"\n')], dir.path);
      assert.deepEqual(readFileSync(join(dir.path, 'bom.py')), Buffer.concat([bom, Buffer.from('X = "é"\n')]));
    });

    it('leaves a file that is not valid UTF-8 alone, says why, and fixes the others', () => {
      const latin1 = Buffer.from('abc = "caf\xe9"\n', 'latin1');
      const outcome = applySafeFixes([onDisk('latin1.py', latin1, 'abc = "caf\ufffd"\n'), onDisk('ok.py', Buffer.from('abc\n'), 'abc\n')], dir.path);
      assert.deepEqual(readFileSync(join(dir.path, 'latin1.py')), latin1);
      assert.deepEqual(outcome.notFixed, [{ path: 'latin1.py', reason: 'it is not valid UTF-8, and a fix would change bytes outside its edits' }]);
      assert.equal(readFileSync(join(dir.path, 'ok.py'), 'utf8'), 'X\n');
      assert.deepEqual(outcome.filesChanged, ['ok.py']);
    });

    it('skips a read-only file with a reason and finishes the run (as root too)', () => {
      const readOnly = onDisk('locked.py', Buffer.from('abc\n'), 'abc\n');
      chmodSync(readOnly.absolutePath, 0o444);
      const outcome = applySafeFixes([readOnly, onDisk('ok.py', Buffer.from('abc\n'), 'abc\n')], dir.path);
      assert.deepEqual(outcome.notFixed, [{ path: 'locked.py', reason: 'it is read-only' }]);
      assert.equal(readFileSync(readOnly.absolutePath, 'utf8'), 'abc\n');
      assert.equal(readFileSync(join(dir.path, 'ok.py'), 'utf8'), 'X\n');
    });

    it("keeps the file's mode, and writes through a symbolic link to its target", () => {
      const script = onDisk('run.py', Buffer.from('abc\n'), 'abc\n');
      chmodSync(script.absolutePath, 0o751);
      symlinkSync('run.py', join(dir.path, 'link.py'));
      applySafeFixes([{ ...script, absolutePath: join(dir.path, 'link.py'), projectPath: 'link.py' }], dir.path);
      assert.equal(statSync(script.absolutePath).mode & 0o777, 0o751);
      assert.ok(lstatSync(join(dir.path, 'link.py')).isSymbolicLink());
      assert.equal(readFileSync(script.absolutePath, 'utf8'), 'X\n');
      assert.deepEqual(readdirSync(dir.path).sort(), ['link.py', 'run.py'], 'no temporary file left');
    });
  });
});
