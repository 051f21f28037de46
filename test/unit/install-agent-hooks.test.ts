import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, repositoryPerTest, runCli, tempDir, writeTree } from './helpers';

const HOOK_FILES = ['.claude/settings.json', '.cursor/hooks.json', '.github/hooks/lastline.json', '.codex/hooks.json', '.gemini/settings.json'];
const COMMAND = 'lastline record';

describe('lastline hooks install-agent / uninstall-agent', () => {
  let repo: string;
  const scratch = repositoryPerTest();
  beforeEach(() => (repo = scratch.path));

  const install = (...agents: string[]) => runCli(repo, 'hooks', 'install-agent', ...agents, '--command', COMMAND);
  const read = (file: string) => JSON.parse(readFileSync(join(repo, file), 'utf8'));

  it("writes every agent's hook file, and uninstall leaves the repository as it was", async () => {
    const run = await install('all');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.split('\n').filter((line) => line.endsWith(': installed')).length, 5, run.stdout);
    assert.deepEqual(read('.claude/settings.json').hooks.PostToolUse, [
      { matcher: 'Write|Edit|MultiEdit', hooks: [{ type: 'command', command: 'lastline record --agent claude', timeout: 30 }] },
    ]);
    assert.deepEqual(Object.keys(read('.cursor/hooks.json').hooks), ['preToolUse', 'afterFileEdit', 'afterTabFileEdit']);
    assert.equal(read('.cursor/hooks.json').version, 1);
    assert.equal(read('.github/hooks/lastline.json').hooks.postToolUse[0].bash, 'lastline record --agent copilot');
    assert.equal(read('.codex/hooks.json').hooks.PostToolUse[0].matcher, '^apply_patch$');
    assert.equal(read('.gemini/settings.json').hooks.AfterTool[0].hooks[0].command, 'lastline record --agent gemini');
    const uninstall = await runCli(repo, 'hooks', 'uninstall-agent', 'all');
    assert.equal(uninstall.code, 0, uninstall.stderr);
    for (const file of HOOK_FILES) assert.equal(existsSync(join(repo, file)), false, file);
    for (const folder of ['.claude', '.cursor', '.github', '.codex', '.gemini']) assert.equal(existsSync(join(repo, folder)), false, folder);
  });

  it('keeps the hooks already there, is idempotent, and restores the file byte for byte', async () => {
    const original =
      '{\n\t"permissions": { "allow": ["Bash(npm test)"] },\n\t"hooks": {\n\t\t"PostToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "./audit.sh" } ] } ]\n\t}\n}';
    writeTree(repo, { '.claude/settings.json': original });
    assert.equal((await install('claude')).code, 0);
    const once = readFileSync(join(repo, '.claude/settings.json'), 'utf8');
    const again = await install('claude');
    assert.match(again.stdout, /already installed/);
    assert.equal(readFileSync(join(repo, '.claude/settings.json'), 'utf8'), once, 'a second install changes nothing');
    const settings = read('.claude/settings.json');
    assert.deepEqual(settings.permissions, { allow: ['Bash(npm test)'] });
    assert.deepEqual(
      settings.hooks.PostToolUse.map((entry: { matcher: string }) => entry.matcher),
      ['Bash', 'Write|Edit|MultiEdit'],
    );
    assert.equal(settings.hooks.PreToolUse.length, 1);
    assert.equal((await runCli(repo, 'hooks', 'uninstall-agent', 'claude')).code, 0);
    assert.equal(readFileSync(join(repo, '.claude/settings.json'), 'utf8'), original);
  });

  it('removes only its own entries when the file changed after install', async () => {
    writeTree(repo, { '.gemini/settings.json': '{ "theme": "dark" }\n' });
    await install('gemini');
    const changed = read('.gemini/settings.json');
    changed.theme = 'light';
    writeTree(repo, { '.gemini/settings.json': JSON.stringify(changed, null, 2) });
    const run = await runCli(repo, 'hooks', 'uninstall-agent', 'gemini');
    assert.match(run.stdout, /removed entries/);
    assert.deepEqual(read('.gemini/settings.json'), { theme: 'light', hooks: { BeforeTool: [], AfterTool: [] } });
  });

  it('refuses to touch a hook file that is not valid JSON, and says which', async () => {
    writeTree(repo, { '.codex/hooks.json': '{ "hooks": [' });
    const run = await install('codex');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\.codex\/hooks\.json: refused \(not valid JSON/);
    assert.equal(readFileSync(join(repo, '.codex/hooks.json'), 'utf8'), '{ "hooks": [');
  });

  it('gives clear usage errors', async () => {
    assert.match((await runCli(repo, 'hooks', 'install-agent', 'clippy')).stderr, /unknown agent "clippy"/);
    assert.match((await runCli(repo, 'hooks', 'install-agent')).stderr, /name the agents/);
    const outside = tempDir();
    try {
      const run = await runCli(outside.path, 'hooks', 'install-agent', 'claude');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /not in a git repository/);
    } finally {
      outside.remove();
    }
    assert.equal(git(repo, 'status', '--porcelain'), '');
  });

  it('writes the user-level files under the home folder with --user', async () => {
    const home = tempDir();
    const saved = { HOME: process.env.HOME, XDG_STATE_HOME: process.env.XDG_STATE_HOME };
    process.env.HOME = home.path;
    process.env.XDG_STATE_HOME = join(home.path, 'state');
    try {
      assert.equal((await runCli(repo, 'hooks', 'install-agent', 'claude', '--user', '--command', COMMAND)).code, 0);
      assert.ok(existsSync(join(home.path, '.claude/settings.json')));
      assert.equal(existsSync(join(repo, '.claude')), false);
      assert.equal((await runCli(repo, 'hooks', 'uninstall-agent', 'claude', '--user')).code, 0);
      assert.equal(existsSync(join(home.path, '.claude/settings.json')), false);
    } finally {
      process.env.HOME = saved.HOME;
      if (saved.XDG_STATE_HOME === undefined) delete process.env.XDG_STATE_HOME;
      else process.env.XDG_STATE_HOME = saved.XDG_STATE_HOME;
      home.remove();
    }
  });
});
