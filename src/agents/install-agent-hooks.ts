// `lastline hooks install-agent` / `uninstall-agent`: merges Lastline's entries into each agent's
// hook file, keeping every hook already there (idempotent: an entry of ours is never added twice),
// and undoes it byte for byte. Before the first change to a file, its original bytes (or its
// absence) are kept in a backup beside Lastline's state; uninstall puts them back when the file
// still holds exactly what install wrote, and otherwise removes only Lastline's entries, so a
// change the user made since is kept.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { writeFileAtomic } from '../store/atomic-file';
import { AGENT_HOOK_CONFIGS, isLastlineEntry, type AgentHookConfig, type InstallableAgent } from './hook-configs';

export interface HookFileTarget {
  /** The folder hook files are relative to: the repository root, or the home folder with --user. */
  base: string;
  /** Where backups of the original files are kept. */
  backupDirectory: string;
  /** The command line that runs `lastline record` (without `--agent`). */
  recordCommand: string;
}

export interface HookFileOutcome {
  agent: InstallableAgent;
  file: string;
  action: 'installed' | 'already installed' | 'restored' | 'removed entries' | 'not installed' | 'refused';
  detail?: string;
}

interface Backup {
  file: string;
  /** Base64 of the original bytes; null when the file did not exist. */
  original: string | null;
  /** Folders install created for the file, deepest first, removed again when empty. */
  createdFolders: string[];
  /** SHA-256 of the content install wrote last. */
  installed: string;
}

const FORMATTING = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

export function configsFor(agents: readonly string[]): AgentHookConfig[] {
  return agents.includes('all') ? [...AGENT_HOOK_CONFIGS] : AGENT_HOOK_CONFIGS.filter((config) => agents.includes(config.agent));
}

export function installAgentHooks(configs: readonly AgentHookConfig[], target: HookFileTarget, user: boolean): HookFileOutcome[] {
  return forEachHookFile(configs, target, user, (config, file, outcome) => {
    const original = existsSync(file) ? readFileSync(file) : null;
    let text = original?.toString('utf8') ?? `${JSON.stringify(config.skeleton, null, 2)}\n`;
    const problem = jsonProblem(text);
    if (problem) return outcome('refused', `${problem}; left as it is`);
    const hooks = (parse(text) as { hooks?: Record<string, unknown> }).hooks ?? {};
    let changed = original === null;
    for (const [event, entry] of Object.entries(config.entries(`${target.recordCommand} --agent ${config.agent}`))) {
      const existing = Array.isArray(hooks[event]) ? (hooks[event] as unknown[]) : undefined;
      if (existing?.some(isLastlineEntry)) continue;
      const edits = existing
        ? modify(text, ['hooks', event, existing.length], entry, { ...FORMATTING, isArrayInsertion: true })
        : modify(text, ['hooks', event], [entry], FORMATTING);
      text = applyEdits(text, edits);
      changed = true;
    }
    if (!changed) return outcome('already installed');
    const backupFile = backupPath(target, file);
    const backup: Backup = existsSync(backupFile)
      ? (JSON.parse(readFileSync(backupFile, 'utf8')) as Backup)
      : { file, original: original?.toString('base64') ?? null, createdFolders: foldersToCreate(dirname(file)), installed: '' };
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomic(file, text);
    writeFileAtomic(backupFile, JSON.stringify({ ...backup, installed: sha256(Buffer.from(text)) }));
    return outcome('installed');
  });
}

export function uninstallAgentHooks(configs: readonly AgentHookConfig[], target: HookFileTarget, user: boolean): HookFileOutcome[] {
  return forEachHookFile(configs, target, user, (config, file, outcome) => {
    const backupFile = backupPath(target, file);
    const backup = existsSync(backupFile) ? (JSON.parse(readFileSync(backupFile, 'utf8')) as Backup) : undefined;
    const current = existsSync(file) ? readFileSync(file) : null;
    if (backup && current !== null && sha256(current) === backup.installed) {
      if (backup.original === null) {
        rmSync(file);
        for (const folder of backup.createdFolders) removeIfEmpty(folder);
      } else writeFileAtomic(file, Buffer.from(backup.original, 'base64'));
      rmSync(backupFile);
      return outcome('restored');
    }
    if (backup) rmSync(backupFile);
    if (current === null) return outcome('not installed');
    const text = current.toString('utf8');
    if (jsonProblem(text)) return outcome('refused', "not valid JSON; remove Lastline's entries by hand");
    const hooks = (parse(text) as { hooks?: Record<string, unknown> }).hooks ?? {};
    let edited = text;
    for (const event of Object.keys(config.entries(''))) {
      const entries = hooks[event];
      if (!Array.isArray(entries)) continue;
      // Last first, so that earlier indexes stay valid.
      for (let index = entries.length - 1; index >= 0; index--) {
        if (isLastlineEntry(entries[index])) edited = applyEdits(edited, modify(edited, ['hooks', event, index], undefined, FORMATTING));
      }
    }
    if (edited === text) return outcome('not installed');
    writeFileAtomic(file, edited);
    return outcome('removed entries', "the file changed since install: only Lastline's entries were removed");
  });
}

type Report = (action: HookFileOutcome['action'], detail?: string) => HookFileOutcome;

/** Runs `handle` on each agent's hook file (in the home folder with `user`), with `report` to say what became of it. */
function forEachHookFile(
  configs: readonly AgentHookConfig[],
  target: HookFileTarget,
  user: boolean,
  handle: (config: AgentHookConfig, file: string, report: Report) => HookFileOutcome,
): HookFileOutcome[] {
  return configs.map((config) => {
    const file = join(target.base, user ? config.userFile : config.repositoryFile);
    const report: Report = (action, detail) => ({ agent: config.agent, file, action, ...(detail ? { detail } : {}) });
    return handle(config, file, report);
  });
}

function jsonProblem(text: string): string | undefined {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true });
  if (errors.length) return `not valid JSON (${printParseErrorCode(errors[0].error)})`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const hooks = (value as { hooks?: unknown }).hooks;
  if (hooks !== undefined && (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks))) return '"hooks" is not an object';
  return undefined;
}

function backupPath(target: HookFileTarget, file: string): string {
  return join(target.backupDirectory, `${sha256(Buffer.from(relative(target.base, file).split(sep).join('/'))).slice(0, 24)}.json`);
}

function foldersToCreate(folder: string): string[] {
  const created: string[] = [];
  for (let dir = folder; !existsSync(dir); dir = dirname(dir)) created.push(dir);
  return created;
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // not empty (something else lives there now) or already gone
  }
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
