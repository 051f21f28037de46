// The demo workspace as a person meets it: demo/ copied into a throwaway git repository whose last
// commit is the code before the assistant's edit, the commit gate installed, and Claude Code's Edit
// (demo/agent-session/, a real hook payload pair) replayed through `lastline record` — so the
// working tree equals demo/ and the assistant's lines show as AI-written. Used by `npm start` and
// the README screenshots.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DEMO = join(root, 'demo');
const SESSION = join(DEMO, 'agent-session');
const cli = join(root, 'bin', 'lastline.js');

function git(repo, ...args) {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function lastline(repo, args, input) {
  return execFileSync(process.execPath, [cli, ...args], { cwd: repo, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The payload `name` with its placeholder paths pointed at `repo`. */
function payload(name, repo) {
  return JSON.parse(readFileSync(join(SESSION, name), 'utf8').replaceAll('/WORKSPACE', repo));
}

/** Whether git already knows who the person is (a review records it). */
function hasIdentity(repo) {
  try {
    return git(repo, 'config', 'user.name').trim() !== '' && git(repo, 'config', 'user.email').trim() !== '';
  } catch {
    return false;
  }
}

/** Makes `repo` (an empty or missing folder) the demo repository; returns the edited file's path. */
export function createDemoRepository(repo) {
  cpSync(DEMO, repo, { recursive: true, filter: (source) => source !== SESSION });
  const pre = payload('claude-code-pre-tool-use.json', repo);
  const post = payload('claude-code-post-tool-use.json', repo);
  const edited = pre.tool_input.file_path;
  const after = readFileSync(edited, 'utf8');
  writeFileSync(edited, post.tool_response.originalFile);

  git(repo, 'init', '-q', '-b', 'main');
  // Reviews record the reviewer: the person's own git identity when they have one.
  if (!hasIdentity(repo)) {
    git(repo, 'config', 'user.name', 'Demo Reviewer');
    git(repo, 'config', 'user.email', 'reviewer@demo.invalid');
  }
  git(repo, 'config', 'commit.gpgsign', 'false');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'Coupon service and internal tool');

  lastline(repo, ['hooks', 'install']);
  lastline(repo, ['record'], JSON.stringify(pre));
  writeFileSync(edited, after);
  lastline(repo, ['record'], JSON.stringify(post));
  return edited;
}
