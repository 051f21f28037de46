// The dependency check of a few changed files — the manifests and lock files a commit stages
// (`scan --staged`, the commit gate), an agent just wrote (its feedback) or the editor holds — with
// the other dependency files of their folders (and a workspace root's lock above them) as the
// working tree holds them: a lock file the change does not touch still says what the manifest
// resolves to.
import { dependencyFileKind, folderOf, type DependencyFileRead } from '../../core/dependencies/manifests';
import type { DependencyFacts } from '../../core/dependencies/model';
import type { LastlineConfig } from '../../core/config';
import { dependencyCheckOf, dependencyFactsOf, type DependencyCheck, type NetworkOptions } from './dependency-facts';
import { addGoverningDependencyFiles } from './governing-files';
import type { FileSource } from '../file-source';
import type { JsonHttpOptions } from './json-http';

/** Whether either dependency rule is on: else nothing is read or asked. */
export function checksDependencies(config: LastlineConfig): boolean {
  return config.rules['vulnerable-dependency']?.level !== 'off' || config.rules['unknown-dependency']?.level !== 'off';
}

/**
 * `texts`: project path → content of the changed files (others are ignored). Undefined when none
 * of them is a dependency file.
 */
export async function changedDependencies(
  texts: ReadonlyMap<string, string>,
  projectRoot: string,
  maxFileSize: number,
  network: NetworkOptions,
  http: JsonHttpOptions = {},
): Promise<{ facts: DependencyFacts; check: DependencyCheck } | undefined> {
  const reads = new Map<string, DependencyFileRead>();
  for (const [path, text] of texts) {
    const kind = dependencyFileKind(path);
    if (kind) reads.set(path, kind.read(text));
  }
  if (reads.size === 0) return undefined;
  await addGoverningDependencyFiles(reads, projectRoot, [...reads.keys()].map(folderOf), maxFileSize);
  const scan = await dependencyFactsOf(reads, network, undefined, http);
  return { facts: scan.facts, check: dependencyCheckOf(scan, network.offline) };
}

/** The contents of the dependency files among `sources` (a commit's staged files), by project path. */
export async function dependencyTextsOf(sources: readonly FileSource[], maxFileSize: number): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const source of sources) {
    if (!dependencyFileKind(source.projectPath)) continue;
    const read = await source.read(maxFileSize);
    if (read.kind === 'text') texts.set(source.projectPath, read.text);
  }
  return texts;
}
