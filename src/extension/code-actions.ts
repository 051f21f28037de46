// Quick fixes from the findings' own Fix data — the same edits `lastline scan --fix` applies — as
// one WorkspaceEdit each, so a fix (including lines appended to `.env`/`.gitignore`) undoes as one.
// Like ESLint's: "Fix all <rule> problems in this file", "Show documentation for <rule>", and
// `source.fixAll.lastline` (fix on save), which applies only the fixes marked safe.
import * as vscode from 'vscode';
import { join } from 'node:path';
import { textToAppend } from '../core/edits';
import type { FileAppend, Finding, Fix } from '../core/types';
import { ruleDocsUrl } from '../core/docs';
import type { ConfigCache } from './config-cache';
import type { Engine } from './engine';
import type { DiagnosticsController } from './diagnostics';
import { toRange } from './diagnostics';

export const RECORD_FALSE_POSITIVE_COMMAND = 'lastline.recordFalsePositive';

export class LastlineCodeActions implements vscode.CodeActionProvider {
  static readonly fixAllKind = vscode.CodeActionKind.SourceFixAll.append('lastline');
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, LastlineCodeActions.fixAllKind] };

  constructor(
    private readonly diagnostics: DiagnosticsController,
    private readonly configs: ConfigCache,
    private readonly engine: () => Engine,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const findings = this.diagnostics.findingsFor(document);
    if (context.only && LastlineCodeActions.fixAllKind.contains(context.only)) return this.fixAll(document, findings);
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === 'lastline');
    if (ours.length === 0) return [];
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
    for (const ruleId of new Set(ours.map(ruleIdOf))) {
      if (!ruleId) continue;
      const ofRule = findings.filter((finding) => finding.ruleId === ruleId);
      const chosen = this.engine().chooseFixes(ofRule, document.getText(), editingFix);
      if (ofRule.length > 1 && chosen.count > 1) {
        const action = new vscode.CodeAction(`Fix all ${ruleId} problems in this file`, vscode.CodeActionKind.QuickFix);
        action.edit = await this.toWorkspaceEdit(document, { title: action.title, safe: false, edits: chosen.edits, files: chosen.appends });
        actions.push(action);
      }
      const docs = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.command = { title: docs.title, command: 'vscode.open', arguments: [vscode.Uri.parse(ruleDocsUrl(ruleId))] };
      actions.push(docs);
    }
    return actions;
  }

  /** `source.fixAll.lastline`: the safe fixes of every finding, chosen as `lastline scan --fix` chooses them. */
  private async fixAll(document: vscode.TextDocument, findings: readonly Finding[]): Promise<vscode.CodeAction[]> {
    const chosen = this.engine().chooseFixes(findings, document.getText(), (fix) => fix.safe);
    if (chosen.count === 0) return [];
    const action = new vscode.CodeAction('Fix all safe Lastline problems', LastlineCodeActions.fixAllKind);
    action.edit = await this.toWorkspaceEdit(document, { title: action.title, safe: true, edits: chosen.edits, files: chosen.appends });
    return [action];
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

/** A fix that edits code (not one that only records an allowlist entry). */
function editingFix(fix: Fix): boolean {
  return fix.edits.length > 0 && !fix.allowlist;
}

function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

function matches(finding: Finding, diagnostic: vscode.Diagnostic): boolean {
  return ruleIdOf(diagnostic) === finding.ruleId && toRange(finding.range).isEqual(diagnostic.range) && finding.message === diagnostic.message;
}
