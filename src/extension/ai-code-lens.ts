// A CodeLens above each AI-written hunk that no person has reviewed:
//   "AI-written · unreviewed (tool) — Review · Approve · Not AI"
// and above suspected lines: "Suspected AI — Confirm · Dismiss". The lenses carry only where the
// lines are; Approve and Not AI ask the person in a modal dialog before anything is recorded, so a
// command run on someone's behalf (an agent driving VS Code) cannot approve or disown AI code.
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { DocumentAiRange } from '../provenance/provenance-cache';
import type { AiProvenance } from './ai-provenance';
import type { Engine } from './engine';
import { REVIEW_AI_CHANGES_COMMAND } from './review-ai-changes';
import { readSettings } from './settings';

const APPROVE_COMMAND = 'lastline.approveAiLines';
const NOT_AI_COMMAND = 'lastline.notAiLines';

export class AiCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly loadEngine: () => Engine,
    private readonly provenance: AiProvenance,
    private readonly log: Logger,
  ) {
    this.disposables = [
      this.changed,
      provenance.onDidChange(() => this.changed.fire()),
      vscode.languages.registerCodeLensProvider({ scheme: 'file' }, this),
      vscode.commands.registerCommand(APPROVE_COMMAND, (uri: vscode.Uri, line: number) => this.approve(uri, line)),
      vscode.commands.registerCommand(NOT_AI_COMMAND, (uri: vscode.Uri, line: number) => this.notAi(uri, line)),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!readSettings(document.uri).showAiLines) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const range of this.provenance.rangesIn(document.uri, document.getText())) {
      if (range.reviewer) continue;
      const at = new vscode.Range(range.start, 0, range.start, 0);
      const where = [document.uri, range.start];
      if (range.attribution.kind === 'suspected') {
        lenses.push(
          new vscode.CodeLens(at, { title: 'Suspected AI', command: '' }),
          new vscode.CodeLens(at, { title: 'Confirm', command: 'lastline.confirmSuspectedAi' }),
          new vscode.CodeLens(at, { title: 'Dismiss', command: 'lastline.dismissSuspectedAi' }),
        );
        continue;
      }
      lenses.push(
        new vscode.CodeLens(at, { title: `AI-written · unreviewed (${who(range)})`, command: '' }),
        new vscode.CodeLens(at, { title: 'Review', command: REVIEW_AI_CHANGES_COMMAND }),
        new vscode.CodeLens(at, { title: 'Approve', command: APPROVE_COMMAND, arguments: where }),
        new vscode.CodeLens(at, { title: 'Not AI', command: NOT_AI_COMMAND, arguments: where }),
      );
    }
    return lenses;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private rangeAt(uri: vscode.Uri, line: number): DocumentAiRange | undefined {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    return document && this.provenance.rangesIn(uri, document.getText()).find((range) => range.start <= line && line < range.end);
  }

  private async approve(uri: vscode.Uri, line: number): Promise<void> {
    const range = this.rangeAt(uri, line);
    if (!range) return;
    const lines = `${range.start + 1}-${range.end}`;
    const choice = await vscode.window.showInformationMessage(
      `Approve lines ${lines} of ${vscode.workspace.asRelativePath(uri)}, written by ${who(range)}? You are recorded as their reviewer.`,
      { modal: true },
      'Approve',
    );
    if (choice !== 'Approve') return;
    try {
      const engine = this.loadEngine();
      const queue = await engine.hunksToReview(uri.fsPath);
      if (!queue) return;
      const reviewer = engine.gitReviewer(queue.root);
      const path = vscode.workspace.asRelativePath(uri, false);
      const items = queue.items.filter((item) => item.path === path && item.start < range.end && item.end > range.start);
      for (const item of items) engine.recordVerdict(queue, item, 'approved', reviewer);
      this.log.info(`approved ${items.length} hunk(s) of ${path} as ${reviewer.name}`);
    } catch (error) {
      void vscode.window.showErrorMessage(`Lastline: not approved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.provenance.reload();
    }
  }

  private async notAi(uri: vscode.Uri, line: number): Promise<void> {
    const range = this.rangeAt(uri, line);
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (!range || !document) return;
    const choice = await vscode.window.showWarningMessage(
      `Lines ${range.start + 1}-${range.end} are recorded as written by ${who(range)}. Mark them as yours? The commit gate will not ask for their review.`,
      { modal: true },
      'Mark as Mine',
    );
    if (choice !== 'Mark as Mine') return;
    this.loadEngine().resolveSuspectedAt(uri.fsPath, document.getText(), range.start, 'dismiss', true);
    this.provenance.reload();
  }
}

function who(range: DocumentAiRange): string {
  return range.attribution.model ? `${range.attribution.tool}, ${range.attribution.model}` : range.attribution.tool;
}
