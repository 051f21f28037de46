import { strict as assert } from 'node:assert';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { formatSarif } from '../../src/cli/format/sarif';
import { allRules } from '../../src/core/rules';
import type { ScanResult } from '../../src/scan/scan';
import { fakePem, runCli, tempDir, writeTree } from './helpers';

// The official SARIF 2.1.0 (rtm.5) schema, as shipped by Microsoft's @microsoft/jest-sarif package.
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// The schema's language-tag pattern is not valid under the regexp `u` flag Ajv uses by default.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function assertValid(log: unknown): void {
  const valid = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
}

describe('SARIF output', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it('validates against the official SARIF 2.1.0 schema', async () => {
    writeTree(dir.path, { 'keys/a b.pem': fakePem(), 'x.txt': 'nothing' });
    const run = await runCli(dir.path, 'scan', '--format', 'sarif');
    const log = JSON.parse(run.stdout);
    assertValid(log);
    const [result] = log.runs[0].results;
    assert.equal(result.ruleId, 'private-key');
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'keys/a%20b.pem');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 14, endColumn: 30 });
    const rule = log.runs[0].tool.driver.rules[result.ruleIndex];
    assert.equal(rule.id, 'private-key');
    assert.match(rule.helpUri, /docs\/rules\/private-key\.md$/);
    assert.equal(rule.properties['security-severity'], '8.0');
  });

  it('keeps partialFingerprints when the finding moves down the file', async () => {
    writeTree(dir.path, { 'k.pem': fakePem() });
    const before = JSON.parse((await runCli(dir.path, 'scan', '--format', 'sarif')).stdout).runs[0].results[0];
    writeTree(dir.path, { 'k.pem': `# comment\n\n${fakePem()}` });
    const after = JSON.parse((await runCli(dir.path, 'scan', '--format', 'sarif')).stdout).runs[0].results[0];
    assert.notEqual(after.locations[0].physicalLocation.region.startLine, before.locations[0].physicalLocation.region.startLine);
    assert.deepEqual(after.partialFingerprints, before.partialFingerprints);
  });

  it('serialises fixes and related locations validly', () => {
    const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 10 } };
    const result: ScanResult = {
      filesAnalysed: 1,
      bytesAnalysed: 10,
      skipped: [],
      reports: [
        {
          absolutePath: `${dir.path}/src/db.py`,
          projectPath: 'src/db.py',
          ruleErrors: [],
          findings: [
            {
              ruleId: 'private-key',
              category: 'inline-secret',
              severity: 'warning',
              message: 'm',
              range,
              fingerprint: 'ab'.repeat(16),
              related: [
                { message: 'built here', range },
                { message: 'guarded sibling', range, file: 'src/other.py' },
              ],
              fixes: [
                { title: 'Move to environment', safe: false, edits: [{ range, newText: 'os.environ["X"]' }], files: [{ path: '.env', appendLines: ['X=1'] }] },
              ],
            },
          ],
        },
      ],
    };
    const log = JSON.parse(formatSarif(result, dir.path, allRules));
    assertValid(log);
    const [sarifResult] = log.runs[0].results;
    assert.equal(sarifResult.relatedLocations[1].physicalLocation.artifactLocation.uri, 'src/other.py');
    assert.equal(sarifResult.fixes[0].description.text, 'Move to environment (also updates .env)');
    assert.deepEqual(sarifResult.fixes[0].artifactChanges[0].replacements[0].deletedRegion, { startLine: 3, startColumn: 5, endLine: 3, endColumn: 11 });
  });
});
