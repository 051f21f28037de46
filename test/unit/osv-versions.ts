// Version ordering for the two ecosystems the OSV test server knows (npm: SemVer 2.0.0; PyPI: PEP 440),
// and the OSV schema's rule for "is this version inside this affected range".
// A comparison returns undefined when a version does not parse: the server then treats it as matching
// nothing, the way OSV.dev cannot place an unparsable version in a range.

export type Compare = (a: string, b: string) => number | undefined;

// ---- npm: SemVer 2.0.0 ---------------------------------------------------------------------------

interface SemVer {
  release: [number, number, number];
  prerelease: string[];
}

// Minor and patch may be missing because OSV ranges open with `introduced: "0"`.
const SEMVER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function parseSemver(text: string): SemVer | undefined {
  const match = SEMVER.exec(text.trim());
  if (!match) return undefined;
  return {
    release: [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)],
    prerelease: match[4] ? match[4].split('.') : [],
  };
}

function comparePrereleaseIdentifiers(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return Math.sign(Number(a) - Number(b));
  // SemVer §11: numeric identifiers sort before alphanumeric ones, which compare in ASCII order.
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const compareSemver: Compare = (left, right) => {
  const a = parseSemver(left);
  const b = parseSemver(right);
  if (!a || !b) return undefined;
  for (let i = 0; i < 3; i++) {
    if (a.release[i] !== b.release[i]) return Math.sign(a.release[i] - b.release[i]);
  }
  // A pre-release sorts before its release: 1.0.0-rc.1 < 1.0.0. Build metadata never counts.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return Math.sign(b.prerelease.length - a.prerelease.length);
  }
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const order = comparePrereleaseIdentifiers(a.prerelease[i], b.prerelease[i]);
    if (order !== 0) return order;
  }
  return Math.sign(a.prerelease.length - b.prerelease.length);
};

// ---- PyPI: PEP 440 -------------------------------------------------------------------------------

/** Sort key of a PEP 440 version; ±Infinity stand in for "absent" so that plain numeric comparison orders them. */
interface Pep440Key {
  epoch: number;
  release: number[];
  pre: [number, number]; // [phase (a=0, b=1, rc=2), number]
  post: number;
  dev: number;
  local: Array<string | number>;
}

// PEP 440's permissive form (what `packaging` accepts): 1.0, v1.0.0, 2.0.0rc1, 1.0b2.post3.dev4, 1!2.0, 1.0+local.7.
const PEP440 =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/;

const PRE_PHASE: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

function parsePep440(text: string): Pep440Key | undefined {
  const match = PEP440.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const [, epoch, release, prePhase, preNumber, postImplicit, postWord, postNumber, devWord, devNumber, local] = match;
  const hasPost = postImplicit !== undefined || postWord !== undefined;
  const hasDev = devWord !== undefined;
  // 1.0.dev1 (a dev release of the final version) sorts before 1.0a1, so it takes the lowest pre slot;
  // a version with no pre-release sorts after all of its pre-releases.
  let pre: [number, number];
  if (prePhase !== undefined) pre = [PRE_PHASE[prePhase], Number(preNumber ?? 0)];
  else if (hasDev && !hasPost) pre = [-Infinity, 0];
  else pre = [Infinity, 0];
  return {
    epoch: Number(epoch ?? 0),
    release: release.split('.').map(Number),
    pre,
    post: hasPost ? Number(postImplicit ?? postNumber ?? 0) : -Infinity,
    dev: hasDev ? Number(devNumber ?? 0) : Infinity,
    local: local ? local.split(/[-_.]/).map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [],
  };
}

function compareNumberLists(a: readonly number[], b: readonly number[]): number {
  // Missing trailing components count as zero: 1.0 == 1.0.0.
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const order = Math.sign((a[i] ?? 0) - (b[i] ?? 0));
    if (order !== 0) return order;
  }
  return 0;
}

function compareLocal(a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>): number {
  // PEP 440: a local label sorts after none; numeric segments sort after alphanumeric ones; a longer label wins a tie.
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return Math.sign(x - y);
    } else if (typeof x === 'number' || typeof y === 'number') {
      return typeof x === 'number' ? 1 : -1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return Math.sign(a.length - b.length);
}

// Absent fields are ±Infinity, so compare with < and > (Infinity - Infinity would be NaN).
function order(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

export const comparePep440: Compare = (left, right) => {
  const a = parsePep440(left);
  const b = parsePep440(right);
  if (!a || !b) return undefined;
  return (
    order(a.epoch, b.epoch) ||
    compareNumberLists(a.release, b.release) ||
    order(a.pre[0], b.pre[0]) ||
    order(a.pre[1], b.pre[1]) ||
    order(a.post, b.post) ||
    order(a.dev, b.dev) ||
    compareLocal(a.local, b.local)
  );
};

// ---- OSV ranges ----------------------------------------------------------------------------------

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: string;
  events: OsvEvent[];
}

/** The ordering OSV's `ECOSYSTEM` ranges use for this ecosystem, if the server knows it. */
export function ecosystemComparator(ecosystem: string): Compare | undefined {
  if (ecosystem === 'npm') return compareSemver;
  if (ecosystem === 'PyPI') return comparePep440;
  return undefined;
}

function rangeComparator(range: OsvRange, ecosystem: string): Compare | undefined {
  if (range.type === 'SEMVER') return compareSemver;
  if (range.type === 'ECOSYSTEM') return ecosystemComparator(ecosystem);
  return undefined; // GIT ranges name commits, not versions.
}

function eventVersion(event: OsvEvent): string | undefined {
  return event.introduced ?? event.fixed ?? event.last_affected ?? event.limit;
}

/**
 * The OSV schema's evaluation: walk the events in version order; `introduced` at or below the version
 * opens the range, `fixed` at or below it closes it, `last_affected` strictly below it closes it.
 * "0" is below every version. No `fixed` and no `last_affected` means every later version is affected.
 */
export function isInRange(version: string, range: OsvRange, ecosystem: string): boolean {
  const compare = rangeComparator(range, ecosystem);
  if (!compare || compare(version, version) === undefined) return false;
  const position = (event: OsvEvent): number | undefined => {
    const bound = eventVersion(event);
    if (bound === undefined) return undefined;
    if (bound === '0') return 1; // the version is always above "0"
    return compare(version, bound);
  };
  const sorted = [...range.events].sort((x, y) => {
    const a = eventVersion(x);
    const b = eventVersion(y);
    if (a === b) return 0;
    if (a === '0') return -1;
    if (b === '0') return 1;
    return compare(a ?? '', b ?? '') ?? 0;
  });
  let affected = false;
  for (const event of sorted) {
    const order = position(event);
    if (order === undefined) continue;
    if (event.introduced !== undefined && order >= 0) affected = true;
    else if (event.fixed !== undefined && order >= 0) affected = false;
    else if (event.last_affected !== undefined && order > 0) affected = false;
  }
  return affected;
}

/** Whether `version` is listed in an `affected[].versions` array: equal in the ecosystem's ordering (1.0 == 1.0.0 on PyPI). */
export function isListedVersion(version: string, listed: readonly string[], ecosystem: string): boolean {
  const compare = ecosystemComparator(ecosystem);
  return listed.some((candidate) => candidate === version || (compare !== undefined && compare(version, candidate) === 0));
}
