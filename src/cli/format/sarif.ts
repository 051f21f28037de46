// `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it — rules with helpUri and a
// security-severity, results with partialFingerprints (content-based, so an alert survives line
// shifts) and fixes. Typed with @types/sarif, and validated against the official schema in
// test/unit/sarif.test.ts.
import { pathToFileURL } from 'node:url';
import type { Fix as SarifFix, Location, Log, Region, Result } from 'sarif';
import { ruleDocsUrl } from '../../core/docs';
import type { Rule } from '../../core/rule';
import type { Finding, Fix, Range, Severity } from '../../core/types';
import type { FileReport, ScanResult } from '../../scan/scan';
import { VERSION } from '../usage';
import { redactSecrets, secretTexts } from './redact';
import { displayPath, oneBased } from '../positions';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub ranks security alerts by this CVSS-like score: ≥ 7 high, ≥ 4 medium, else low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

export function formatSarif(result: ScanResult, cwd: string, rules: readonly Rule[]): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const results = result.reports.flatMap((report) => report.findings.map((finding) => toResult(finding, report, cwd, ruleIndex)));
  const log: Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Lastline',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: 'https://github.com/lastline-dev/lastline',
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              name: rule.meta.id,
              shortDescription: { text: rule.meta.description },
              fullDescription: { text: rule.meta.description },
              helpUri: ruleDocsUrl(rule.meta.id),
              help: { text: `${rule.meta.description} See ${ruleDocsUrl(rule.meta.id)}` },
              defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
              properties: {
                category: rule.meta.category,
                tags: ['security', rule.meta.category],
                'security-severity': SECURITY_SEVERITY[rule.meta.defaultSeverity],
              },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: result.reports.every((report) => report.ruleErrors.length === 0) }],
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function toResult(finding: Finding, report: FileReport, cwd: string, ruleIndex: Map<string, number>): Result {
  const uri = artifactUri(displayPath(report.absolutePath, cwd));
  const location = (range: Range, artifactUri = uri): Location => ({
    physicalLocation: { artifactLocation: { uri: artifactUri, uriBaseId: SRCROOT }, region: region(range) },
  });
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(finding.range)],
    ...(finding.related?.length
      ? {
          relatedLocations: finding.related.map((related, id) => ({
            id,
            message: { text: related.message },
            ...location(related.range, related.file ? artifactUri(related.file) : uri),
          })),
        }
      : {}),
    partialFingerprints: { 'lastline/v1': finding.fingerprint },
    // SARIF fixes are text replacements; an allowlist-only fix has none to express.
    ...(finding.fixes.some((fix) => fix.edits.length)
      ? { fixes: finding.fixes.filter((fix) => fix.edits.length).map((fix) => toFix(fix, uri, secretTexts(report))) }
      : {}),
  };
}

function toFix(fix: Fix, uri: string, secrets: readonly string[]): SarifFix {
  const elsewhere = (fix.files ?? []).map((file) => file.path);
  return {
    description: { text: elsewhere.length ? `${fix.title} (also updates ${elsewhere.join(', ')})` : fix.title },
    artifactChanges: [
      {
        artifactLocation: { uri, uriBaseId: SRCROOT },
        replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: redactSecrets(edit.newText, secrets) } })),
      },
    ],
  };
}

/** A relative path as a SARIF artifact URI: `#` and `?` would start a fragment or a query. */
function artifactUri(path: string): string {
  return encodeURI(path).replace(/[#?]/g, (char) => encodeURIComponent(char));
}

function region(range: Range): Region {
  const { line, column, endLine, endColumn } = oneBased(range);
  return { startLine: line, startColumn: column, endLine, endColumn };
}
