// The dependency files that decide what manifests read from elsewhere (the editor's text, the
// index) install, read from disk: those of their own folders (a lock file beside the manifest),
// and a workspace root's above them (its lock, and the package.json whose `workspaces` name yarn's
// members). Of the folders above, only what says which folders are members and what they resolve
// is kept: their own entries are not checked here, and would cost a look-up each.
import { ancestorsOf, type DependencyFileRead } from '../../core/dependencies/manifests';
import { addFolderDependencyFiles } from './dependency-facts';

export async function addGoverningDependencyFiles(
  reads: Map<string, DependencyFileRead>,
  projectRoot: string,
  folders: readonly string[],
  maxFileSize: number,
): Promise<void> {
  for (const folder of new Set(folders)) await addFolderDependencyFiles(reads, projectRoot, folder, maxFileSize);
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
