// Passwords, secrets, tokens and keys assigned to a name that says so, judged by the value's shape
// (placeholders, references, hashes, prose and low-entropy tokens are not secrets), plus JWT
// signing secrets passed straight to jwt.sign/verify/encode/decode, and passwords on command lines
// (`mysql -p…`, `--requirepass …`, `PGPASSWORD=…`) in scripts, Dockerfiles, compose and CI files.
import { CONFIG_FORMATS, JS_LANGUAGES } from '../languages/language';
import { defineRule, type RuleContext } from '../rule';
import { stringCandidates, type StringCandidate } from '../secrets/candidates';
import { commandLineCandidates } from '../secrets/command-lines';
import { providerDetectors } from '../secrets/detectors';
import { detectConnectionStringKeys, detectConnectionStringPasswords, detectCredentialedUris, judgeNamedValue, type SecretKind } from '../secrets/generic';
import { mayHoldNamedSecret } from '../secrets/generic/lexical-pairs';
import { isNamedProviderCredential } from '../secrets/providers';
import { reportSecret, secretsBelongHere } from '../secrets/report';

const JWT_SINKS = /(?:^|\.)(?:jwt|jsonwebtoken|jose)\.(?:sign|verify|encode|decode)$|^(?:jwt\.)?(?:sign|verify)$/;

export default defineRule({
  meta: {
    id: 'generic-secret',
    category: 'inline-secret',
    defaultSeverity: 'warning',
    description:
      'Passwords, secrets, tokens and API keys assigned to a secret-like name or passed on a command line, and JWT signing secrets, when the value looks real.',
    fixable: true,
    // Plain text for shell scripts (by extension or shebang), whose command lines are read.
    languages: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', ...CONFIG_FORMATS, 'text'],
    offerAllowlist: true,
  },
  check(context) {
    if (secretsBelongHere(context)) return;
    const { language, text, path } = context.file;
    if ((JS_LANGUAGES.has(language) || language === 'python') && !mayHoldNamedSecret(text, path, language === 'python')) return;
    for (const candidate of stringCandidates(context)) {
      const name = candidate.name ?? (isJwtSecretArgument(candidate) ? 'jwt_secret' : undefined);
      if (!name || reportedByAnotherRule(candidate.value) || isNamedProviderCredential(text, candidate.valueStart, candidate.valueEnd)) continue;
      const verdict = judgeNamedValue({ name, value: candidate.value, path });
      if (!verdict.secret) continue;
      reportValue(context, candidate, verdict.kind, verdict.envName);
    }
    for (const candidate of commandLineCandidates(context)) {
      if (reportedByAnotherRule(candidate.value)) continue;
      const verdict = judgeNamedValue({ name: candidate.judgedAs, value: candidate.value, path });
      if (verdict.secret) reportValue(context, candidate, verdict.kind, verdict.envName, candidate);
    }
  },
});

function reportValue(context: RuleContext, candidate: StringCandidate, kind: SecretKind, envName: string, readHere?: StringCandidate): void {
  const message = kind === 'API key' ? 'Hard-coded API key' : `Hard-coded ${kind}`;
  reportSecret(context, { kind: message, start: candidate.valueStart, end: candidate.valueEnd, severity: 'warning', envName, candidate: readHere });
}

/** The signing key argument: `jwt.sign(payload, KEY)`, `jwt.verify(token, KEY)`, `jwt.encode(payload, KEY)`. */
function isJwtSecretArgument(candidate: StringCandidate): boolean {
  return candidate.call !== undefined && candidate.call.argument === 1 && JWT_SINKS.test(candidate.call.callee);
}

/**
 * Provider tokens and credentialed URIs have rules of their own; one finding per secret. (A value
 * that is a provider credential only by the name it is assigned to — `DATADOG_API_KEY = "…"` — is
 * asked about where it sits: isNamedProviderCredential.)
 */
function reportedByAnotherRule(value: string): boolean {
  if (providerDetectors.some((detector) => detector.keywords.some((keyword) => value.includes(keyword)) && detector.detect(value).length > 0)) return true;
  if (value.includes('://') && detectCredentialedUris(value).length > 0) return true;
  if (/accountkey|accesskey/i.test(value) && detectConnectionStringKeys(value).length > 0) return true;
  return /pwd|password/i.test(value) && detectConnectionStringPasswords(value).length > 0;
}
