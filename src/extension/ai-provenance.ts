// The editor's one view of the provenance store: the AI-written ranges of an open document's
// current text. It watches the repository's state folder (an agent's hook recorded, a person
// reviewed) and tells its listeners — the gutter marks and the diagnostics — to look again.
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { DocumentAiRange, ProvenanceCache } from '../provenance/provenance-cache';
import type { Engine } from './engine';

export class AiProvenance implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private cache: ProvenanceCache | undefined;

  constructor(
    private readonly loadEngine: () => Engine,
    private readonly log: Logger,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.git/lastline/**');
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.reload()),
      watcher.onDidChange(() => this.reload()),
      watcher.onDidDelete(() => this.reload()),
      vscode.window.onDidChangeWindowState((state) => state.focused && this.reload()),
    );
  }

  /** Re-reads the store on next use and tells the listeners. */
  reload(): void {
    this.cache?.invalidate();
    this.changed.fire();
  }

  /** The AI-written ranges of `text`, the current text of the file at `uri`. */
  rangesIn(uri: vscode.Uri, text: string): DocumentAiRange[] {
    if (uri.scheme !== 'file') return [];
    try {
      return (this.cache ??= new (this.loadEngine().ProvenanceCache)()).rangesIn(uri.fsPath, text);
    } catch (error) {
      this.log.warn(`AI-written lines unknown for ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  /** Absolute paths of the files with recorded AI lines in the repository holding `folder`. */
  recordedFiles(folder: string): string[] {
    try {
      return (this.cache ??= new (this.loadEngine().ProvenanceCache)()).recordedFiles(folder);
    } catch {
      return [];
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
