// Provenance the editor can only infer, kept apart from what an agent's hook or an accepted inline
// suggestion says for certain:
// - chat and agent editing sessions: VS Code keeps the text a file had before the session's edits
//   in a `chat-editing-snapshot-text-model` document; when the file is saved, the lines that differ
//   from that snapshot are recorded as the chat's;
// - suspected AI: a multi-line insertion in one change that is not the clipboard's content (a
//   paste) is recorded as *suspected*, and stays so until a person confirms or dismisses it
//   ("Lastline: Confirm / Dismiss Suspected AI Lines"). Typing-sized edits are a person's; when the
//   clipboard cannot be read, nothing is recorded (unknown beats a wrong label).
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { Attribution } from '../core/provenance/model';
import type { Engine } from './engine';
import { readSettings } from './settings';

export const CHAT_SNAPSHOT_SCHEME = 'chat-editing-snapshot-text-model';
export const CHAT_TOOL = 'vscode-chat';
export const SUSPECTED_TOOL = 'unknown';

/** How recent an agent's last recorded edit must be for a session to count as going on. */
const AGENT_SESSION_WINDOW_MS = 15 * 60 * 1000;

/** How long after a change the document's dirty state is known in the extension host. */
const DIRTY_STATE_SETTLE_MS = 50;

/** An insertion this large in one change is more than typing. */
const SUSPECT_MIN_LINES = 3;
const SUSPECT_MIN_CHARACTERS = 80;

