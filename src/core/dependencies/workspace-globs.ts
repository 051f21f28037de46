// The `workspaces` globs of a package.json (npm, yarn) and of a package-lock.json's root entry:
// folders relative to the root, `*` within a segment, `**` across them, and `!glob` to leave a
// folder out. A glob is anchored at the root (`app` is the folder `app`, not any `app` below).
import { compileGlob, GlobError, type Glob } from '../glob';

export interface WorkspaceGlobs {
  /** Whether `folder` (relative to the root, `/`-separated) is a member. */
  matches(folder: string): boolean;
  filter(folders: readonly string[]): string[];
}

export function workspaceGlobs(globs: readonly string[]): WorkspaceGlobs {
  const included = compiled(globs.filter((glob) => !glob.startsWith('!')));
  const excluded = compiled(globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1)));
  const matches = (folder: string) => included.some((glob) => glob.match(folder)) && !excluded.some((glob) => glob.match(folder));
  return { matches, filter: (folders) => folders.filter(matches) };
}

function compiled(globs: readonly string[]): Glob[] {
  return globs.flatMap((glob) => {
    const folder = glob.trim().replace(/^\.\//, '').replace(/\/+$/, '');
    if (!folder || folder === '.') return [];
    try {
      return [compileGlob(`./${folder}`)];
    } catch (error) {
      if (error instanceof GlobError) return []; // an extended glob: not one npm or yarn takes either
      throw error;
    }
  });
}
