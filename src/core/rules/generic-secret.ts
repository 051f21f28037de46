// Passwords, secrets, tokens and keys assigned to a name that says so, judged by the value's shape
// (placeholders, references, hashes, prose and low-entropy tokens are not secrets), plus JWT
// signing secrets passed straight to jwt.sign/verify/encode/decode.
import { CONFIG_FORMATS, JS_LANGUAGES } from '../languages/language';
import { defineRule, type RuleContext } from '../rule';
import { stringCandidates, type StringCandidate } from '../secrets/candidates';
import { providerDetectors } from '../secrets/detectors';
import { detectConnectionStringPasswords, detectCredentialedUris, judgeNamedValue, SECRET_NAME_WORDS } from '../secrets/generic';
import { reportSecret, secretsBelongHere } from '../secrets/report';

/**
 * Source files are parsed only when a lexical pass finds a `name = "value"`-shaped pair that the
 * judge itself calls a secret, or a JWT signing call. The pass sees every pair the AST pass can report, so recall is
 * unchanged, and most files never reach the parser (parsing costs ~10× everything else). It starts
 * from occurrences of the name gate's own words, so it never tries the identifiers in between.
 */
const SECRET_WORD = new RegExp([...SECRET_NAME_WORDS].sort((a, b) => b.length - a.length).join('|'), 'gi');
const IDENTIFIER_CHAR = /[\w$.-]/;
/**
 * What follows a name: optional closing quote/bracket, a type annotation, a separator, a quoted
 * value. Groups: 1 the closing quote of a quoted name, 2 the separator, 4 the value.
 */
const AFTER_NAME = /(["'`])?\]?(?:\s*:\s*[\w<>[\]|. ]{1,40})?\s*(:|=|,|\|\||\?\?)\s*[rRbBuU]{0,2}(["'`])((?:(?!\3)[^\\\r\n]|\\.){0,512})\3/y;

const JWT_CALL = /\b(?:jwt|jsonwebtoken|jose)\.(?:sign|verify|encode|decode)\s*\(/;

/**
 * Whether the AST pass can bind a value to a name across this separator, so that the pair can
 * become a report. `,` binds only in Python's `os.getenv("NAME", "…")` (a quoted name); `||` and
 * `??` only in JS's `process.env.NAME || "…"`. Anything else (`["password", "search"]` in a bundle,
 * `f(pass, "x")`) would send the file to the parser for a pair no pass can report.
 */
function separatorBinds(separator: string, quotedName: boolean, python: boolean): boolean {
  if (separator === ',') return python && quotedName;
  if (separator === '||' || separator === '??') return !python;
  return true;
}

function mayHoldNamedSecret(text: string, path: string, python: boolean): boolean {
  if (JWT_CALL.test(text)) return true;
  SECRET_WORD.lastIndex = 0;
  for (let word = SECRET_WORD.exec(text); word; word = SECRET_WORD.exec(text)) {
    let nameStart = word.index;
    while (nameStart > 0 && IDENTIFIER_CHAR.test(text[nameStart - 1])) nameStart--;
    let nameEnd = word.index + word[0].length;
    while (nameEnd < text.length && IDENTIFIER_CHAR.test(text[nameEnd])) nameEnd++;
    SECRET_WORD.lastIndex = nameEnd; // one look per identifier
    AFTER_NAME.lastIndex = nameEnd;
    const pair = AFTER_NAME.exec(text);
    if (!pair || !separatorBinds(pair[2], pair[1] !== undefined, python)) continue;
    const name = text.slice(nameStart, nameEnd);
    const innermost = name.slice(name.lastIndexOf('.') + 1);
    for (const value of decodedReadings(pair[4])) {
      if (judgeNamedValue({ name, value, path }).secret || (innermost !== name && judgeNamedValue({ name: innermost, value, path }).secret)) return true;
    }
  }
  return false;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/**
 * The value a string literal's text stands for, lexically. Known escapes decode as both JS and
 * Python do; for any other `\X`, JS reads `X` and Python keeps `\X`: both readings are returned
 * and judged, so no file needs the parser just for an unusual escape.
 */
function decodedReadings(raw: string): string[] {
  if (!raw.includes('\\')) return [raw];
  let identity = false;
  const decode = (keepUnknown: boolean) =>
    raw.replace(/\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (match, escape: string) => {
      if (escape.length > 1) return String.fromCodePoint(parseInt(escape.replace(/^u\{?|^x|\}$/g, ''), 16));
      if (escape in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[escape];
      if (escape === '\n') return ''; // a line continuation
      if ('\\\'"`/'.includes(escape)) return escape;
      identity = true;
      return keepUnknown ? match : escape;
    });
  const jsReading = decode(false);
  return identity ? [jsReading, decode(true)] : [jsReading];
}

const JWT_SINKS = /(?:^|\.)(?:jwt|jsonwebtoken|jose)\.(?:sign|verify|encode|decode)$|^(?:jwt\.)?(?:sign|verify)$/;

export default defineRule({
  meta: {
    id: 'generic-secret',
    category: 'inline-secret',
    defaultSeverity: 'warning',
    description: 'Passwords, secrets, tokens and API keys assigned to a secret-like name, and JWT signing secrets, when the value looks real.',
    fixable: true,
    languages: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', ...CONFIG_FORMATS],
    offerAllowlist: true,
  },
  check(context) {
    if (secretsBelongHere(context)) return;
    const { language, text, path } = context.file;
    if ((JS_LANGUAGES.has(language) || language === 'python') && !mayHoldNamedSecret(text, path, language === 'python')) return;
    for (const candidate of stringCandidates(context)) {
      const name = candidate.name ?? (isJwtSecretArgument(candidate) ? 'jwt_secret' : undefined);
      if (!name || reportedByAnotherRule(candidate.value)) continue;
      const verdict = judgeNamedValue({ name, value: candidate.value, path });
      if (!verdict.secret) continue;
      reportValue(context, candidate, verdict.kind === 'API key' ? 'Hard-coded API key' : `Hard-coded ${verdict.kind}`, verdict.envName);
    }
  },
});

function reportValue(context: RuleContext, candidate: StringCandidate, kind: string, envName: string): void {
  reportSecret(context, { kind, start: candidate.valueStart, end: candidate.valueEnd, severity: 'warning', envName });
}

/** The signing key argument: `jwt.sign(payload, KEY)`, `jwt.verify(token, KEY)`, `jwt.encode(payload, KEY)`. */
function isJwtSecretArgument(candidate: StringCandidate): boolean {
  return candidate.call !== undefined && candidate.call.argument === 1 && JWT_SINKS.test(candidate.call.callee);
}

/** Provider tokens and credentialed URIs have rules of their own; one finding per secret. */
function reportedByAnotherRule(value: string): boolean {
  if (providerDetectors.some((detector) => detector.keywords.some((keyword) => value.includes(keyword)) && detector.detect(value).length > 0)) return true;
  return value.includes('://') ? detectCredentialedUris(value).length > 0 : /pwd|password/i.test(value) && detectConnectionStringPasswords(value).length > 0;
}
