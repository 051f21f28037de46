// One route index per project root, built on first need (the first analysed source file or the
// Routes view) with progress in the status bar, then kept current file by file: a changed, created
// or deleted source file is re-read alone. Listeners (open documents' diagnostics, the Routes view)
// hear about it once per burst of changes, since one file can change another's verdicts.
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { FileRoutes } from '../core/routes/model';
import type { RouteIndex } from '../core/routes/route-index';
import type { RouteIndexMessage, RouteIndexRequest } from '../scan/route-index-worker';
import type { ConfigCache } from './config-cache';
import type { Engine } from './engine';
import { runInEngineWorker } from './engine-worker';
import { relative, sep } from 'node:path';

interface RootIndex {
  summaries: Map<string, FileRoutes>;
  hashes: Map<string, string>;
  snapshot: RouteIndex;
}

const SOURCE_GLOB = '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,py}';
/** Manifests mark the apps of a monorepo (apps/manifests.ts); manage.py and setup.py are source files already. */
const MANIFEST_GLOB = '**/{package.json,pyproject.toml,requirements.txt,project.json}';
const CHANGE_BURST_MS = 300;

export class RouteIndexService implements vscode.Disposable {
  private readonly byRoot = new Map<string, Promise<RootIndex>>();
  private readonly watchers = [vscode.workspace.createFileSystemWatcher(SOURCE_GLOB), vscode.workspace.createFileSystemWatcher(MANIFEST_GLOB)];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly pendingPaths = new Set<string>();
  private burst?: NodeJS.Timeout;
  /** Stops index builds still running in their workers when the extension goes away. */
  private readonly disposing = new vscode.CancellationTokenSource();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly engine: () => Engine,
    private readonly configs: ConfigCache,
    private readonly log: Logger,
  ) {
    const queue = (uri: vscode.Uri) => this.queue(uri.fsPath);
    for (const watcher of this.watchers) {
      watcher.onDidChange(queue);
      watcher.onDidCreate(queue);
      watcher.onDidDelete(queue);
    }
    // The config (exclude globs, maxFileSize) decides what is indexed: start over.
    configs.onDidChange(() => {
      this.byRoot.clear();
      this.changed.fire();
    });
  }

  /** The index of the project a file belongs to (built on first call). */
  async forFile(fsPath: string): Promise<RouteIndex> {
    return (await this.rootIndex(this.configs.forFile(fsPath).root)).snapshot;
  }

  /** Every workspace folder's index, for the Routes view. */
  async all(): Promise<{ root: string; index: RouteIndex }[]> {
    const roots = [
      ...new Set(
        (vscode.workspace.workspaceFolders ?? []).map((folder) => this.configs.forFile(vscode.Uri.joinPath(folder.uri, '.lastline.json').fsPath).root),
      ),
    ];
    return Promise.all(roots.map(async (root) => ({ root, index: (await this.rootIndex(root)).snapshot })));
  }

  private rootIndex(root: string): Promise<RootIndex> {
    let pending = this.byRoot.get(root);
    if (!pending) {
      pending = this.build(root);
      pending.catch(() => this.byRoot.delete(root)); // retry on next need rather than caching a failure
      this.byRoot.set(root, pending);
    }
    return pending;
  }

  private async build(root: string): Promise<RootIndex> {
    const started = performance.now();
    const engine = this.engine();
    const loaded = this.configs.forFile(`${root}${sep}.lastline.json`);
    // Walking and parsing the project runs in a worker: seconds of work on a large tree.
    const built = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Lastline: reading routes' }, () =>
      runInEngineWorker<RouteIndexMessage, RouteIndexMessage>(
        'runRouteIndexWorker',
        { projectRoot: root, config: loaded.config } satisfies RouteIndexRequest,
        this.log,
        this.disposing.token,
        (message, finish) => finish(message),
      ),
    );
    const summaries = new Map(built.summaries);
    const hashes = new Map(built.hashes);
    const index = new engine.RouteIndex(new Map(summaries), new Map(hashes));
    this.log.info(`route index of ${root}: ${summaries.size} file(s) in ${(performance.now() - started).toFixed(0)} ms`);
    return { summaries, hashes, snapshot: index };
  }

  private queue(fsPath: string): void {
    this.pendingPaths.add(fsPath);
    clearTimeout(this.burst);
    this.burst = setTimeout(() => void this.applyChanges(), CHANGE_BURST_MS);
  }

  private async applyChanges(): Promise<void> {
    const paths = [...this.pendingPaths];
    this.pendingPaths.clear();
    let anyChange = false;
    for (const fsPath of paths) {
      const loaded = this.configs.forFile(fsPath);
      const pending = this.byRoot.get(loaded.root);
      if (!pending) continue; // not built yet: the build will read the file as it is
      try {
        const root = await pending;
        const projectPath = relative(loaded.root, fsPath).split(sep).join('/');
        if (projectPath.startsWith('..')) continue;
        const summary = await this.engine().summarizeFile(fsPath, projectPath, loaded.config.maxFileSize, this.log);
        const before = root.summaries.has(projectPath);
        if (summary) {
          root.summaries.set(projectPath, summary.routes);
          root.hashes.set(projectPath, summary.hash);
        } else {
          root.summaries.delete(projectPath);
          root.hashes.delete(projectPath);
        }
        if (!summary && !before) continue;
        root.snapshot = new (this.engine().RouteIndex)(new Map(root.summaries), new Map(root.hashes));
        anyChange = true;
      } catch (error) {
        this.log.warn(`routes of ${fsPath} not updated: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (anyChange) this.changed.fire();
  }

  dispose(): void {
    clearTimeout(this.burst);
    this.disposing.cancel();
    this.disposing.dispose();
    for (const watcher of this.watchers) watcher.dispose();
    this.changed.dispose();
  }
}
