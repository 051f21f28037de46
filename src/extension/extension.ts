// Activation does only cheap wiring; the engine loads on the first analysis, which is scheduled
// after activate() returns, so VS Code's startup never waits on a parser.
import * as vscode from 'vscode';
import { LastlineCodeActions, RECORD_FALSE_POSITIVE_COMMAND } from './code-actions';
import { ConfigCache } from './config-cache';
import { DependencyChecks } from './dependency-checks';
import { DiagnosticsController } from './diagnostics';
import { loadEngine } from './engine';
import { createLogChannel } from './log';
import { AiChangesView } from './ai-changes-view';
import { AiCodeLens } from './ai-code-lens';
import { AiLines } from './ai-lines';
import { registerCommitGate } from './commit-gate';
import { AiProvenance } from './ai-provenance';
import { registerReviewAiChanges } from './review-ai-changes';
import { registerInlineSuggestionTracking } from './inline-suggestions';
import { ObservedEdits } from './observed-edits';
import { recordFalsePositive } from './record-false-positive';
import { RouteIndexService } from './route-index';
import { RoutesView } from './routes-view';
import { scanWorkspace } from './scan-workspace';

export interface LastlineApi {
  /** Milliseconds activate() took, for the activation benchmark. */
  readonly activationMs: number;
  /** The Routes view's data, for tests and other extensions that show routes. */
  readonly routesView: vscode.TreeDataProvider<unknown>;
  /** The AI-written ranges shown in a document (by URI string), for tests. */
  aiLinesShown(uri: vscode.Uri): readonly { start: number; end: number; tool: string; reviewed: boolean; suspected: boolean }[];
  /** The AI Changes view's data, for tests. */
  readonly aiChangesView: vscode.TreeDataProvider<unknown>;
  /** Re-reads the provenance store now (it is also watched). */
  reloadAiLines(): void;
}

export function activate(context: vscode.ExtensionContext): LastlineApi {
  const started = performance.now();
  const log = createLogChannel();
  const configs = new ConfigCache(loadEngine, log);
  const routes = new RouteIndexService(loadEngine, configs, log);
  const aiProvenance = new AiProvenance(loadEngine, log);
  const dependencyChecks = new DependencyChecks(log);
  const diagnostics = new DiagnosticsController(loadEngine, configs, routes, aiProvenance, dependencyChecks, log);
  const routesView = new RoutesView(loadEngine, routes, log);
  const observedEdits = new ObservedEdits(loadEngine, log);
  const aiLines = new AiLines(aiProvenance, vscode.Uri.joinPath(context.extensionUri, 'media'));
  const aiChangesView = new AiChangesView(loadEngine, aiProvenance, configs, log);
  context.subscriptions.push(
    log,
    configs,
    routes,
    dependencyChecks,
    diagnostics,
    routesView,
    vscode.window.registerTreeDataProvider('lastline.routes', routesView),
    vscode.commands.registerCommand('lastline.refreshRoutes', () => routesView.refresh()),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new LastlineCodeActions(diagnostics, configs, loadEngine), LastlineCodeActions.metadata),
    vscode.commands.registerCommand('lastline.scanWorkspace', () => scanWorkspace(configs, diagnostics, log)),
    vscode.commands.registerCommand('lastline.showLog', () => log.show()),
    observedEdits,
    aiProvenance,
    aiLines,
    registerReviewAiChanges(loadEngine, aiProvenance, log),
    registerCommitGate(context, loadEngine, aiProvenance, log),
    new AiCodeLens(loadEngine, aiProvenance, log),
    aiChangesView,
    vscode.window.registerTreeDataProvider('lastline.aiChanges', aiChangesView),
    registerInlineSuggestionTracking(loadEngine, observedEdits, log),
    vscode.commands.registerCommand(RECORD_FALSE_POSITIVE_COMMAND, (uri: vscode.Uri, finding: { fingerprint: string; rule: string }) =>
      recordFalsePositive(loadEngine, configs, log, uri, finding),
    ),
  );
  setTimeout(() => diagnostics.analyzeOpenDocuments(), 0);
  const activationMs = performance.now() - started;
  log.info(`Lastline activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    routesView: routesView as vscode.TreeDataProvider<unknown>,
    aiLinesShown: (uri) =>
      (aiLines.shown.get(uri.toString()) ?? []).map((range) => ({
        start: range.start,
        end: range.end,
        tool: range.attribution.tool,
        reviewed: range.reviewer !== undefined,
        suspected: range.attribution.kind === 'suspected',
      })),
    reloadAiLines: () => aiProvenance.reload(),
    aiChangesView: aiChangesView as vscode.TreeDataProvider<unknown>,
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
