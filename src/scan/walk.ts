// Walks the files to scan under the given roots: honours every .gitignore from the project root
// down (as git does), the config's exclude globs, and never descends into `.git` or
// `node_modules` (explicitly named roots are always walked). Symbolic links are not followed.
import ignore, { type Ignore } from 'ignore';
import { readdirSync, type Dirent } from 'node:fs';
import { compileGlobs } from '../core/glob';
import { MAX_STEERING_FILE_SIZE, readTextFileSync } from './read-file';
import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const ALWAYS_SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules']);

export interface WalkedFile {
  absolutePath: string;
  /** Relative to the project root, `/`-separated (what rules, globs and fingerprints see). */
  projectPath: string;
}

export interface WalkOptions {
  projectRoot: string;
  exclude: readonly string[];
}

interface GitignoreLayer {
  dir: string;
  matcher: Ignore;
}

export async function* walkFiles(roots: readonly string[], options: WalkOptions): AsyncGenerator<WalkedFile> {
  const projectRoot = resolve(options.projectRoot);
  const excludes = compileGlobs(options.exclude);
  const isExcluded = (projectPath: string, isDirectory: boolean) =>
    excludes.some((glob) => glob.match(projectPath) || (isDirectory && glob.match(`${projectPath}/`)));
  const seen = new Set<string>();

  for (const root of roots) {
    const absoluteRoot = resolve(root);
    const info = await stat(absoluteRoot);
    const base = isInside(absoluteRoot, projectRoot) ? projectRoot : info.isDirectory() ? absoluteRoot : dirname(absoluteRoot);
    // A path named on the command line is read whatever it is: reading says why a FIFO or a device
    // cannot be scanned, where skipping it here would report a clean "0 files scanned".
    if (!info.isDirectory()) {
      if (!seen.has(absoluteRoot)) {
        seen.add(absoluteRoot);
        yield { absolutePath: absoluteRoot, projectPath: toProjectPath(base, absoluteRoot) };
      }
      continue;
    }
    const layers = ancestorGitignores(base, absoluteRoot);
    yield* walkDirectory(absoluteRoot, toProjectPath(base, absoluteRoot), layers, isExcluded, seen);
  }
}

/** `projectDir`: the folder's path relative to the project ('' for the project itself), `/`-separated. */
async function* walkDirectory(
  dir: string,
  projectDir: string,
  parentLayers: readonly GitignoreLayer[],
  isExcluded: (projectPath: string, isDirectory: boolean) => boolean,
  seen: Set<string>,
): AsyncGenerator<WalkedFile> {
  let entries: Dirent[];
  try {
    // Synchronous on purpose: a listing costs microseconds, while an async one is a thread-pool
    // round trip that left the CPU idle for a fifth of a whole-tree scan.
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable folder is skipped, as git does; its files cannot be scanned anyway
  }
  // Only open .gitignore where the listing has one: a failed open per folder is costly.
  const layers = entries.some((entry) => entry.name === '.gitignore') ? withGitignore(parentLayers, dir) : parentLayers;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolutePath = join(dir, entry.name);
    const isDirectory = entry.isDirectory();
    if (!isDirectory && !entry.isFile()) continue; // symlinks, sockets, devices
    if (isDirectory && ALWAYS_SKIPPED_DIRECTORIES.has(entry.name)) continue;
    if (isGitignored(layers, absolutePath, isDirectory)) continue;
    // Built from the folder's own path: path.relative() for every entry was ~1.5% of a scan.
    const projectPath = projectDir ? `${projectDir}/${entry.name}` : entry.name;
    if (isExcluded(projectPath, isDirectory)) continue;
    if (isDirectory) {
      yield* walkDirectory(absolutePath, projectPath, layers, isExcluded, seen);
    } else if (!seen.has(absolutePath)) {
      seen.add(absolutePath);
      yield { absolutePath, projectPath };
    }
  }
}

/**
 * Whether the project's .gitignore files exclude a path (or a folder above it) — for files the
 * editor opens directly, which the walker never judged.
 */
export function isPathGitignored(projectRoot: string, absolutePath: string): boolean {
  const base = resolve(projectRoot);
  const target = resolve(absolutePath);
  if (!isInside(target, base) || target === base) return false;
  const chain: string[] = [];
  for (let path = target; path !== base; path = dirname(path)) chain.unshift(path);
  let layers = withGitignore([], base);
  for (const [index, path] of chain.entries()) {
    const isDirectory = index < chain.length - 1;
    if (isDirectory && ALWAYS_SKIPPED_DIRECTORIES.has(path.slice(dirname(path).length + 1))) return true;
    if (isGitignored(layers, path, isDirectory)) return true;
    if (isDirectory) layers = withGitignore(layers, path);
  }
  return false;
}

/** .gitignore files between the project root and a scan root below it apply to the scan too. */
function ancestorGitignores(base: string, root: string): GitignoreLayer[] {
  let layers: GitignoreLayer[] = [];
  const chain: string[] = [];
  for (let dir = dirname(root); isInside(dir, base); dir = dirname(dir)) {
    chain.unshift(dir);
    if (dir === base) break;
  }
  for (const dir of chain) layers = withGitignore(layers, dir);
  return layers;
}

function withGitignore(layers: readonly GitignoreLayer[], dir: string): GitignoreLayer[] {
  const read = readTextFileSync(join(dir, '.gitignore'), MAX_STEERING_FILE_SIZE);
  if (read.kind === 'skipped') return layers as GitignoreLayer[];
  return [...layers, { dir, matcher: ignore().add(read.text) }];
}

function isGitignored(layers: readonly GitignoreLayer[], absolutePath: string, isDirectory: boolean): boolean {
  return layers.some((layer) => {
    const path = relative(layer.dir, absolutePath).split(sep).join('/');
    return path !== '' && !path.startsWith('..') && layer.matcher.ignores(isDirectory ? `${path}/` : path);
  });
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

function toProjectPath(base: string, absolutePath: string): string {
  return relative(base, absolutePath).split(sep).join('/');
}
