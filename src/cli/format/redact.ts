// A secret is never printed, and a fix's text may carry one: parameterizing a query that holds an
// inline password writes the password into the new call. Every report format passes fix texts
// through here, which masks the text of each inline-secret finding of the same file.
import { maskSecret } from '../../core/mask';
import { LineIndex } from '../../core/text';
import type { FileReport } from '../../scan/scan';

/** The secrets' texts in a report's file (the flagged ranges of its inline-secret findings), longest first. */
export function secretTexts(report: FileReport): string[] {
  if (report.text === undefined) return [];
  const lines = new LineIndex(report.text);
  const texts = report.findings
    .filter((finding) => finding.category === 'inline-secret')
    .map((finding) => report.text!.slice(lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end)))
    // Masking a very short text would mangle code more than it protects.
    .filter((text) => text.length >= 8);
  return [...new Set(texts)].sort((left, right) => right.length - left.length);
}

/** `text` with every occurrence of a secret masked (`sk_l… (32 chars)`). */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) if (redacted.includes(secret)) redacted = redacted.split(secret).join(maskSecret(secret));
  return redacted;
}