export class ObservedEdits implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** File path → the text before the chat session's edits. */
  private readonly chatSnapshots = new Map<string, string>();
  /** Documents whose next change is Lastline's own (an accepted inline suggestion, recorded already). */
  private readonly ownChanges = new Set<vscode.TextDocument>();
  /** The text each open file had when it was last not dirty: what an external write replaced. */
  private readonly cleanTexts = new WeakMap<vscode.TextDocument, string>();

  constructor(
    private readonly loadEngine: () => Engine,
    private readonly log: Logger,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => {
        this.noteChatSnapshot(document);
        this.noteCleanText(document);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        this.recordChatEdits(document);
        this.noteCleanText(document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => void this.judgeInsertion(event)),
      vscode.commands.registerTextEditorCommand('lastline.confirmSuspectedAi', (editor) => this.resolve(editor, 'confirm')),
      vscode.commands.registerTextEditorCommand('lastline.dismissSuspectedAi', (editor) => this.resolve(editor, 'dismiss')),
    );
    for (const document of vscode.workspace.textDocuments) {
      this.noteChatSnapshot(document);
      this.noteCleanText(document);
    }
  }

  private noteCleanText(document: vscode.TextDocument): void {
    if (document.uri.scheme === 'file' && !document.isDirty) this.cleanTexts.set(document, document.getText());
  }

  /** The inline-suggestion wrapper records its change itself. */
  expectOwnChange(document: vscode.TextDocument): vscode.Disposable {
    this.ownChanges.add(document);
    return new vscode.Disposable(() => this.ownChanges.delete(document));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private noteChatSnapshot(document: vscode.TextDocument): void {
    if (document.uri.scheme !== CHAT_SNAPSHOT_SCHEME) return;
    const path = vscode.Uri.file(document.uri.path).fsPath;
    // The first snapshot of a session is the text before any of its edits: keep that one.
    if (!this.chatSnapshots.has(path)) this.chatSnapshots.set(path, document.getText());
  }

  private recordChatEdits(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file') return;
    const before = this.chatSnapshots.get(document.uri.fsPath);
    if (before === undefined) return;
    this.chatSnapshots.delete(document.uri.fsPath);
    this.record(document, before, document.getText(), { tool: CHAT_TOOL, kind: 'editor', source: 'VS Code chat editing session' });
  }

  private async judgeInsertion(event: vscode.TextDocumentChangeEvent): Promise<void> {
    const { document, contentChanges, reason } = event;
    if (document.uri.scheme !== 'file' || contentChanges.length === 0) return;
    // The on-type path: a document already dirty is not being reloaded from disk, and typing-sized
    // changes are a person's. Leave before copying the text or waiting on anything.
    if (document.isDirty && !(contentChanges.length === 1 && isLargeInsertion(contentChanges[0]))) return;
    const after = document.getText();
    const own = this.ownChanges.has(document);
    // The extension host learns that a document became dirty just after the change itself: look
    // once that has arrived. A change that leaves the document clean was a reload from disk.
    await new Promise((settled) => setTimeout(settled, DIRTY_STATE_SETTLE_MS));
    if (!document.isDirty && reason === undefined) {
      this.judgeExternalWrite(document, after);
      return;
    }
    if (reason !== undefined || contentChanges.length !== 1 || own) return;
    const [change] = contentChanges;
    if (!isLargeInsertion(change)) return;
    if (!readSettings(document.uri).trackEditor) return;
    const before = after.slice(0, change.rangeOffset) + after.slice(change.rangeOffset + change.text.length);
    let clipboard: string;
    try {
      clipboard = await vscode.env.clipboard.readText();
    } catch {
      return;
    }
    if (normalize(clipboard) === normalize(change.text)) return; // a paste: the person chose it
    this.record(document, before, after, { tool: SUSPECTED_TOOL, kind: 'suspected', source: 'VS Code: a multi-line insertion that was not a paste' });
  }

  /** The document changed and is not dirty: it was reloaded from disk (or reverted). */
  private judgeExternalWrite(document: vscode.TextDocument, after: string): void {
    const before = this.cleanTexts.get(document);
    this.cleanTexts.set(document, after);
    if (before === undefined || before === after || !readSettings(document.uri).trackEditor) return;
    // A reload shows what is on disk; an edit whose dirty state has not arrived yet does not.
    let onDisk: string;
    try {
      onDisk = readFileSync(document.uri.fsPath, 'utf8');
    } catch {
      return;
    }
    if (onDisk !== after) return;
    let session: Attribution | undefined;
    try {
      session = this.loadEngine().activeAgentSession(document.uri.fsPath, AGENT_SESSION_WINDOW_MS);
    } catch (error) {
      this.log.warn(`external write not judged: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!session) return;
    const { tool, model, session: id } = session;
    this.record(document, before, after, {
      tool,
      ...(model ? { model } : {}),
      ...(id ? { session: id } : {}),
      kind: 'suspected',
      source: 'VS Code: the file changed on disk during an agent session',
    });
  }

  private record(document: vscode.TextDocument, before: string, after: string, attribution: Omit<Attribution, 'time'>): void {
    try {
      const outcome = this.loadEngine().recordKnownChange(document.uri.fsPath, before, after, { ...attribution, time: new Date().toISOString() });
      if (typeof outcome === 'string') this.log.debug(`not recorded: ${outcome}`);
      else
        this.log.debug(
          `${attribution.kind} lines recorded in ${outcome.path}: ${outcome.agentLines.map((range) => `${range.start + 1}-${range.end}`).join(', ')}`,
        );
    } catch (error) {
      this.log.warn(`edit not recorded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private resolve(editor: vscode.TextEditor, verdict: 'confirm' | 'dismiss'): void {
    const document = editor.document;
    if (document.uri.scheme !== 'file') return;
    const outcome = this.loadEngine().resolveSuspectedAt(document.uri.fsPath, document.getText(), editor.selection.active.line, verdict);
    void vscode.window.showInformationMessage(
      outcome === 'nothing suspected there'
        ? 'Lastline: no suspected AI lines at the cursor.'
        : `Lastline: suspected AI lines ${outcome}${verdict === 'confirm' ? ' as AI-written' : ' as yours'}.`,
    );
  }
}

/** More than typing: at least SUSPECT_MIN_LINES lines and SUSPECT_MIN_CHARACTERS inserted, replacing nothing. */
function isLargeInsertion(change: vscode.TextDocumentContentChangeEvent): boolean {
  if (change.rangeLength > 0 || change.text.length < SUSPECT_MIN_CHARACTERS) return false;
  let lines = 0;
  for (let index = change.text.indexOf('\n'); index >= 0 && lines < SUSPECT_MIN_LINES; index = change.text.indexOf('\n', index + 1)) lines++;
  return lines >= SUSPECT_MIN_LINES;
}

function normalize(text: string): string {
  return text.replace(/\r\n/g, '\n').trim();
}
