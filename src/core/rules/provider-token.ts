// Credentials in a provider's own format (GitHub, AWS, Stripe, Slack, OpenAI, GitLab, Datadog, …:
// the hand-written detectors and the provider table), validated by checksum or structure where the
// format allows. They are found in any file, comments included: a token in a comment is just as leaked.
import { defineRule, type RuleContext } from '../rule';
import { providerDetectors } from '../secrets/detectors';
import { isPlaceholderValue } from '../secrets/generic';
import type { SecretMatch } from '../secrets/model';
import { reportSecret, secretsBelongHere } from '../secrets/report';

export default defineRule({
  meta: {
    id: 'provider-token',
    category: 'inline-secret',
    defaultSeverity: 'error',
    description:
      'API keys and tokens in a provider format (GitHub, AWS, Stripe, Slack, OpenAI, Anthropic, Google, Azure, …), checksum-validated where possible.',
    fixable: true,
    languages: 'all',
    keywords: [...new Set(providerDetectors.flatMap((detector) => detector.keywords))],
    offerAllowlist: true,
  },
  check(context) {
    if (secretsBelongHere(context)) return;
    for (const match of nonOverlapping(detectAll(context))) {
      if (isPlaceholderValue(context.file.text.slice(match.start, match.end))) continue;
      report(context, match);
    }
  },
});

/** Matches of every detector whose keyword is in the file, in detector order. */
function detectAll(context: RuleContext): SecretMatch[] {
  const { text, keywords } = context.file;
  return providerDetectors.filter((detector) => detector.keywords.some((keyword) => keywords.has(keyword))).flatMap((detector) => detector.detect(text));
}

/**
 * One finding per secret: where two formats claim overlapping text (a Stripe key assigned to
 * `secret_key` is also Freemius-shaped), the detector listed first wins — hand-written ones, then
 * the table in order. Matches are swept in text order in clusters of overlapping ones (almost
 * always a cluster of one), each cluster settled by that preference.
 */
function nonOverlapping(matches: readonly SecretMatch[]): SecretMatch[] {
  const preference = new Map(matches.map((match, index) => [match, index]));
  const byStart = [...matches].sort((a, b) => a.start - b.start || preference.get(a)! - preference.get(b)!);
  const kept: SecretMatch[] = [];
  for (let first = 0; first < byStart.length;) {
    let clusterEnd = byStart[first].end;
    let next = first + 1;
    while (next < byStart.length && byStart[next].start < clusterEnd) clusterEnd = Math.max(clusterEnd, byStart[next++].end);
    const accepted: SecretMatch[] = [];
    for (const match of byStart.slice(first, next).sort((a, b) => preference.get(a)! - preference.get(b)!)) {
      if (accepted.every((other) => match.end <= other.start || other.end <= match.start)) accepted.push(match);
    }
    kept.push(...accepted);
    first = next;
  }
  return kept.sort((a, b) => preference.get(a)! - preference.get(b)!);
}

function report(context: RuleContext, match: SecretMatch): void {
  reportSecret(context, match);
  // A paired AWS secret key is the more dangerous half: it gets its own finding and fix.
  for (const part of match.related ?? []) {
    if (!/secret/i.test(part.kind)) continue;
    reportSecret(context, {
      kind: part.kind,
      start: part.start,
      end: part.end,
      severity: match.severity,
      envName: 'AWS_SECRET_ACCESS_KEY',
      related: [{ start: match.start, end: match.end, kind: `paired with ${match.kind}` }],
    });
  }
}
