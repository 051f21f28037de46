// Credentials in a provider's own format (GitHub, AWS, Stripe, Slack, OpenAI, …), validated by
// checksum or structure where the format allows. They are found in any file, comments included:
// a token in a comment is just as leaked.
import { defineRule } from '../rule';
import { providerDetectors } from '../secrets/detectors';
import { isPlaceholderValue } from '../secrets/generic';
import { reportSecret, secretsBelongHere } from '../secrets/report';

export default defineRule({
  meta: {
    id: 'provider-token',
    category: 'inline-secret',
    defaultSeverity: 'error',
    description: 'API keys and tokens in a provider format (GitHub, AWS, Stripe, Slack, OpenAI, Anthropic, Google, Azure, …), checksum-validated where possible.',
    fixable: true,
    languages: 'all',
    keywords: [...new Set(providerDetectors.flatMap((detector) => detector.keywords))],
    offerAllowlist: true,
  },
  check(context) {
    if (secretsBelongHere(context)) return;
    const { text } = context.file;
    for (const detector of providerDetectors) {
      if (!detector.keywords.some((keyword) => context.file.keywords.has(keyword))) continue;
      for (const match of detector.detect(text)) {
        if (isPlaceholderValue(text.slice(match.start, match.end))) continue;
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
    }
  },
});
