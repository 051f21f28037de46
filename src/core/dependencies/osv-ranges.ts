// Whether an OSV record's `affected` entry covers a version — the evaluation OSV.dev's API does,
// done locally for the offline exports (`lastline deps sync`). Per the OSV schema
// (https://ossf.github.io/osv-schema/#evaluation): a version is affected when it is listed in
// `versions`, or when, in a SEMVER or ECOSYSTEM range, the last event at or below it (events
// sorted by version, `introduced: "0"` first) is an `introduced` — `fixed` and `limit` end a range
// at their version, `last_affected` just after it. GIT ranges name commits, not versions.
import type { Ecosystem } from './model';
import { compareVersions, isVersion } from './versions';

export interface OsvAffected {
  ranges?: { type?: string; events?: Record<string, string>[] }[];
  versions?: string[];
}

type Verdict = 'affected' | 'not affected' | 'unknown';

/**
 * 'unknown' when the version or an event cannot be ordered in the ecosystem: no listed version
 * matched, so only a range could have said yes, and it could not be read — never "not affected".
 */
export function affectsVersion(affected: OsvAffected, ecosystem: Ecosystem, version: string): Verdict {
  const listed = affected.versions ?? [];
  if (listed.includes(version)) return 'affected';
  const comparable = isVersion(ecosystem, version);
  // PyPI spells one version several ways (1.0 and 1.0.0): compare listed versions by value too.
  if (comparable && listed.some((entry) => isVersion(ecosystem, entry) && compareVersions(ecosystem, entry, version) === 0)) return 'affected';
  let unreadable = false;
  for (const range of affected.ranges ?? []) {
    if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') continue;
    const verdict = comparable ? inRange(range.events ?? [], ecosystem, version) : 'unknown';
    if (verdict === 'affected') return 'affected';
    if (verdict === 'unknown') unreadable = true;
  }
  return unreadable ? 'unknown' : 'not affected';
}

interface RangeEvent {
  kind: 'introduced' | 'fixed' | 'last_affected' | 'limit';
  version: string;
}

function inRange(events: readonly Record<string, string>[], ecosystem: Ecosystem, version: string): Verdict {
  const parsed: RangeEvent[] = [];
  for (const event of events) {
    const kind = (['introduced', 'fixed', 'last_affected', 'limit'] as const).find((name) => typeof event[name] === 'string');
    if (!kind) continue;
    const at = event[kind];
    if (!(kind === 'introduced' && at === '0') && !isVersion(ecosystem, at)) return 'unknown';
    parsed.push({ kind, version: at });
  }
  const order = (a: string, b: string) => (a === b ? 0 : a === '0' ? -1 : b === '0' ? 1 : compareVersions(ecosystem, a, b));
  parsed.sort((a, b) => order(a.version, b.version));
  let affected = false;
  for (const event of parsed) {
    const relation = event.version === '0' ? 1 : compareVersions(ecosystem, version, event.version);
    if (event.kind === 'introduced' && relation >= 0) affected = true;
    else if ((event.kind === 'fixed' || event.kind === 'limit') && relation >= 0) affected = false;
    else if (event.kind === 'last_affected' && relation > 0) affected = false;
  }
  return affected ? 'affected' : 'not affected';
}
