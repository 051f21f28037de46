// "Lastline: Review AI Changes": walks the unreviewed AI-written hunks, staged ones first, each in a
// diff editor (HEAD on the left), and asks Approve / Reject / Next — the same verdicts as
// `lastline review`. Approval is a person's act: the command takes no arguments, and the verdict
// comes only from a click on the notification's buttons (rejecting also asks to confirm), so an
// agent driving VS Code through commands cannot approve its own code.
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { ReviewItem, ReviewQueue } from '../provenance/review-actions';
import type { AiProvenance } from './ai-provenance';
import type { Engine } from './engine';

export const REVIEW_AI_CHANGES_COMMAND = 'lastline.reviewAiChanges';
const HEAD_SCHEME = 'lastline-head';

export function registerReviewAiChanges(loadEngine: () => Engine, provenance: AiProvenance, log: Logger): vscode.Disposable {
  return vscode.Disposable.from(
    // HEAD's version of a file, the left side of each diff (empty for a file HEAD does not have).
    vscode.workspace.registerTextDocumentContentProvider(HEAD_SCHEME, {
      provideTextDocumentContent(uri) {
        const { root, path } = JSON.parse(uri.query) as { root: string; path: string };
        try {
          return execFileSync('git', ['show', `HEAD:${path}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        } catch {
          return '';
        }
      },
    }),
    vscode.commands.registerCommand(REVIEW_AI_CHANGES_COMMAND, () => reviewAiChanges(loadEngine, provenance, log)),
  );
}

async function reviewAiChanges(loadEngine: () => Engine, provenance: AiProvenance, log: Logger): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  const engine = loadEngine();
  const queue = await engine.hunksToReview(folder.uri.fsPath);
  if (!queue || queue.items.length === 0) {
    void vscode.window.showInformationMessage('Lastline: no unreviewed AI-written lines.');
    return;
  }
  let reviewer;
  try {
    reviewer = engine.gitReviewer(queue.root);
  } catch (error) {
    void vscode.window.showErrorMessage(`Lastline: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const tally = { approved: 0, rejected: 0 };
  try {
    for (const [index, item] of queue.items.entries()) {
      await showHunk(queue, item);
      const where = `${engine.describeHunk(item)}${item.staged ? ', staged' : ''}`;
      const choice = await vscode.window.showInformationMessage(
        `AI-written (${index + 1}/${queue.items.length}): ${where}. Approve these lines?`,
        'Approve',
        'Reject',
        'Next',
      );
      if (choice === undefined) break;
      if (choice === 'Approve') {
        engine.recordVerdict(queue, item, 'approved', reviewer);
        tally.approved++;
      } else if (choice === 'Reject') {
        const sure = await vscode.window.showWarningMessage(
          `Remove these ${item.end - item.start} line(s) from ${item.staged ? 'the index and the working tree' : 'the working tree'}?`,
          { modal: true },
          'Remove',
        );
        if (sure !== 'Remove') continue;
        await saveIfDirty(queue, item);
        engine.removeHunk(queue, item);
        engine.recordVerdict(queue, item, 'rejected', reviewer);
        tally.rejected++;
      }
    }
  } catch (error) {
    log.error(`review failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void vscode.window.showErrorMessage(`Lastline: the review stopped: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    provenance.reload();
  }
  if (tally.approved || tally.rejected)
    void vscode.window.showInformationMessage(`Lastline: approved ${tally.approved}, rejected ${tally.rejected} AI-written hunk(s).`);
}

async function showHunk(queue: ReviewQueue, item: ReviewItem): Promise<void> {
  const file = vscode.Uri.joinPath(vscode.Uri.file(queue.root), item.path);
  const head = vscode.Uri.from({ scheme: HEAD_SCHEME, path: `/${item.path}`, query: JSON.stringify({ root: queue.root, path: item.path }) });
  const range = new vscode.Range(item.start, 0, Math.max(item.start, item.end - 1), 0);
  await vscode.commands.executeCommand('vscode.diff', head, file, `${item.path} (HEAD ↔ AI-written lines ${item.start + 1}-${item.end})`, {
    selection: range,
    preview: true,
  });
}

/** The working tree is edited on disk when a hunk is removed: never over unsaved changes. */
async function saveIfDirty(queue: ReviewQueue, item: ReviewItem): Promise<void> {
  const file = vscode.Uri.joinPath(vscode.Uri.file(queue.root), item.path).toString();
  await vscode.workspace.textDocuments.find((document) => document.uri.toString() === file && document.isDirty)?.save();
}
