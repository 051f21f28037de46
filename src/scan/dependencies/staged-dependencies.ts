// The dependency check of `scan --staged`: the manifests and lock files the commit changes, as the
// index holds them, with the other dependency files of their folders as the working tree holds
// them (a lock file the commit does not touch still says what the manifest resolves to).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dependencyFileKind, folderOf, type DependencyFileRead } from '../../core/dependencies/manifests';
import type { DependencyFacts } from '../../core/dependencies/model';
import type { FileSource } from '../file-source';
import { readTextFile } from '../read-file';
import type { DependencyCheck } from '../scan';
import { dependencyFactsOf, type NetworkOptions } from './dependency-facts';

export async function stagedDependencies(sources: readonly FileSource[], projectRoot: string, maxFileSize: number, network: NetworkOptions): Promise<{ facts: DependencyFacts; check: DependencyCheck } | undefined> {
  const reads = new Map<string, DependencyFileRead>();
  for (const source of sources) {
    const kind = dependencyFileKind(source.projectPath);
    if (!kind) continue;
    const read = await source.read(maxFileSize);
    if (read.kind === 'text') reads.set(source.projectPath, kind.read(read.text));
  }
  if (reads.size === 0) return undefined;
  for (const folder of new Set([...reads.keys()].map(folderOf))) {
    let names: string[] = [];
    try {
      names = readdirSync(join(projectRoot, folder));
    } catch {
      continue; // the folder is new in the commit and not on disk
    }
    for (const name of names) {
      const path = folder ? `${folder}/${name}` : name;
      const kind = reads.has(path) ? undefined : dependencyFileKind(path);
      if (!kind) continue;
      const read = await readTextFile(join(projectRoot, path), maxFileSize);
      if (read.kind === 'text') reads.set(path, kind.read(read.text));
    }
  }
  const scan = await dependencyFactsOf(reads, network);
  const missing = scan.lookup.missing.length + scan.registryMissing;
  const problem = scan.lookup.problem ?? scan.registryProblem;
  return { facts: scan.facts, check: { checked: scan.lookup.advisories.size, missing, ...(problem ? { problem } : {}), offline: network.offline } };
}
