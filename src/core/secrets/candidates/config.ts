// Config-file values as candidates: the key is the name, the value span is exact, and the whole
// value is what a fix replaces (configs have no separate literal syntax to keep).
import type { ConfigDocument, ConfigEntry } from '../../languages/config/model';
import { interpolationDefault } from '../../languages/interpolation-default';
import type { StringCandidate } from './model';

export function configCandidates(document: ConfigDocument, text: string): StringCandidate[] {
  return document.entries.flatMap((entry, index, entries) => {
    // Quotes belong to the literal only when they really sit around the value (one-line values).
    const quoted = entry.quote !== undefined && text[entry.valueSpan.start - 1] === entry.quote && text[entry.valueSpan.end] === entry.quote;
    const candidate: StringCandidate = {
      value: entry.value,
      valueStart: entry.valueSpan.start,
      valueEnd: entry.valueSpan.end,
      literalStart: quoted ? entry.valueSpan.start - 1 : entry.valueSpan.start,
      literalEnd: quoted ? entry.valueSpan.end + 1 : entry.valueSpan.end,
      verbatim: text.slice(entry.valueSpan.start, entry.valueSpan.end) === entry.value,
      name: pairedName(entries, index) ?? candidateName(entry.keyPath),
    };
    const fallback = candidate.verbatim ? defaultOf(candidate) : undefined;
    // First, so that a secret inside the default is found as the default's (candidateAt takes the first).
    return fallback ? [fallback, candidate] : [candidate];
  });
}

/**
 * `JWT_SECRET: ${JWT_SECRET:-…}`: the literal default, named like its value and read as an
 * environment fallback (the fix keeps `${JWT_SECRET}` and moves the literal to .env).
 */
function defaultOf(candidate: StringCandidate): StringCandidate | undefined {
  const fallback = interpolationDefault(candidate.value);
  if (!fallback) return undefined;
  const start = candidate.valueStart + fallback.start;
  const end = candidate.valueStart + fallback.end;
  return {
    value: fallback.value,
    valueStart: start,
    valueEnd: end,
    literalStart: start,
    literalEnd: end,
    verbatim: true,
    name: candidate.name,
    envDefault: { variable: fallback.variable, start: candidate.valueStart, end: candidate.valueEnd, withoutDefault: `\${${fallback.variable}}` },
  };
}

/**
 * Keys that say nothing by themselves and take their meaning from the key above them: Terraform's
 * `variable "db_password" { default = "…" }`, .NET's `"Jwt": { "Key": "…" }`, Helm's
 * `password: { value: "…" }`. They are named with that key (`db_password.default`, `Jwt.Key`); list
 * items (`[]`) have no key to lend.
 */
const BORROWING_KEYS = new Set(['key', 'value', 'val', 'default']);

/**
 * `- name: DB_PASSWORD` / `value: …` (Kubernetes and Helm `env:`, ECS `environment`, Azure app
 * settings): a list item's `value` is named by the `name` (or `key`) beside it, the entry just
 * before or after it in the same item.
 */
function pairedName(entries: readonly ConfigEntry[], index: number): string | undefined {
  const { keyPath } = entries[index];
  if (keyPath[keyPath.length - 2] !== '[]' || !/^value$/i.test(keyPath[keyPath.length - 1])) return undefined;
  const item = keyPath.slice(0, -1).join('\0');
  const sibling = [entries[index - 1], entries[index + 1]].find(
    (other) => other !== undefined && /^(?:name|key)$/i.test(other.key) && other.keyPath.slice(0, -1).join('\0') === item,
  );
  return sibling?.value || undefined;
}

function candidateName(keyPath: readonly string[]): string {
  const key = keyPath[keyPath.length - 1];
  const parent = keyPath[keyPath.length - 2];
  return parent !== undefined && parent !== '[]' && BORROWING_KEYS.has(key.toLowerCase()) ? `${parent}.${key}` : key;
}
