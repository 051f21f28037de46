// Where each agent reads its hooks and the entries that make it call `lastline record`: data, one
// row per agent (docs/agent-hooks.md has the sources). Pre-tool entries give `record` the snapshot
// that makes ranges exact; post-tool entries record and answer the agent.
import type { AgentId } from './event';

export type InstallableAgent = Exclude<AgentId, 'generic'>;

export interface AgentHookConfig {
  agent: InstallableAgent;
  /** Relative to the repository root. */
  repositoryFile: string;
  /** Relative to the home folder. */
  userFile: string;
  /** Top-level fields a new file needs. */
  skeleton: Record<string, unknown>;
  /** Hook event name → the entry to append to `hooks[event]`, running `command`. */
  entries(command: string): Record<string, unknown>;
}

const claudeShaped = (matcher: string, timeout: number) => (command: string) => ({
  PreToolUse: { matcher, hooks: [{ type: 'command', command, timeout }] },
  PostToolUse: { matcher, hooks: [{ type: 'command', command, timeout }] },
});

export const AGENT_HOOK_CONFIGS: readonly AgentHookConfig[] = [
  {
    agent: 'claude',
    repositoryFile: '.claude/settings.json',
    userFile: '.claude/settings.json',
    skeleton: {},
    entries: claudeShaped('Write|Edit|MultiEdit', 30),
  },
  {
    agent: 'cursor',
    repositoryFile: '.cursor/hooks.json',
    userFile: '.cursor/hooks.json',
    skeleton: { version: 1 },
    entries: (command) => ({ preToolUse: { command, matcher: 'Write' }, afterFileEdit: { command }, afterTabFileEdit: { command } }),
  },
  {
    agent: 'copilot',
    // Copilot reads every *.json in the folder: Lastline's hooks get a file of their own.
    repositoryFile: '.github/hooks/lastline.json',
    userFile: '.copilot/hooks/lastline.json',
    skeleton: { version: 1 },
    entries: (command) => ({
      preToolUse: { type: 'command', bash: command, powershell: command, timeoutSec: 30 },
      postToolUse: { type: 'command', bash: command, powershell: command, timeoutSec: 30 },
    }),
  },
  { agent: 'codex', repositoryFile: '.codex/hooks.json', userFile: '.codex/hooks.json', skeleton: {}, entries: claudeShaped('^apply_patch$', 30) },
  {
    agent: 'gemini',
    repositoryFile: '.gemini/settings.json',
    userFile: '.gemini/settings.json',
    skeleton: {},
    entries: (command) => ({
      BeforeTool: { matcher: 'write_file|replace', hooks: [{ name: 'lastline-pre', type: 'command', command, timeout: 30_000 }] },
      AfterTool: { matcher: 'write_file|replace', hooks: [{ name: 'lastline-post', type: 'command', command, timeout: 30_000 }] },
    }),
  },
];

/** Whether a hook entry is one of Lastline's (any version, any path to the command). */
export function isLastlineEntry(entry: unknown): boolean {
  return /\blastline(\.js)?["']?\s+record\b/.test(JSON.stringify(entry) ?? '');
}
