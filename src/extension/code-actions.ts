// Quick fixes from the findings' own Fix data — the same edits `lastline scan --fix` applies — as
// one WorkspaceEdit each, so a fix (including lines appended to `.env`/`.gitignore`) undoes as one.
import * as vscode from 'vscode';
import { join } from 'node:path';
import { textToAppend } from '../core/edits';
import type { FileAppend, Finding, Fix } from '../core/types';
import type { ConfigCache } from './config-cache';
import type { DiagnosticsController } from './diagnostics';
import { toRange } from './diagnostics';

export const RECORD_FALSE_POSITIVE_COMMAND = 'lastline.recordFalsePositive';

export class LastlineCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: DiagnosticsController, private readonly configs: ConfigCache) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === 'lastline');
    if (ours.length === 0) return [];
    const findings = this.diagnostics.findingsFor(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const finding = findings.find((candidate) => matches(candidate, diagnostic));
      if (!finding) continue;
      for (const [index, fix] of finding.fixes.entries()) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0 && fix.safe;
        if (fix.edits.length || fix.files?.length) action.edit = await this.toWorkspaceEdit(document, fix);
        if (fix.allowlist) {
          // The reason must come from the person accepting the finding: asked when the fix runs.
          action.command = { title: fix.title, command: RECORD_FALSE_POSITIVE_COMMAND, arguments: [document.uri, fix.allowlist] };
        }
        actions.push(action);
      }
    }
    return actions;
  }

  private async toWorkspaceEdit(document: vscode.TextDocument, fix: Fix): Promise<vscode.WorkspaceEdit> {
    const edit = new vscode.WorkspaceEdit();
    for (const textEdit of fix.edits) edit.replace(document.uri, toRange(textEdit.range), textEdit.newText);
    const root = this.configs.forFile(document.uri.fsPath).root;
    for (const append of fix.files ?? []) await addAppend(edit, vscode.Uri.file(join(root, append.path)), append);
    return edit;
  }
}

async function addAppend(edit: vscode.WorkspaceEdit, uri: vscode.Uri, append: FileAppend): Promise<void> {
  let existing = '';
  try {
    existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    edit.createFile(uri, { ignoreIfExists: true });
  }
  const added = textToAppend(existing, append);
  if (added !== undefined) edit.insert(uri, endPosition(existing), added);
}

function endPosition(text: string): vscode.Position {
  const lines = text.split(/\r\n|\r|\n/);
  return new vscode.Position(lines.length - 1, lines[lines.length - 1].length);
}

function matches(finding: Finding, diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === finding.ruleId && toRange(finding.range).isEqual(diagnostic.range) && finding.message === diagnostic.message;
}
