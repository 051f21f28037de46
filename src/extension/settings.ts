// Typed access to the `lastline.*` settings, resolved per resource like VS Code's own settings
// (folder settings win over workspace over user).
import * as vscode from 'vscode';

export interface LastlineSettings {
  enable: boolean;
  analysisDelay: number;
  /** Record the lines that come from the editor's AI features (inline suggestions, chat edits, suspected insertions). */
  trackEditor: boolean;
  /** Gutter marks, hovers and the status bar count for AI-written lines. */
  showAiLines: boolean;
  /** May the workspace scan ask the dependency services (OSV.dev, registries)? */
  network: 'on' | 'off';
  /** VS Code's own `http.proxy` and `http.noProxy`, which the dependency look-ups honour. */
  proxy: { proxy?: string; noProxy: string[] };
}

export function readSettings(scope?: vscode.ConfigurationScope): LastlineSettings {
  const config = vscode.workspace.getConfiguration('lastline', scope);
  return {
    enable: config.get<boolean>('enable', true),
    analysisDelay: Math.max(0, Math.min(5000, config.get<number>('analysisDelay', 150))),
    trackEditor: config.get<boolean>('provenance.trackEditor', true),
    showAiLines: config.get<boolean>('provenance.showAiLines', true),
    network: config.get<string>('network', 'on') === 'off' ? 'off' : 'on',
    proxy: editorProxy(scope),
  };
}

function editorProxy(scope?: vscode.ConfigurationScope): LastlineSettings['proxy'] {
  const http = vscode.workspace.getConfiguration('http', scope);
  const proxy = http.get<string>('proxy', '').trim();
  const noProxy = http.get<unknown>('noProxy', []);
  return { ...(proxy ? { proxy } : {}), noProxy: Array.isArray(noProxy) ? noProxy.filter((entry): entry is string => typeof entry === 'string') : [] };
}
