// The Routes view (Explorer): every route of the workspace by framework (and by app, when a
// monorepo holds several), with method and full path, its effective auth as the description and
// icon, the guards in the tooltip; selecting a route opens its declaration. Refreshed whenever the
// route index changes.
import * as vscode from 'vscode';
import { join } from 'node:path';
import type { Logger } from '../core/log';
import type { InventoryEntry } from '../core/routes/inventory';
import type { Engine } from './engine';
import type { RouteIndexService } from './route-index';

type Node = { kind: 'framework'; label: string; entries: { root: string; entry: InventoryEntry }[] } | { kind: 'route'; root: string; entry: InventoryEntry };

const FRAMEWORK_NAMES: Record<string, string> = {
  express: 'Express',
  fastify: 'Fastify',
  koa: 'Koa',
  nestjs: 'NestJS',
  nextjs: 'Next.js',
  flask: 'Flask',
  fastapi: 'FastAPI',
  django: 'Django',
};

export class RoutesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly engine: () => Engine,
    private readonly routes: RouteIndexService,
    private readonly log: Logger,
  ) {
    this.subscription = routes.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'framework') return node.entries.map(({ root, entry }) => ({ kind: 'route', root, entry }));
    if (node) return [];
    try {
      const all: { root: string; entry: InventoryEntry }[] = [];
      for (const { root, index } of await this.routes.all()) {
        for (const entry of this.engine().routeInventory(index.resolved())) all.push({ root, entry });
      }
      const severalApps = new Set(all.map(({ root, entry }) => `${root}\0${entry.app}`)).size > 1;
      const groups = new Map<string, { root: string; entry: InventoryEntry }[]>();
      for (const item of all) {
        const framework = FRAMEWORK_NAMES[item.entry.framework] ?? item.entry.framework;
        const label = severalApps ? `${framework} · ${item.entry.app}` : framework;
        (groups.get(label) ?? groups.set(label, []).get(label)!).push(item);
      }
      return [...groups].map(([label, entries]) => ({ kind: 'framework', label, entries }));
    } catch (error) {
      this.log.error(`routes view: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'framework') {
      const open = node.entries.filter(({ entry }) => entry.finding).length;
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.entries.length} route${node.entries.length === 1 ? '' : 's'}${open ? ` · ${open} open` : ''}`;
      return item;
    }
    const { entry, root } = node;
    const item = new vscode.TreeItem(entry.label, vscode.TreeItemCollapsibleState.None);
    item.description =
      entry.auth === 'guarded'
        ? `guarded · ${[...new Set(entry.guards.map((guard) => (guard.scope === 'inline' ? 'check in handler' : guard.name)))].join(', ')}`
        : entry.auth === 'public'
          ? `public · ${entry.publicReason}`
          : entry.finding
            ? `open (${entry.finding.severity})`
            : 'open';
    item.iconPath = new vscode.ThemeIcon(
      entry.auth === 'guarded' ? 'lock' : entry.auth === 'public' ? 'globe' : 'unlock',
      entry.finding ? new vscode.ThemeColor(entry.finding.severity === 'error' ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground') : undefined,
    );
    item.contextValue = `lastline.route.${entry.auth}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${entry.label}** — ${entry.file}:${entry.range.start.line + 1} (app \`${entry.app}\`)\n\n`);
    if (entry.guards.length)
      tooltip.appendMarkdown(
        entry.guards
          .map(
            (guard) =>
              `- ${guard.scope === 'inline' ? 'a check in the handler' : `\`${guard.name}\``} (${guard.scope}, ${guard.file}:${guard.range.start.line + 1})`,
          )
          .join('\n'),
      );
    if (entry.finding) tooltip.appendText(entry.finding.message);
    if (entry.publicReason) tooltip.appendText(`Public: ${entry.publicReason}`);
    if (entry.undecided) tooltip.appendText(`\n\nUndecided: ${entry.undecided}`);
    item.tooltip = tooltip;
    const uri = vscode.Uri.file(join(root, entry.file));
    item.resourceUri = uri;
    item.command = {
      command: 'vscode.open',
      title: 'Open route',
      arguments: [uri, { selection: new vscode.Range(entry.range.start.line, entry.range.start.character, entry.range.end.line, entry.range.end.character) }],
    };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
