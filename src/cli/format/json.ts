// `--format json`: {"version":1,"findings":[…]} with 1-based positions and cwd-relative paths.
// Skipped files and rule errors ride along so a CI job can tell "clean" from "not looked at".
import type { FileAppend, Fix } from '../../core/types';
import type { ScanResult } from '../../scan/scan';
import { displayPath, oneBased } from '../positions';
import { redactSecrets, secretTexts } from './redact';

export function formatJson(result: ScanResult, cwd: string): string {
  const findings = result.reports.flatMap((report) => {
    const secrets = secretTexts(report);
    return report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      category: finding.category,
      severity: finding.severity,
      message: finding.message,
      file: displayPath(report.absolutePath, cwd),
      ...oneBased(finding.range),
      fingerprint: finding.fingerprint,
      related: (finding.related ?? []).map((related) => ({
        message: related.message,
        ...(related.file ? { file: related.file } : {}),
        ...oneBased(related.range),
      })),
      fixes: finding.fixes.map((fix) => fixToJson(fix, secrets)),
    }));
  });
  return JSON.stringify(
    {
      version: 1,
      findings,
      skipped: result.skipped.map((skipped) => ({ file: displayPath(skipped.absolutePath, cwd), reason: skipped.reason, detail: skipped.detail })),
      errors: result.reports.flatMap((report) => report.ruleErrors.map((error) => ({ file: displayPath(report.absolutePath, cwd), ...error }))),
      stats: { filesAnalysed: result.filesAnalysed, bytesAnalysed: result.bytesAnalysed },
    },
    null,
    2,
  );
}

/** `.env` lines carry the secret itself: print `NAME=<redacted>` so the report never holds it. */
function redactSensitive(file: FileAppend): FileAppend {
  if (!file.sensitive) return file;
  return { ...file, appendLines: file.appendLines.map((line) => `${line.slice(0, line.indexOf('=') + 1)}<redacted>`) };
}

function fixToJson(fix: Fix, secrets: readonly string[]) {
  return {
    title: fix.title,
    safe: fix.safe,
    edits: fix.edits.map((edit) => ({ ...oneBased(edit.range), newText: redactSecrets(edit.newText, secrets) })),
    ...(fix.files?.length ? { files: fix.files.map(redactSensitive) } : {}),
    ...(fix.allowlist ? { allowlist: fix.allowlist } : {}),
  };
}
