// The AI Changes view (Explorer): every file with AI-written lines → its hunks, unreviewed first,
// each with who wrote it, whether a person reviewed it, and the number of findings in it. Selecting
// a hunk opens it. Refreshed when the provenance store changes and when a file is saved.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { DocumentAiRange } from '../provenance/provenance-cache';
import type { AiProvenance } from './ai-provenance';
import type { ConfigCache } from './config-cache';
import type { Engine } from './engine';

type Node = { kind: 'file'; uri: vscode.Uri; hunks: HunkNode[] } | HunkNode;

interface HunkNode {
  kind: 'hunk';
  uri: vscode.Uri;
  range: DocumentAiRange;
  findings: number;
}

export class AiChangesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly engine: () => Engine,
    private readonly provenance: AiProvenance,
    private readonly configs: ConfigCache,
    private readonly log: Logger,
  ) {
    this.disposables.push(
      provenance.onDidChange(() => this.refresh()),
      vscode.workspace.onDidSaveTextDocument(() => this.refresh()),
    );
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'file') return node.hunks;
    if (node) return [];
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return [];
    try {
      const files: Extract<Node, { kind: 'file' }>[] = [];
      for (const path of this.provenance.recordedFiles(folder.uri.fsPath)) {
        const uri = vscode.Uri.file(path);
        const text = vscode.workspace.textDocuments.find((document) => document.uri.fsPath === path)?.getText() ?? readText(path);
        if (text === undefined) continue;
        const ranges = this.provenance.rangesIn(uri, text);
        if (ranges.length === 0) continue;
        const findings = await this.findings(path, text);
        const hunks = ranges
          .map((range): HunkNode => ({
            kind: 'hunk',
            uri,
            range,
            findings: findings.filter((finding) => finding.range.start.line < range.end && finding.range.end.line >= range.start).length,
          }))
          .sort((left, right) => rank(left) - rank(right) || left.range.start - right.range.start);
        files.push({ kind: 'file', uri, hunks });
      }
      return files.sort((left, right) => unreviewedCount(right) - unreviewedCount(left) || left.uri.fsPath.localeCompare(right.uri.fsPath));
    } catch (error) {
      this.log.error(`AI Changes view: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.Expanded);
      const unreviewed = unreviewedCount(node);
      item.description = unreviewed ? `${unreviewed} unreviewed` : 'reviewed';
      return item;
    }
    const { range } = node;
    const lines = range.end - range.start === 1 ? `line ${range.start + 1}` : `lines ${range.start + 1}-${range.end}`;
    const item = new vscode.TreeItem(lines, vscode.TreeItemCollapsibleState.None);
    const who = range.attribution.model ? `${range.attribution.tool} (${range.attribution.model})` : range.attribution.tool;
    const state = range.attribution.kind === 'suspected' ? 'suspected' : range.reviewer ? 'reviewed' : 'unreviewed';
    item.description = `${state} · ${who}${node.findings ? ` · ${node.findings} finding${node.findings === 1 ? '' : 's'}` : ''}`;
    item.tooltip = range.reviewer ? `Reviewed by ${range.reviewer}` : undefined;
    item.iconPath = new vscode.ThemeIcon(
      state === 'reviewed' ? 'pass' : state === 'suspected' ? 'question' : 'hubot',
      node.findings ? new vscode.ThemeColor('problemsErrorIcon.foreground') : undefined,
    );
    item.command = { title: 'Open', command: 'vscode.open', arguments: [node.uri, { selection: new vscode.Range(range.start, 0, range.start, 0) }] };
    return item;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private async findings(path: string, text: string) {
    const loaded = this.configs.forFile(path);
    if (text.length > loaded.config.maxFileSize) return [];
    const result = await this.engine().analyze({ path: relative(loaded.root, path).split(sep).join('/'), text }, { config: loaded.config, log: this.log });
    return result.findings;
  }
}

function rank(node: HunkNode): number {
  return node.range.attribution.kind === 'suspected' ? 2 : node.range.reviewer ? 1 : 0;
}

function unreviewedCount(node: { hunks: HunkNode[] }): number {
  return node.hunks.filter((hunk) => rank(hunk) === 0).length;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
