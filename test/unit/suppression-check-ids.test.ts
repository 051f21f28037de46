// The security-id tables: for each tool, ids that silence a security check and look-alikes that
// silence style, types or correctness only; and which directives hide what Lastline finds (an
// inline secret above all, the one finding every language can have).
import { strict as assert } from 'node:assert';
import { idsFor, silencesCategory, silencesSecurity } from '../../src/core/suppressions/check-ids';
import type { SuppressionTool } from '../../src/core/suppressions/model';

/** [tool, ids (empty: a blanket), silences a security check, hides an inline secret] */
type Row = [SuppressionTool, string[], boolean, boolean];

const ROWS: Row[] = [
  // Go
  ['gosec', ['G101'], true, true],
  ['gosec', ['G304'], true, false],
  ['gosec', [], true, true],
  ['golangci-lint', ['gosec'], true, true],
  ['golangci-lint', ['gas'], true, true],
  ['golangci-lint', [], true, true],
  ['golangci-lint', ['lll'], false, false],
  ['golangci-lint', ['errcheck', 'gocyclo'], false, false],
  ['golangci-lint', ['gosec because'], false, false],
  // Java and Kotlin
  ['java', ['java:S2068'], true, true],
  ['java', ['squid:S6418'], true, true],
  ['java', ['java:S3649'], true, false],
  ['java', ['java:S5131'], true, false],
  ['java', ['PMD.HardCodedCryptoKey'], true, true],
  ['java', ['PMD'], true, false],
  ['java', ['JDBCExecuteWithNonConstantString'], true, false],
  ['java', [], true, true],
  ['java', ['unchecked'], false, false],
  ['java', ['rawtypes', 'deprecation'], false, false],
  ['java', ['java:S1192'], false, false],
  ['java', ['PMD.UnusedLocalVariable'], false, false],
  ['java', ['checkstyle:magicnumber'], false, false],
  ['kotlin', ['kotlin:S6418'], true, true],
  ['kotlin', ['SetJavaScriptEnabled'], true, false],
  ['kotlin', ['UNCHECKED_CAST'], false, false],
  ['kotlin', ['MagicNumber'], false, false],
  ['spotbugs', ['HARD_CODE_PASSWORD'], true, true],
  ['spotbugs', ['SQL'], true, false],
  ['spotbugs', ['SQL_INJECTION_JDBC'], true, false],
  ['spotbugs', ['SECURITY'], true, true],
  ['spotbugs', [], true, true],
  ['spotbugs', ['NP_NULL_ON_SOME_PATH'], false, false],
  ['spotbugs', ['EI_EXPOSE_REP'], false, false],
  ['android-lint', ['AuthLeak'], true, true],
  ['android-lint', ['TrustAllX509TrustManager'], true, false],
  ['android-lint', ['HardcodedText'], false, false],
  ['pmd', [], true, false],
  // C#
  ['csharp', ['CA2100'], true, false],
  ['csharp', ['ca3001'], true, false],
  ['csharp', ['CA5390'], true, true],
  ['csharp', ['CA2326'], true, false],
  ['csharp', ['SCS0015'], true, true],
  ['csharp', ['SCS0005'], true, false],
  ['csharp', ['S2068'], true, true],
  ['csharp', [], true, true],
  ['csharp', ['CS0168'], false, false],
  ['csharp', ['618'], false, false],
  ['csharp', ['IDE0051', 'SA1600'], false, false],
  ['csharp', ['CA1822'], false, false],
  // Ruby
  ['rubocop', ['Security/Eval'], true, false],
  ['rubocop', ['Security'], true, false],
  ['rubocop', ['Rails/OutputSafety'], true, false],
  ['rubocop', [], true, false],
  ['rubocop', ['Metrics/MethodLength'], false, false],
  ['rubocop', ['Style/Documentation', 'Lint/UselessAssignment'], false, false],
  // PHP
  ['phpcs', ['WordPress.DB.PreparedSQL.NotPrepared'], true, false],
  ['phpcs', ['WordPress.DB'], true, false],
  ['phpcs', ['wordpress.security.escapeoutput'], true, false],
  ['phpcs', ['Security.BadFunctions.SystemExecFunctions'], true, false],
  ['phpcs', ['WordPress.Files.FileName'], false, false],
  ['phpcs', ['Generic.Files.LineLength'], false, false],
  ['psalm', ['TaintedSql'], true, false],
  ['psalm', ['PossiblyNullReference'], false, false],
  ['phpstan', [], false, false],
  // Rust
  ['rust', ['unsafe_code'], true, false],
  ['rust', [], true, false],
  ['rust', ['dead_code'], false, false],
  ['rust', ['clippy::unwrap_used'], false, false],
  // shell
  ['shellcheck', ['SC2086'], true, false],
  ['shellcheck', ['2046'], true, false],
  ['shellcheck', ['SC2000-SC2099'], true, false],
  ['shellcheck', [], true, false],
  ['shellcheck', ['SC2034'], false, false],
  ['shellcheck', ['SC1091', 'SC2155'], false, false],
  ['shellcheck', ['SC1000-SC1999'], false, false],
  // Style and type checkers
  ['checkstyle', [], false, false],
  ['mypy', [], false, false],
  // The existing dialects keep their meaning.
  ['bandit', ['B105'], true, true],
  ['bandit', ['B608'], true, false],
  ['flake8', ['E501'], false, false],
  ['flake8', ['S105'], true, true],
  ['eslint', ['no-console'], false, false],
  ['eslint', ['security/detect-object-injection'], true, true],
  ['gitleaks', [], true, true],
  ['sonar', [], true, true],
];

describe('suppression check ids', () => {
  for (const [tool, ids, security, hidesSecret] of ROWS) {
    const what = ids.length ? ids.join(', ') : 'a blanket';
    it(`${tool} ${what}: ${security ? 'a security check' : 'not a security check'}, ${hidesSecret ? 'hides' : 'does not hide'} an inline secret`, () => {
      assert.equal(silencesSecurity(tool, ids), security);
      assert.equal(silencesCategory(tool, ids, 'inline-secret'), hidesSecret);
    });
  }

  it('narrows blankets to the ids that find the category', () => {
    assert.deepEqual(idsFor('golangci-lint', 'inline-secret'), ['gosec']);
    assert.deepEqual(idsFor('gosec', 'string-built-query'), ['G201', 'G202']);
    assert.deepEqual(idsFor('csharp', 'inline-secret'), ['S2068', 'SCS0015']);
    assert.deepEqual(idsFor('rubocop', 'inline-secret'), []);
  });
});
