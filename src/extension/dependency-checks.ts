// The dependency check of open manifest and lock files: advisories and registry answers for what
// the editor's text declares, looked up in a worker thread (the network may take seconds), a while
// after typing stops, and cancelled when the file changes again. Diagnostics ask for the facts of
// a document version; until the check of that version is done they get the last known facts, and
// `onDidChange` tells them to analyse again.
import * as vscode from 'vscode';
import type { DependencyFacts } from '../core/dependencies/model';
import type { Logger } from '../core/log';
import type { DependencyCheckMessage, DependencyCheckRequest } from '../scan/dependency-worker';
import { runInEngineWorker } from './engine-worker';
import { readSettings } from './settings';

/** Longer than the analysis delay: a look-up per keystroke burst, not per keystroke. */
const CHECK_DELAY_MS = 800;

interface DocumentCheck {
  version?: number;
  facts?: DependencyFacts;
  timer?: NodeJS.Timeout;
  running?: vscode.CancellationTokenSource;
  pendingVersion?: number;
}

export class DependencyChecks implements vscode.Disposable {
  private readonly checks = new Map<string, DocumentCheck>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly log: Logger) {
    this.subscriptions = [this.changed, vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri.toString()))];
  }

  /**
   * The facts for `document` as it is now, when its check is done; else the last known ones (or
   * none), with a check of this version scheduled.
   */
  factsFor(document: vscode.TextDocument, request: Omit<DependencyCheckRequest, 'text' | 'offline'>): DependencyFacts | undefined {
    const key = document.uri.toString();
    const check = this.checks.get(key) ?? {};
    this.checks.set(key, check);
    if (check.version === document.version) return check.facts;
    if (check.pendingVersion !== document.version) {
      check.pendingVersion = document.version;
      if (check.timer) clearTimeout(check.timer);
      check.running?.cancel();
      check.timer = setTimeout(() => this.run(document, check, request), CHECK_DELAY_MS);
    }
    return check.facts;
  }

  private run(document: vscode.TextDocument, check: DocumentCheck, request: Omit<DependencyCheckRequest, 'text' | 'offline'>): void {
    const version = document.version;
    const cancellation = new vscode.CancellationTokenSource();
    check.running = cancellation;
    const settings = readSettings(document.uri);
    const offline = settings.network === 'off';
    runInEngineWorker<DependencyCheckMessage, DependencyCheckMessage>(
      'runDependencyWorker',
      { ...request, text: document.getText(), offline, proxy: settings.proxy } satisfies DependencyCheckRequest,
      this.log,
      cancellation.token,
      (message, finish) => finish(message),
    ).then(
      (answer) => {
        if (check.running !== cancellation || document.version !== version) return; // a newer check owns the document
        check.version = version;
        check.facts = answer.facts;
        if (answer.notice) this.log.warn(`${document.uri.fsPath}: ${answer.notice}`);
        this.changed.fire(document.uri);
      },
      (error: unknown) => {
        if (error instanceof Error && error.name === 'CancelledError') return;
        this.log.warn(`dependency check of ${document.uri.fsPath} failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  private forget(key: string): void {
    const check = this.checks.get(key);
    if (check?.timer) clearTimeout(check.timer);
    check?.running?.cancel();
    this.checks.delete(key);
  }

  dispose(): void {
    for (const key of [...this.checks.keys()]) this.forget(key);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
