// `lastline hooks install-agent|uninstall-agent <agent…|all> [--user] [--command CMD]`: connects the
// agents' hooks to `lastline record` in this repository (or, with --user, for the user).
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENT_HOOK_CONFIGS } from '../agents/hook-configs';
import { configsFor, installAgentHooks, uninstallAgentHooks, type HookFileTarget } from '../agents/install-agent-hooks';
import { GATE_HOOKS, hookStates, installHooks, rewriteRefs, uninstallHooks } from '../git/git-hooks';
import { findRepository, stateDirectory } from '../git/repository-paths';
import { displayPath } from './positions';
import { UsageError, type Terminal } from './terminal';

const AGENT_NAMES = AGENT_HOOK_CONFIGS.map((config) => config.agent);

export const HOOKS_HELP = `Usage: lastline hooks install|uninstall|status
       lastline hooks install-agent <${AGENT_NAMES.join('|')}|all>… [--user] [--command CMD]
       lastline hooks uninstall-agent <${AGENT_NAMES.join('|')}|all>… [--user]

install         puts the commit gate (${GATE_HOOKS.join(', ')}) into the folder git runs hooks from
                (core.hooksPath honoured); a hook already there is chained, never replaced, and
                notes.rewriteRef is set so notes follow --amend and rebase
uninstall       removes the gate and puts back every chained hook byte for byte
status          shows each hook and whether the gate is in place

install-agent   adds \`lastline record\` to the agents' hook files in this repository
                (${AGENT_HOOK_CONFIGS.map((config) => config.repositoryFile).join(', ')}), keeping every hook already there;
                running it again changes nothing
uninstall-agent restores each file byte for byte (or, if you changed it since, removes only Lastline's entries)

Options:
  --user           the user-level files in your home folder instead (all repositories)
  --command CMD    how the agents start Lastline (default: \`lastline\` when it is on PATH, else this
                   Node and this copy's bin/lastline.js)`;

export function runHooks(argv: readonly string[], terminal: Terminal): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { user: { type: 'boolean', default: false }, command: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. See lastline hooks --help.`);
  }
  const { values, positionals } = parsed;
  const [action, ...agents] = positionals;
  if (values.help || action === undefined) {
    terminal.out(HOOKS_HELP);
    return values.help ? 0 : 2;
  }
  if (action === 'install' || action === 'uninstall' || action === 'status') return gitHooks(action, terminal);
  if (action !== 'install-agent' && action !== 'uninstall-agent')
    throw new UsageError(`unknown hooks action "${action}" (install, uninstall, status, install-agent, uninstall-agent; see lastline hooks --help)`);
  if (agents.length === 0) throw new UsageError(`name the agents: ${AGENT_NAMES.join(', ')} or all`);
  const unknown = agents.filter((agent) => agent !== 'all' && !(AGENT_NAMES as string[]).includes(agent));
  if (unknown.length) throw new UsageError(`unknown agent ${unknown.map((agent) => `"${agent}"`).join(', ')} (known: ${AGENT_NAMES.join(', ')}, all)`);

  const user = values.user as boolean;
  const target = hookTarget(terminal.cwd, user, (values.command as string | undefined) ?? defaultRecordCommand());
  const configs = configsFor(agents);
  const outcomes = action === 'install-agent' ? installAgentHooks(configs, target, user) : uninstallAgentHooks(configs, target, user);
  for (const outcome of outcomes) {
    const line = `${outcome.agent.padEnd(8)} ${displayPath(outcome.file, terminal.cwd)}: ${outcome.action}${outcome.detail ? ` (${outcome.detail})` : ''}`;
    if (outcome.action === 'refused') terminal.error(line);
    else terminal.out(line);
  }
  if (action === 'install-agent' && !user && !target.recordCommand.startsWith('lastline ')) {
    terminal.error(
      `note: the hooks run ${target.recordCommand}; teammates need the same path, or \`lastline\` on PATH (npm install -g lastline) and --command "lastline record"`,
    );
  }
  return outcomes.some((outcome) => outcome.action === 'refused') ? 2 : 0;
}

function gitHooks(action: 'install' | 'uninstall' | 'status', terminal: Terminal): number {
  const repository = findRepository(terminal.cwd);
  if (!repository) throw new UsageError(`${displayPath(terminal.cwd, terminal.cwd)} is not in a git repository`);
  const { root } = repository;
  if (action === 'status') {
    for (const state of hookStates(root)) {
      const what =
        state.state === 'lastline'
          ? `Lastline's gate${state.chained ? ' (chaining the hook that was there)' : ''}`
          : state.state === 'foreign'
            ? 'another hook (the gate is not installed)'
            : 'none';
      terminal.out(`${state.hook.padEnd(13)} ${displayPath(state.path, terminal.cwd)}: ${what}`);
    }
    const refs = rewriteRefs(root);
    terminal.out(`notes.rewriteRef: ${refs.length ? refs.join(', ') : 'not set'}`);
    return hookStates(root).every((state) => state.state === 'lastline') ? 0 : 1;
  }
  const changes =
    action === 'install'
      ? installHooks(root, { node: process.execPath, script: lastlineScript() }, stateDirectory(repository))
      : uninstallHooks(root, stateDirectory(repository));
  for (const change of changes)
    terminal.out(`${change.hook.padEnd(13)} ${displayPath(change.path, terminal.cwd)}: ${change.action}${change.detail ? ` (${change.detail})` : ''}`);
  return changes.some((change) => change.action === 'left alone' && action === 'install') ? 2 : 0;
}

function hookTarget(cwd: string, user: boolean, recordCommand: string): HookFileTarget {
  if (user) {
    const stateHome = process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
    return { base: homedir(), backupDirectory: join(stateHome, 'lastline', 'agent-hooks'), recordCommand };
  }
  const repository = findRepository(cwd);
  if (!repository) throw new UsageError(`${displayPath(cwd, cwd)} is not in a git repository (use --user for the user-level hook files)`);
  return { base: repository.root, backupDirectory: join(stateDirectory(repository), 'agent-hooks'), recordCommand };
}

/** `lastline record` when `lastline` is on PATH; else this Node running this copy's command. */
function defaultRecordCommand(): string {
  const onPath = (process.env.PATH ?? '').split(delimiter).some((folder) => folder && isFile(join(folder, 'lastline')));
  if (onPath) return 'lastline record';
  return `${quote(process.execPath)} ${quote(lastlineScript())} record`;
}

/** This copy's bin/lastline.js (from dist/ when bundled, from out/src/cli/ when compiled by tsc). */
function lastlineScript(): string {
  return resolve(__dirname, typeof LASTLINE_BUNDLED !== 'undefined' ? '../bin/lastline.js' : '../../../bin/lastline.js');
}

declare const LASTLINE_BUNDLED: boolean | undefined;

function quote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `"${path.replace(/(["\\$`])/g, '\\$1')}"`;
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}
