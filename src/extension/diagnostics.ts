// Keeps Lastline's diagnostics in step with open documents: analyses on open, after a short pause
// in typing (lastline.analysisDelay), on config change; cancels a stale run when the user types
// again, and drops results for a document version that is no longer current.
import * as vscode from 'vscode';
import { join, relative, sep } from 'node:path';
import { ruleDocsUrl } from '../core/docs';
import type { Logger } from '../core/log';
import type { Finding, Severity } from '../core/types';
import type { AiProvenance } from './ai-provenance';
import type { ConfigCache } from './config-cache';
import type { DependencyChecks } from './dependency-checks';
import type { Engine } from './engine';
import type { RouteIndexService } from './route-index';
import { readSettings } from './settings';

/** Languages whose files may declare routes (their diagnostics depend on the route index). */
const ROUTE_LANGUAGES = new Set(['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python']);

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

interface PendingRun {
  timer?: NodeJS.Timeout;
  cancellation: vscode.CancellationTokenSource;
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('lastline');
  private readonly pending = new Map<string, PendingRun>();
  private readonly findingsByUri = new Map<string, { version: number; findings: Finding[] }>();
  /** Whether git ignores each open file: asked once per document, dropped with it or on config change. */
  private readonly ignoredByGit = new Map<string, boolean>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly engine: () => Engine,
    private readonly configs: ConfigCache,
    private readonly routes: RouteIndexService,
    private readonly provenance: AiProvenance,
    private readonly dependencies: DependencyChecks,
    private readonly log: Logger,
  ) {
    this.subscriptions.push(
      // A manifest's dependency check came back: its findings can be shown.
      dependencies.onDidChange((uri) => {
        const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
        if (document) this.schedule(document, 0);
      }),
      // An agent recorded or a person reviewed: which findings lie in AI-written lines may have changed.
      provenance.onDidChange(() => this.analyzeOpenDocuments()),
      // A route's verdict depends on other files (its app's guards, its siblings): re-judge open sources.
      routes.onDidChange(() => {
        for (const document of vscode.workspace.textDocuments) if (ROUTE_LANGUAGES.has(document.languageId)) this.schedule(document, 0);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document, readSettings(event.document.uri).analysisDelay);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('lastline')) this.analyzeOpenDocuments();
      }),
      configs.onDidChange(() => {
        this.ignoredByGit.clear();
        this.analyzeOpenDocuments();
      }),
    );
  }

  /** Analyses every open document; called once after activation has returned. */
  analyzeOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** The findings behind the diagnostics of a document, for code actions. */
  findingsFor(document: vscode.TextDocument): Finding[] {
    const entry = this.findingsByUri.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.findings : [];
  }

  /** Shows findings of a file that is not open (from a workspace scan). */
  showScanFindings(uri: vscode.Uri, findings: Finding[]): void {
    if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) return;
    this.collection.set(
      uri,
      findings.map((finding) => toDiagnostic(finding, uri, this.projectRootOf(uri))),
    );
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (document.uri.scheme !== 'file') return;
    const key = document.uri.toString();
    this.cancelPending(key);
    if (!readSettings(document.uri).enable) {
      this.forget(document.uri);
      return;
    }
    const run: PendingRun = { cancellation: new vscode.CancellationTokenSource() };
    run.timer = setTimeout(() => void this.analyze(document, run), delay);
    this.pending.set(key, run);
  }

  private async analyze(document: vscode.TextDocument, run: PendingRun): Promise<void> {
    const key = document.uri.toString();
    const version = document.version;
    const started = performance.now();
    try {
      const engine = this.engine();
      const loaded = this.configs.forFile(document.uri.fsPath);
      const text = document.getText();
      if (text.length > loaded.config.maxFileSize) {
        this.log.info(`${document.uri.fsPath}: not analysed, larger than maxFileSize`);
        this.collection.delete(document.uri);
        return;
      }
      const path = toProjectPath(loaded.root, document.uri.fsPath);
      let ignoredByGit = this.ignoredByGit.get(key);
      if (ignoredByGit === undefined) {
        ignoredByGit = engine.isPathGitignored(loaded.root, document.uri.fsPath);
        this.ignoredByGit.set(key, ignoredByGit);
      }
      const facts = this.configs.factsFor(document.uri.fsPath);
      const routesWanted = ROUTE_LANGUAGES.has(document.languageId) && loaded.config.rules['open-route']?.level !== 'off';
      const project = routesWanted ? { ...facts, routes: await this.routes.forFile(document.uri.fsPath) } : { ...facts };
      if (engine.isDependencyFile(path)) {
        const dependencies = this.dependencies.factsFor(document, { projectRoot: loaded.root, path, maxFileSize: loaded.config.maxFileSize });
        if (dependencies) project.dependencies = dependencies;
      }
      if (run.cancellation.token.isCancellationRequested) return;
      const input = { path, text, language: engine.languageFromEditor(document.languageId, document.uri.fsPath), ignoredByGit };
      const first = await engine.analyze(input, { config: loaded.config, cancellation: run.cancellation.token, log: this.log, project });
      // Code nested beyond this thread's stack is read on a worker thread with a deep one.
      const result = await engine.withDeepStackRetry(first, input, { config: loaded.config, project, log: this.log });
      if (run.cancellation.token.isCancellationRequested || document.isClosed || document.version !== version) return;
      // Findings in AI-written lines (not merely suspected ones) say so, are one level more severe and come first.
      const aiRanges = this.provenance.rangesIn(document.uri, text).filter((range) => range.attribution.kind !== 'suspected');
      const marked = engine.markAiWritten(result.findings, aiRanges);
      const findings = [...marked.filter((finding) => finding.aiWritten), ...marked.filter((finding) => !finding.aiWritten)];
      this.findingsByUri.set(key, { version, findings });
      this.collection.set(
        document.uri,
        findings.map((finding) => toDiagnostic(finding, document.uri, loaded.root)),
      );
      this.log.debug(`analysed ${path} in ${(performance.now() - started).toFixed(1)} ms: ${findings.length} finding(s)`);
    } catch (error) {
      if (error instanceof Error && error.name === 'CancelledError') return;
      this.log.error(`analysis of ${document.uri.fsPath} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      if (this.pending.get(key) === run) this.pending.delete(key);
      run.cancellation.dispose();
    }
  }

  private projectRootOf(uri: vscode.Uri): string {
    return this.configs.forFile(uri.fsPath).root;
  }

  private cancelPending(key: string): void {
    const previous = this.pending.get(key);
    if (!previous) return;
    clearTimeout(previous.timer);
    previous.cancellation.cancel();
    this.pending.delete(key);
  }

  private forget(uri: vscode.Uri): void {
    this.cancelPending(uri.toString());
    this.ignoredByGit.delete(uri.toString());
    this.findingsByUri.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancelPending(key);
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.collection.dispose();
  }
}

export function toDiagnostic(finding: Finding, uri: vscode.Uri, projectRoot: string): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = 'lastline';
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(finding.ruleId)) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      (related) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(related.file ? vscode.Uri.file(join(projectRoot, related.file)) : uri, toRange(related.range)),
          related.message,
        ),
    );
  }
  return diagnostic;
}

export function toRange(range: Finding['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function toProjectPath(root: string, fsPath: string): string {
  return relative(root, fsPath).split(sep).join('/');
}
