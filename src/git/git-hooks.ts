// Lastline's commit gate as git hooks, in the folder git runs hooks from (`git rev-parse
// --git-path hooks`, which honours core.hooksPath: husky's `.husky/_`, a shared folder, …). A hook
// that is already there is never replaced: it is renamed to `<hook>.lastline-chained` and run first
// by Lastline's hook, and uninstall renames it back, byte for byte and with its mode. The hooks are
// POSIX sh, so they run from the terminal, VS Code's Source Control and any other git client; if
// Node or Lastline cannot be found they say so and let the commit through rather than brick the repo.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { git, gitText } from './run-git';

export const GATE_HOOKS = ['pre-commit', 'commit-msg', 'post-commit', 'post-rewrite'] as const;
export type GateHook = (typeof GATE_HOOKS)[number];

/** Notes refs git carries through `commit --amend` and `rebase` (notes.rewriteRef). */
export const NOTES_REFS = ['refs/notes/ai', 'refs/notes/lastline-review'] as const;

const MARKER = '# lastline-gate-hook v1';
const CHAINED_SUFFIX = '.lastline-chained';

export interface HookCommand {
  /** Absolute path of the Node binary to prefer (falls back to `node` on PATH). */
  node: string;
  /** Absolute path of bin/lastline.js. */
  script: string;
}

export interface HookState {
  hook: GateHook;
  path: string;
  state: 'lastline' | 'foreign' | 'missing';
  chained: boolean;
}

export function hooksDirectory(root: string): string {
  return resolve(root, gitText(root, ['rev-parse', '--git-path', 'hooks']).trim());
}

export function hookScript(hook: GateHook, command: HookCommand): string {
  const q = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  // post-rewrite reads "old new" lines on stdin: both the chained hook and Lastline need them.
  const stdin = hook === 'post-rewrite';
  return `#!/bin/sh
${MARKER}
# Lastline's commit gate (lastline hooks install). A hook that was here before runs first, from
# ${hook}${CHAINED_SUFFIX}; \`lastline hooks uninstall\` puts it back.
chained="$(dirname "$0")/${hook}${CHAINED_SUFFIX}"
${stdin ? 'input=$(cat)\n' : ''}if [ -x "$chained" ]; then
  ${stdin ? 'printf \'%s\\n\' "$input" | ' : ''}"$chained" "$@" || exit $?
fi
${
  hook === 'commit-msg' || hook === 'post-commit'
    ? `# Without any AI provenance in this repository there is nothing for this hook to do: skip Node.
[ -n "$(ls -A "$(git rev-parse --git-path lastline)/files" 2>/dev/null)" ] || exit 0
`
    : ''
}node=${q(command.node)}
[ -x "$node" ] || node=$(command -v node 2>/dev/null)
script=${q(command.script)}
if [ -z "$node" ] || [ ! -f "$script" ]; then
  echo "lastline: cannot find Node or $script; this commit is NOT checked by the AI review gate (reinstall: lastline hooks install)" >&2
  exit 0
fi
${stdin ? 'printf \'%s\\n\' "$input" | ' : ''}"$node" "$script" gate ${hook} "$@"
`;
}

export function isLastlineHook(path: string): boolean {
  try {
    return readFileSync(path, 'utf8').split('\n', 3).includes(MARKER);
  } catch {
    return false;
  }
}

export function hookStates(root: string): HookState[] {
  const folder = hooksDirectory(root);
  return GATE_HOOKS.map((hook) => {
    const path = join(folder, hook);
    const state = !existsSync(path) ? 'missing' : isLastlineHook(path) ? 'lastline' : 'foreign';
    return { hook, path, state, chained: existsSync(path + CHAINED_SUFFIX) };
  });
}

export interface HookChange {
  hook: GateHook;
  path: string;
  action: 'installed' | 'installed, chaining the existing hook' | 'updated' | 'removed' | 'restored the chained hook' | 'not installed' | 'left alone';
  detail?: string;
}

/** `stateDirectory` keeps which notes.rewriteRef values install added, so uninstall removes only those. */
export function installHooks(root: string, command: HookCommand, stateDirectory: string): HookChange[] {
  const folder = hooksDirectory(root);
  mkdirSync(folder, { recursive: true });
  const changes = GATE_HOOKS.map((hook): HookChange => {
    const path = join(folder, hook);
    const script = hookScript(hook, command);
    if (existsSync(path) && !isLastlineHook(path)) {
      if (existsSync(path + CHAINED_SUFFIX)) return { hook, path, action: 'left alone', detail: `${hook}${CHAINED_SUFFIX} is in the way` };
      renameSync(path, path + CHAINED_SUFFIX);
      writeExecutable(path, script);
      return { hook, path, action: 'installed, chaining the existing hook' };
    }
    const existed = existsSync(path);
    if (existed && readFileSync(path, 'utf8') === script) return { hook, path, action: 'updated', detail: 'already current' };
    writeExecutable(path, script);
    return { hook, path, action: existed ? 'updated' : 'installed' };
  });
  // post-commit writes an amended commit's notes itself; git's copy would be concatenated onto them.
  git(root, ['config', 'notes.rewrite.amend', 'false']);
  const configured = rewriteRefs(root);
  const added = NOTES_REFS.filter((ref) => !configured.includes(ref));
  for (const ref of added) git(root, ['config', '--add', 'notes.rewriteRef', ref]);
  if (added.length) {
    mkdirSync(stateDirectory, { recursive: true });
    writeFileSync(join(stateDirectory, ADDED_REFS_FILE), JSON.stringify([...new Set([...addedRefs(stateDirectory), ...added])]));
  }
  return changes;
}

export function uninstallHooks(root: string, stateDirectory: string): HookChange[] {
  const folder = hooksDirectory(root);
  const changes = GATE_HOOKS.map((hook): HookChange => {
    const path = join(folder, hook);
    if (!existsSync(path)) return { hook, path, action: 'not installed' };
    if (!isLastlineHook(path)) return { hook, path, action: 'left alone', detail: "not Lastline's" };
    rmSync(path);
    if (existsSync(path + CHAINED_SUFFIX)) {
      renameSync(path + CHAINED_SUFFIX, path);
      return { hook, path, action: 'restored the chained hook' };
    }
    return { hook, path, action: 'removed' };
  });
  for (const ref of addedRefs(stateDirectory)) {
    if (rewriteRefs(root).includes(ref)) git(root, ['config', '--fixed-value', '--unset-all', 'notes.rewriteRef', ref]);
  }
  rmSync(join(stateDirectory, ADDED_REFS_FILE), { force: true });
  try {
    git(root, ['config', '--unset', 'notes.rewrite.amend']);
  } catch {
    // not set
  }
  return changes;
}

export function rewriteRefs(root: string): string[] {
  try {
    return gitText(root, ['config', '--get-all', 'notes.rewriteRef']).split('\n').filter(Boolean);
  } catch {
    return []; // unset: git config exits 1
  }
}

const ADDED_REFS_FILE = 'rewrite-refs-added.json';

function addedRefs(stateDirectory: string): string[] {
  try {
    const refs = JSON.parse(readFileSync(join(stateDirectory, ADDED_REFS_FILE), 'utf8')) as unknown;
    return Array.isArray(refs) ? refs.filter((ref): ref is string => typeof ref === 'string') : [];
  } catch {
    return [];
  }
}

function writeExecutable(path: string, content: string): void {
  writeFileSync(path, content);
  chmodSync(path, statSync(path).mode | 0o755);
}
