// The dependency files that decide what manifests read from elsewhere (the editor's text, the
// index) install, read from disk: those of their own folders (a lock file beside the manifest),
// and a workspace root's above them (its lock, and the package.json whose `workspaces` name yarn's
// members). Of the folders above, only what says which folders are members and what they resolve
// is kept: their own entries are not checked here, and would cost a look-up each.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ancestorsOf, dependencyFileKind, type DependencyFileRead } from '../../core/dependencies/manifests';
import { readTextFile } from '../read-file';

export async function addGoverningDependencyFiles(
  reads: Map<string, DependencyFileRead>,
  projectRoot: string,
  folders: readonly string[],
  maxFileSize: number,
): Promise<void> {
  for (const folder of new Set(folders)) await addFolderDependencyFiles(reads, projectRoot, folder, maxFileSize);
  await addWorkspaceRoots(reads, projectRoot, folders, maxFileSize);
}

/**
 * Of the folders above `folders`, what says which folders are workspace members and what they
 * resolve (a root lock, the package.json naming yarn's members) — not their own entries.
 */
export async function addWorkspaceRoots(
  reads: Map<string, DependencyFileRead>,
  projectRoot: string,
  folders: readonly string[],
  maxFileSize: number,
): Promise<void> {
  const above = new Set(folders.flatMap(ancestorsOf).filter((folder) => !folders.includes(folder)));
  for (const folder of above) {
    const found = new Map<string, DependencyFileRead>();
    await addFolderDependencyFiles(found, projectRoot, folder, maxFileSize);
    for (const [path, read] of found) {
      if (reads.has(path) || (!read.workspace && !read.workspaces)) continue;
      reads.set(path, {
        declared: [],
        locked: [],
        includes: [],
        ...(read.workspace ? { workspace: read.workspace } : {}),
        ...(read.workspaces ? { workspaces: read.workspaces } : {}),
      });
    }
  }
}

/**
 * Adds the dependency files of `folder` (a project path) that `reads` lacks, read from disk: the
 * lock file beside a manifest read from elsewhere (the editor's text, the index).
 */
async function addFolderDependencyFiles(reads: Map<string, DependencyFileRead>, projectRoot: string, folder: string, maxFileSize: number): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(join(projectRoot, folder));
  } catch {
    return; // a folder that is not on disk (new in a commit, or gone)
  }
  for (const name of names) {
    const path = folder ? `${folder}/${name}` : name;
    const kind = reads.has(path) ? undefined : dependencyFileKind(path);
    if (!kind) continue;
    const read = await readTextFile(join(projectRoot, path), maxFileSize);
    if (read.kind === 'text') reads.set(path, kind.read(read.text));
  }
}
