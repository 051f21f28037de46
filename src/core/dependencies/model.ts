// Dependencies as the manifests and lock files declare them, and what is known of their advisories.
// Readers (one per file format) give these; the vulnerable-dependency rule and `lastline deps`
// read them. Names are kept as the ecosystem compares them (PyPI: PEP 503-normalised).
import type { Span } from '../languages/config/model';

/** OSV's ecosystem names. */
export type Ecosystem = 'npm' | 'PyPI';

export interface DeclaredDependency {
  ecosystem: Ecosystem;
  /** As the ecosystem compares names (PyPI: normalised); `displayName` as written. */
  name: string;
  displayName: string;
  /** The version requirement as written: `^4.17.1`, `==2.2.2`, `>=1,<2`; empty when none. */
  spec: string;
  /** The one version the requirement allows (`4.17.1`, `==2.2.2`), when it pins one. */
  pinned?: string;
  /** The whole declaration (name through requirement), where a finding points. */
  span: Span;
  /** The requirement's text, which a fix rewrites. */
  specSpan?: Span;
  /**
   * One of several constraints of one declaration (Poetry's `foo = [{ version = "<2", python = "<3.8" },
   * { version = "^2", python = ">=3.8" }]`): the whole declaration, which removing the package removes.
   * Each constraint holds under its own markers, so a locked version counts for it only when its
   * requirement allows that version.
   */
  partOf?: Span;
}

export interface LockedPackage {
  ecosystem: Ecosystem;
  name: string;
  version: string;
  /** Installed at the top (`node_modules/<name>`): the version the manifest's own requirement resolves to. */
  topLevel: boolean;
  /** The lock entry's version value. */
  span: Span;
}

/** A lock file's entries, and what it says of its workspace's members when it is a workspace root's. */
export interface LockFileRead {
  locked: LockedPackage[];
  workspace?: WorkspaceLock;
  /**
   * Packages the lock links to a folder of the workspace instead of a registry (npm's `link: true`,
   * pnpm's `link:`, yarn's `workspace:`): a member's dependency on a sibling is none of the
   * registry's business, and looking it up would call a sibling "not on the registry".
   */
  localPackages?: string[];
}

/**
 * What a lock file at a workspace's root says of its members (folders relative to the lock's, as
 * `packages/app`), in the terms of its format; workspaces.ts decides membership and versions.
 */
export type WorkspaceLock =
  /** package-lock.json: the members it lists, and the version installed at each install path (undefined: a link). */
  | { kind: 'install-paths'; members: string[]; installed: Map<string, string | undefined> }
  /** pnpm-lock.yaml: per importer (member), the version each requirement resolves to, by package name. */
  | { kind: 'importers'; importers: Map<string, Map<string, string>> }
  /** yarn.lock: the version each `name@range` resolves to; the root package.json's `workspaces` names the members. */
  | { kind: 'descriptors'; descriptors: Map<string, string> }
  /** uv.lock: the members, and one resolution for the whole workspace (each name's versions). */
  | { kind: 'flat'; members: string[]; versions: Map<string, string[]> };

/** One advisory as a finding needs it (from an OSV record). */
export interface Advisory {
  id: string;
  /** CVE and other ids of the same flaw. */
  aliases: string[];
  summary: string;
  /** `critical`, `high`, `moderate`/`medium`, `low`, or undefined when the record gives none. */
  severity?: string;
  /** The lowest version that fixes it above the affected one, when there is one. */
  firstFixed?: string;
}

/** The key of one package version in advisory lookups. */
export function packageKey(ecosystem: Ecosystem, name: string, version: string): string {
  return `${ecosystem}\0${name}\0${version}`;
}

/** The key of a package in one folder's lock and manifest maps (a folder may hold npm and PyPI files). */
export function nameKey(ecosystem: Ecosystem, name: string): string {
  return `${ecosystem}\0${name}`;
}

/** What the scan learnt of the project's dependencies before the rules run (a ProjectFacts entry). */
export interface DependencyFacts {
  /** Advisories per packageKey(); an empty list: checked, none. Absent: not known (offline, service down). */
  advisories: ReadonlyMap<string, readonly Advisory[]>;
  /**
   * Per manifest folder (project path, '' for the root), the versions the lock governing it resolves,
   * by nameKey(): its own folder's lock files (their top-level entries), or for a workspace member
   * without one, the workspace root's. Several when the lock holds several (yarn 1: one per range;
   * Poetry: one per Python fork).
   */
  locked: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** Per folder of a workspace-root lock, the member folders whose `locked` versions it resolves. */
  workspaceMembers?: ReadonlyMap<string, readonly WorkspaceMember[]>;
  /** Per manifest folder, the nameKey()s its manifests declare (a lock entry no declaration resolves to is transitive: resolvesDeclaration()). */
  declared: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per nameKey() of a declared package, what its registry says; absent: not asked or no answer. */
  registry?: ReadonlyMap<string, RegistryStatus>;
  /** Files read as requirements because a requirements file includes them (`-r base.txt`). */
  includedRequirements?: ReadonlySet<string>;
}

export interface WorkspaceMember {
  ecosystem: Ecosystem;
  /** The member's project path. */
  folder: string;
}

/** What the registry said of a declared package, judged when the scan asked. */
export interface RegistryStatus {
  exists: boolean;
  /** First published within RECENT_DAYS of the scan. */
  recent?: boolean;
  /** First published within the last two years: a look-alike name that young is suspicious. */
  young?: boolean;
  /** Days since the first publication, when known. */
  ageDays?: number;
}

/** A package first published this recently is a warning: too new to have a track record. */
export const RECENT_DAYS = 30;
