// Shows which lines an assistant wrote: a gutter mark (unreviewed, reviewed, suspected; light and
// dark icons in media/), a hover with tool, model, session and time, and a status bar item with the
// number of unreviewed AI-written hunks in the repository's files, which opens the review. Ranges
// follow edits live: each change re-aligns the document's lines with the record (a rewritten line
// becomes the person's), and a change in the state folder (an agent's hook, a review) reloads it.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { DocumentAiRange } from '../provenance/provenance-cache';
import type { AiProvenance } from './ai-provenance';
import { REVIEW_AI_CHANGES_COMMAND } from './review-ai-changes';
import { readSettings } from './settings';

export const REVIEW_IN_TERMINAL_COMMAND = 'lastline.reviewInTerminal';

type MarkKind = 'unreviewed' | 'reviewed' | 'suspected';

/** How long after the last keystroke the marks are re-aligned. */
const FOLLOW_DELAY_MS = 50;

export class AiLines implements vscode.Disposable {
  private readonly decorations: Record<MarkKind, vscode.TextEditorDecorationType>;
  private readonly statusBar = vscode.window.createStatusBarItem('lastline.aiLines', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending = new Map<vscode.TextDocument, NodeJS.Timeout>();
  /** The ranges currently shown, per document (also what tests read through the extension's API). */
  readonly shown = new Map<string, DocumentAiRange[]>();
  constructor(
    private readonly provenance: AiProvenance,
    media: vscode.Uri,
  ) {
    const mark = (kind: MarkKind, ruler: string): vscode.TextEditorDecorationType =>
      vscode.window.createTextEditorDecorationType({
        light: { gutterIconPath: vscode.Uri.joinPath(media, `ai-${kind}-light.svg`) },
        dark: { gutterIconPath: vscode.Uri.joinPath(media, `ai-${kind}-dark.svg`) },
        gutterIconSize: 'contain',
        overviewRulerColor: ruler,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        isWholeLine: true,
      });
    this.decorations = { unreviewed: mark('unreviewed', '#ffb34099'), reviewed: mark('reviewed', '#4ec98b66'), suspected: mark('suspected', '#9e9e9e66') };
    this.statusBar.name = 'Lastline: AI-written lines';
    this.statusBar.command = REVIEW_AI_CHANGES_COMMAND;
    this.disposables.push(
      ...Object.values(this.decorations),
      this.statusBar,
      provenance.onDidChange(() => this.redraw()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshVisible()),
      vscode.workspace.onDidChangeTextDocument((event) => this.follow(event.document)),
      vscode.workspace.onDidSaveTextDocument(() => this.updateStatusBar()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('lastline.provenance') && this.refreshVisible()),
      vscode.commands.registerCommand(REVIEW_IN_TERMINAL_COMMAND, () => this.reviewInTerminal()),
    );
    setTimeout(() => this.redraw(), 0);
  }

  private redraw(): void {
    this.refreshVisible();
    this.updateStatusBar();
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private follow(document: vscode.TextDocument): void {
    if (!vscode.window.visibleTextEditors.some((editor) => editor.document === document)) return;
    clearTimeout(this.pending.get(document));
    this.pending.set(
      document,
      setTimeout(() => {
        this.pending.delete(document);
        for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.draw(editor);
      }, FOLLOW_DELAY_MS),
    );
  }

  private refreshVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.draw(editor);
  }

  private draw(editor: vscode.TextEditor): void {
    const document = editor.document;
    if (document.uri.scheme !== 'file') return;
    const ranges = readSettings(document.uri).showAiLines ? this.provenance.rangesIn(document.uri, document.getText()) : [];
    this.shown.set(document.uri.toString(), ranges);
    const byKind: Record<MarkKind, vscode.DecorationOptions[]> = { unreviewed: [], reviewed: [], suspected: [] };
    for (const range of ranges) {
      const kind: MarkKind = range.attribution.kind === 'suspected' ? 'suspected' : range.reviewer ? 'reviewed' : 'unreviewed';
      byKind[kind].push({ range: new vscode.Range(range.start, 0, Math.max(range.start, range.end - 1), 0), hoverMessage: hover(range) });
    }
    for (const kind of Object.keys(byKind) as MarkKind[]) editor.setDecorations(this.decorations[kind], byKind[kind]);
  }

  private updateStatusBar(): void {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || !readSettings(folder.uri).showAiLines) {
      void vscode.commands.executeCommand('setContext', 'lastline.hasUnreviewedAiChanges', false);
      this.statusBar.hide();
      return;
    }
    let unreviewed = 0;
    for (const file of this.provenance.recordedFiles(folder.uri.fsPath)) {
      const open = vscode.workspace.textDocuments.find((document) => document.uri.fsPath === file);
      let ranges: DocumentAiRange[];
      try {
        ranges = this.provenance.rangesIn(vscode.Uri.file(file), open ? open.getText() : readFileSync(file, 'utf8'));
      } catch {
        continue; // deleted since
      }
      unreviewed += ranges.filter((range) => range.attribution.kind !== 'suspected' && !range.reviewer).length;
    }
    // Shows "Review AI Changes" in the Source Control title while there is something to review.
    void vscode.commands.executeCommand('setContext', 'lastline.hasUnreviewedAiChanges', unreviewed > 0);
    if (unreviewed === 0) {
      this.statusBar.hide();
      return;
    }
    this.statusBar.text = `$(hubot) ${unreviewed} unreviewed`;
    this.statusBar.tooltip = `${unreviewed} AI-written hunk${unreviewed === 1 ? '' : 's'} not reviewed by a person. Click to review them.`;
    this.statusBar.show();
  }

  /** The review is a person's act in a terminal: open one in the repository and start it there. */
  private reviewInTerminal(): void {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const terminal = vscode.window.createTerminal({ name: 'Lastline review', cwd: folder?.uri });
    const script = vscode.Uri.joinPath(vscode.Uri.file(__dirname), '..', 'bin', 'lastline.js').fsPath;
    terminal.show();
    terminal.sendText(`node ${JSON.stringify(script)} review`);
  }
}

function hover(range: DocumentAiRange): vscode.MarkdownString {
  const { tool, model, session, time, kind } = range.attribution;
  const state = kind === 'suspected' ? 'suspected AI (not confirmed)' : range.reviewer ? `reviewed by ${range.reviewer}` : 'not reviewed by a person yet';
  const lines = [
    `**AI-written** by \`${tool}\`${model ? ` (${model})` : ''} — ${state}`,
    `written ${time.slice(0, 16).replace('T', ' ')} UTC${session ? ` · session \`${session}\`` : ''}`,
  ];
  return new vscode.MarkdownString(lines.join('  \n'));
}
