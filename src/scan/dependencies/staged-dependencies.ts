// The dependency check of `scan --staged`: the manifests and lock files the commit changes, as the
// index holds them, with the other dependency files of their folders (and a workspace root's lock
// above them) as the working tree holds them: a lock file the commit does not touch still says
// what the manifest resolves to.
import { dependencyFileKind, folderOf, type DependencyFileRead } from '../../core/dependencies/manifests';
import type { DependencyFacts } from '../../core/dependencies/model';
import type { FileSource } from '../file-source';
import { dependencyCheckOf, dependencyFactsOf, type DependencyCheck, type NetworkOptions } from './dependency-facts';
import { addGoverningDependencyFiles } from './governing-files';

export async function stagedDependencies(sources: readonly FileSource[], projectRoot: string, maxFileSize: number, network: NetworkOptions): Promise<{ facts: DependencyFacts; check: DependencyCheck } | undefined> {
  const reads = new Map<string, DependencyFileRead>();
  for (const source of sources) {
    const kind = dependencyFileKind(source.projectPath);
    if (!kind) continue;
    const read = await source.read(maxFileSize);
    if (read.kind === 'text') reads.set(source.projectPath, kind.read(read.text));
  }
  if (reads.size === 0) return undefined;
  await addGoverningDependencyFiles(reads, projectRoot, [...reads.keys()].map(folderOf), maxFileSize);
  const scan = await dependencyFactsOf(reads, network);
  return { facts: scan.facts, check: dependencyCheckOf(scan, network.offline) };
}
