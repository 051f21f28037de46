// SonarQube's security rules, named by key in Java's and Kotlin's suppress annotations
// (`java:S2077`, legacy `squid:S2077`, `kotlin:S2068`) and by diagnostic id in C#'s pragmas and
// SuppressMessage (`S2077`). Source: rules.sonarsource.com, the Vulnerability and Security
// Hotspot rules (a rule keeps its number in every language), and every rule of the secrets
// analyzer (repository `secrets`, S6290 and after).
import type { Category } from '../../types';
import type { IdsByCategory } from './model';

export const SONAR: IdsByCategory = {
  'inline-secret': ['S2068', 'S6418', 'S6437'],
  'string-built-query': ['S2077', 'S3649'],
  'string-built-command': ['S2076', 'S4721'],
};

const OTHER_SECURITY_RULES = new Set([
  'S1313',
  'S2053',
  'S2078',
  'S2083',
  'S2091',
  'S2092',
  'S2245',
  'S2255',
  'S2257',
  'S2612',
  'S2631',
  'S2647',
  'S2658',
  'S2755',
  'S3330',
  'S3752',
  'S4036',
  'S4423',
  'S4426',
  'S4433',
  'S4502',
  'S4507',
  'S4790',
  'S4792',
  'S4823',
  'S4829',
  'S4830',
  'S5042',
  'S5122',
  'S5131',
  'S5135',
  'S5144',
  'S5145',
  'S5146',
  'S5247',
  'S5332',
  'S5334',
  'S5344',
  'S5443',
  'S5527',
  'S5542',
  'S5547',
  'S5659',
  'S5693',
  'S5852',
  'S6096',
]);

/** `java:S2077`, `squid:S2077`, `S2077` → its repository (lower case, '' when none) and rule. */
function parseKey(id: string): { repository: string; rule: string } | undefined {
  const colon = id.lastIndexOf(':');
  const rule = id.slice(colon + 1).toUpperCase();
  if (!/^S\d{3,5}$/.test(rule)) return undefined;
  return { repository: colon === -1 ? '' : id.slice(0, colon).toLowerCase(), rule };
}

export function sonarKeyHides(id: string, category: Category): boolean {
  const key = parseKey(id);
  if (!key) return false;
  if (key.repository === 'secrets') return category === 'inline-secret';
  return (SONAR[category] ?? []).includes(key.rule);
}

export function isSonarSecurityKey(id: string): boolean {
  const key = parseKey(id);
  if (!key) return false;
  return key.repository === 'secrets' || OTHER_SECURITY_RULES.has(key.rule) || Object.values(SONAR).some((rules) => rules?.includes(key.rule));
}
