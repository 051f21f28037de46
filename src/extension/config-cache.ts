// One `.lastline.json` per project root, read once and re-read when it changes on disk. Problems in
// it are shown as diagnostics on the file itself and logged, and analysis goes on with defaults.
import * as vscode from 'vscode';
import { dirname } from 'node:path';
import type { LoadedConfig } from '../scan/config-file';
import type { ProjectFacts } from '../core/rule';
import type { Engine } from './engine';
import type { Logger } from '../core/log';

export class ConfigCache implements vscode.Disposable {
  private readonly byRoot = new Map<string, LoadedConfig>();
  private readonly factsByRoot = new Map<string, ProjectFacts>();
  private readonly rootByDir = new Map<string, string>();
  private readonly problems = vscode.languages.createDiagnosticCollection('lastline-config');
  /** The config, the .env (names for "move to environment") and .gitignore (what is committed). */
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/{.lastline.json,.env,.gitignore}');
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a watched file was created, changed or deleted (everything cached is dropped). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly engine: () => Engine,
    private readonly log: Logger,
  ) {
    const invalidate = () => {
      this.byRoot.clear();
      this.factsByRoot.clear();
      this.rootByDir.clear();
      this.changed.fire();
    };
    this.watcher.onDidCreate(invalidate);
    this.watcher.onDidChange(invalidate);
    this.watcher.onDidDelete(invalidate);
  }

  /** The config that applies to a file on disk. */
  forFile(fsPath: string): LoadedConfig {
    const dir = dirname(fsPath);
    let root = this.rootByDir.get(dir);
    if (!root) {
      root = this.engine().findProjectRoot(dir);
      this.rootByDir.set(dir, root);
    }
    let loaded = this.byRoot.get(root);
    if (!loaded) {
      loaded = this.engine().loadConfig(root);
      this.byRoot.set(root, loaded);
      this.publishProblems(loaded);
    }
    return loaded;
  }

  /** Project facts (the .env variables) for the project a file belongs to. */
  factsFor(fsPath: string): ProjectFacts {
    const root = this.forFile(fsPath).root;
    let facts = this.factsByRoot.get(root);
    if (!facts) {
      facts = this.engine().loadProjectFacts(root);
      this.factsByRoot.set(root, facts);
    }
    return facts;
  }

  private publishProblems(loaded: LoadedConfig): void {
    if (!loaded.path) return;
    const diagnostics = loaded.problems.map((problem) => {
      this.log.warn(`${problem.file}${problem.line ? `:${problem.line}` : ''} ${problem.key}: ${problem.message}`);
      const line = Math.max(0, (problem.line ?? 1) - 1);
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
        `${problem.key ? `"${problem.key}": ` : ''}${problem.message}`,
        vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = 'lastline';
      return diagnostic;
    });
    this.problems.set(vscode.Uri.file(loaded.path), diagnostics);
  }

  dispose(): void {
    this.problems.dispose();
    this.watcher.dispose();
    this.changed.dispose();
  }
}
