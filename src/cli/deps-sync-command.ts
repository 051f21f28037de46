// `lastline deps sync [npm] [PyPI]`: keeps OSV's per-ecosystem exports on this machine, so advisory
// look-ups need no network (osv-export.ts). Progress goes to stderr; one line per ecosystem says
// what the index now holds. A failed sync keeps the previous index and exits 2.
import type { Ecosystem } from '../core/dependencies/model';
import { AdvisoryStore } from '../scan/dependencies/advisories';
import { syncOsvExport, type SyncResult } from '../scan/dependencies/osv-export';
import { dependencyFileKind } from '../core/dependencies/manifests';
import { walkFiles } from '../scan/walk';
import { existingRoots, openProject } from './project';
import { UsageError, type Terminal } from './terminal';

const ECOSYSTEMS: readonly Ecosystem[] = ['npm', 'PyPI'];

export interface DepsSyncArgs {
  ecosystems: string[];
  env?: NodeJS.ProcessEnv;
  /** The advisory cache and the exports' folder (tests). */
  storeFile?: string;
  exportsRoot?: string;
}

export async function runDepsSync(args: DepsSyncArgs, terminal: Terminal): Promise<number> {
  const env = args.env ?? process.env;
  const named = args.ecosystems.map((name) => {
    const ecosystem = ECOSYSTEMS.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (!ecosystem) throw new UsageError(`unknown ecosystem "${name}" (deps sync knows: ${ECOSYSTEMS.join(', ')})`);
    return ecosystem;
  });
  const ecosystems = named.length ? [...new Set(named)] : await ecosystemsUsedIn(terminal);
  if (ecosystems.length === 0)
    throw new UsageError(`no dependency files here to tell which ecosystems to sync: name them (lastline deps sync ${ECOSYSTEMS.join(' ')})`);
  if (env.LASTLINE_OFFLINE === '1') throw new UsageError("deps sync downloads OSV's exports: it cannot run with LASTLINE_OFFLINE=1");

  const store = AdvisoryStore.open(args.storeFile);
  let failed = false;
  for (const ecosystem of ecosystems) {
    let result: SyncResult;
    try {
      result = await syncOsvExport(ecosystem, {
        env,
        ...(env.LASTLINE_OSV_EXPORT_URL ? { baseUrl: env.LASTLINE_OSV_EXPORT_URL } : {}),
        ...(args.exportsRoot ? { root: args.exportsRoot } : {}),
        onProgress: (message) => terminal.error(message),
      });
    } catch (error) {
      failed = true;
      terminal.error(`${ecosystem}: the sync failed (${error instanceof Error ? error.message : String(error)}); the previous index, if any, is kept`);
      continue;
    }
    const { meta } = result;
    if (result.kind === 'synced') store.forgetQueries(ecosystem); // answers from before the sync are asked again
    const what = `${count(meta.advisories, 'advisory', 'advisories')} for ${count(meta.packages, 'package', 'packages')}`;
    terminal.out(
      result.kind === 'synced'
        ? `${ecosystem}: ${what} (${(result.bytes / 1024 / 1024).toFixed(1)} MB downloaded)`
        : `${ecosystem}: ${what}, unchanged since the last sync`,
    );
  }
  store.save();
  return failed ? 2 : 0;
}

async function ecosystemsUsedIn(terminal: Terminal): Promise<Ecosystem[]> {
  const roots = existingRoots([], terminal.cwd);
  const { projectRoot, loaded } = openProject(roots, terminal, false);
  const found = new Set<Ecosystem>();
  for await (const file of walkFiles(roots, { projectRoot, exclude: loaded.config.exclude })) {
    const kind = dependencyFileKind(file.projectPath);
    if (kind) found.add(kind.ecosystem);
  }
  return ECOSYSTEMS.filter((ecosystem) => found.has(ecosystem));
}

function count(value: number, one: string, many: string): string {
  return `${value.toLocaleString('en-US')} ${value === 1 ? one : many}`;
}
