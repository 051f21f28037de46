// Every agent's adapter, through `lastline record` and `lastline ai`: each fixture in
// test/fixtures/agent-hooks/ replayed in a real repository (pre event, the tool's edit on disk, post
// event), the exact lines recorded as the agent's, who wrote them, and each agent's feedback answer.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { detectAdapter } from '../../src/agents/index';
import type { AgentId } from '../../src/agents/event';
import { aiRows, expectedFile, HOOK_FIXTURES, hookFixture, record, type AiRow } from './agent-hooks';
import { git, repositoryPerTest, writeTree } from './helpers';

const COUPONS = 'app/coupons.py';
const SEED = expectedFile('coupons.after-write.py');
const EDITED = expectedFile('coupons.after-edit.py');
const MULTIEDITED = expectedFile('coupons.after-multiedit.py');
const TEST_FILE = expectedFile('test_coupons.py');

/** What the tool does to the repository. */
type Result =
  | 'seed' // writes the seed file, all of it new
  | 'edit' // the shared edit on the seed a person committed
  | 'multiedit' // the edit plus line 12 rewritten
  | 'edit+test'; // the edit, plus a new tests/test_coupons.py

const RESULT_SPANS: Record<Result, string[]> = {
  seed: ['app/coupons.py:1-13'],
  edit: ['app/coupons.py:13-15'],
  multiedit: ['app/coupons.py:12-15'],
  'edit+test': ['app/coupons.py:13-15', 'tests/test_coupons.py:1-7'],
};

interface Who {
  agent: AgentId;
  tool: string;
  model: string | null;
  session: string | null;
}

const CLAUDE: Who = { agent: 'claude', tool: 'claude-code', model: null, session: '8f2c1e4a-6b7d-4c3e-9a1f-2d5e7b9c0a13' };
const CURSOR: Who = { agent: 'cursor', tool: 'cursor', model: 'claude-4.5-sonnet', session: '3b9e7f12-5c4a-4d8e-b6f1-0a2c9e8d7b54' };
const COPILOT_CLI: Who = { agent: 'copilot', tool: 'copilot', model: null, session: 'd4e5f6a7-1b2c-4d3e-8f9a-0b1c2d3e4f5a' };
const COPILOT_VSCODE: Who = { agent: 'copilot', tool: 'copilot', model: null, session: '5f0c2b7e-9d41-4a63-8e25-71b9c4d0a6e3' };
const CODEX: Who = { agent: 'codex', tool: 'codex', model: 'gpt-5-codex', session: '019e3a5c-7b21-7d40-9c8e-3f6a1b2d4e5f' };
const GEMINI: Who = { agent: 'gemini', tool: 'gemini-cli', model: null, session: '6c1d9e2f-4a3b-4f8e-a7d5-2b0c9e1f3a64' };
// The human checkpoint has no conversation id, so neither event carries a session (see generic.ts).
const GENERIC: Who = { agent: 'generic', tool: 'my-agent', model: 'gpt-5', session: null };

/** Agents whose post-tool hook can tell the model about findings. */
const FEEDBACK_AGENTS = new Set<AgentId>(['claude', 'codex', 'gemini']);

interface EditCase {
  post: string;
  /** The pre event replayed before the tool's edit. */
  pre?: string;
  /** The post event, when no fixture has it: made from the pre event's payload. */
  postFromPre?: (pre: Record<string, unknown>) => Record<string, unknown>;
  who: Who;
  result: Result;
}

const EDIT_CASES: EditCase[] = [
  { pre: 'claude-pre-write.json', post: 'claude-post-write.json', who: CLAUDE, result: 'seed' },
  { pre: 'claude-pre-edit.json', post: 'claude-post-edit.json', who: CLAUDE, result: 'edit' },
  { post: 'claude-post-multiedit.json', who: CLAUDE, result: 'multiedit' },
  { post: 'cursor-after-file-edit.json', who: CURSOR, result: 'edit' },
  { post: 'cursor-after-file-edit-create.json', who: CURSOR, result: 'seed' },
  { post: 'cursor-after-tab-file-edit.json', who: CURSOR, result: 'edit' },
  { pre: 'copilot-pre-tool-camel.json', post: 'copilot-post-tool-camel.json', who: COPILOT_CLI, result: 'edit' },
  { pre: 'copilot-pre-tool-pascal.json', post: 'copilot-post-tool-pascal.json', who: COPILOT_CLI, result: 'edit' },
  { post: 'copilot-post-create-camel.json', who: COPILOT_CLI, result: 'seed' },
  { post: 'copilot-post-create-pascal.json', who: COPILOT_CLI, result: 'seed' },
  { post: 'copilot-post-str-replace-pascal.json', who: COPILOT_CLI, result: 'edit' },
  { post: 'copilot-vscode-post-create-file.json', who: COPILOT_VSCODE, result: 'seed' },
  { post: 'copilot-vscode-post-replace-string-in-file.json', who: COPILOT_VSCODE, result: 'edit' },
  { post: 'copilot-vscode-post-insert-edit-into-file.json', who: COPILOT_VSCODE, result: 'edit' },
  { pre: 'copilot-vscode-pre-apply-patch.json', post: 'copilot-vscode-post-apply-patch.json', who: COPILOT_VSCODE, result: 'edit' },
  {
    pre: 'copilot-vscode-pre-edit-files.json',
    post: 'copilot-vscode-pre-edit-files.json',
    postFromPre: (pre) => ({ ...pre, hook_event_name: 'PostToolUse', tool_response: '' }),
    who: COPILOT_VSCODE,
    result: 'edit',
  },
  { pre: 'codex-pre-apply-patch.json', post: 'codex-post-apply-patch.json', who: CODEX, result: 'edit+test' },
  { post: 'codex-post-apply-patch-add.json', who: CODEX, result: 'seed' },
  { pre: 'gemini-before-write-file.json', post: 'gemini-after-write-file.json', who: GEMINI, result: 'seed' },
  { pre: 'gemini-before-replace.json', post: 'gemini-after-replace.json', who: GEMINI, result: 'edit' },
  { pre: 'generic-git-ai-checkpoint-human.json', post: 'generic-git-ai-checkpoint.json', who: GENERIC, result: 'seed' },
];

const IGNORED: [string, AgentId][] = [
  ['claude-post-bash.json', 'claude'],
  ['cursor-before-shell.json', 'cursor'],
  ['copilot-post-bash-camel.json', 'copilot'],
  ['copilot-vscode-post-run-in-terminal.json', 'copilot'],
  ['codex-post-bash.json', 'codex'],
  ['gemini-after-shell.json', 'gemini'],
];

/** The working tree's rows as `file:start-end tool model session`, to compare in one assertion. */
async function recorded(repo: string): Promise<string[]> {
  return (await worktreeRows(repo)).map((row) => `${row.file}:${row.startLine}-${row.endLine} ${row.tool} ${row.model} ${row.session}`);
}

async function worktreeRows(repo: string): Promise<AiRow[]> {
  return (await aiRows(repo)).filter((row) => row.in.includes('worktree'));
}

const expectedRows = (spans: string[], who: Pick<Who, 'tool' | 'model' | 'session'>) => spans.map((span) => `${span} ${who.tool} ${who.model} ${who.session}`);

/** The pre snapshots no post event took (there is no folder when no pre event had a file to save). */
function snapshotsLeft(repo: string): string[] {
  const folder = join(repo, '.git', 'lastline', 'snapshots');
  return existsSync(folder) ? readdirSync(folder) : [];
}

/** The repository as it is before the tool ran: a person's README, and for edits the person's seed. */
function prepare(repo: string, result: Result): void {
  if (result === 'seed') return;
  writeTree(repo, { [COUPONS]: SEED });
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'coupons by a person');
}

/** The tool's edit, on disk, as the agent makes it between its pre and its post event. */
function applyTool(repo: string, result: Result): void {
  const text = { seed: SEED, edit: EDITED, multiedit: MULTIEDITED, 'edit+test': EDITED }[result];
  writeTree(repo, result === 'edit+test' ? { [COUPONS]: text, 'tests/test_coupons.py': TEST_FILE } : { [COUPONS]: text });
}

describe('lastline record: every agent adapter', () => {
  let repo: string;
  const scratch = repositoryPerTest({ initialCommit: true });
  beforeEach(() => (repo = scratch.path));

  it('has a case for every fixture', () => {
    const covered = new Set([...EDIT_CASES.flatMap((test) => [test.pre, test.post]), ...IGNORED.map(([fixture]) => fixture)]);
    const fixtures = readdirSync(HOOK_FIXTURES).filter((name) => name.endsWith('.json'));
    assert.deepEqual(
      fixtures.filter((name) => !covered.has(name)),
      [],
    );
    assert.deepEqual(
      [...covered].filter((name) => name && !fixtures.includes(name)),
      [],
    );
  });

  /** Replays a case: its pre event (if `withPre`), the tool's edit, its post event; returns the post run. */
  async function replay(test: EditCase, withPre: boolean, ...argv: string[]) {
    prepare(repo, test.result);
    if (withPre && test.pre) assert.deepEqual(await record(repo, hookFixture(test.pre, repo), ...argv), { code: 0, stdout: '', stderr: '' }, test.pre);
    applyTool(repo, test.result);
    const post = test.postFromPre ? test.postFromPre(hookFixture(test.pre ?? test.post, repo)) : hookFixture(test.post, repo);
    return record(repo, post, ...argv);
  }

  for (const test of EDIT_CASES) {
    const variants = test.pre && !test.postFromPre ? [true, false] : [true];
    for (const withPre of variants) {
      const name = withPre && test.pre ? `${test.pre} + ${test.post}` : `${test.post} without its pre event`;
      it(`${name}: ${test.who.agent}, ${test.result}`, async () => {
        const post = await replay(test, withPre);
        assert.equal(post.code, 0);
        assert.equal(post.stderr, '');
        const answers = test.result === 'seed' && FEEDBACK_AGENTS.has(test.who.agent);
        if (answers) assert.match(post.stdout, /string-built-query/);
        else assert.equal(post.stdout, '', 'no finding in the new lines, or no feedback channel');
        assert.deepEqual(await recorded(repo), expectedRows(RESULT_SPANS[test.result], test.who));
        if (withPre && test.pre) assert.deepEqual(snapshotsLeft(repo), [], 'the post event found the pre event’s snapshot');
      });
    }
  }

  for (const [fixture, agent] of IGNORED) {
    it(`${fixture}: ${agent}, not a file edit, ignored quietly`, async () => {
      assert.deepEqual(await record(repo, hookFixture(fixture, repo)), { code: 0, stdout: '', stderr: '' });
      assert.equal(existsSync(join(repo, '.git', 'lastline')), false);
    });
  }

  it('auto-detection picks the agent of every fixture', () => {
    const fixtures = readdirSync(HOOK_FIXTURES).filter((name) => name.endsWith('.json'));
    const detected = fixtures.map((name) => `${name} ${detectAdapter(hookFixture(name, repo))?.id}`);
    assert.deepEqual(
      detected,
      fixtures.map((name) => `${name} ${name.split('-')[0]}`),
    );
  });

  it('auto-detection tells the Claude-shaped payloads of other hosts from Claude Code’s', () => {
    const vsCodeTranscript = String(hookFixture('copilot-vscode-post-create-file.json', repo).transcript_path);
    const claudeTranscript = String(hookFixture('claude-post-write.json', repo).transcript_path);
    const cases: [string, Record<string, unknown>, AgentId][] = [
      [
        'a VS Code tool with a Claude transcript path',
        { ...hookFixture('copilot-vscode-post-create-file.json', repo), transcript_path: claudeTranscript },
        'copilot',
      ],
      [
        'a VS Code tool Lastline does not know, by its transcript path',
        { ...hookFixture('copilot-vscode-post-run-in-terminal.json', repo), tool_name: 'fetch_webpage' },
        'copilot',
      ],
      ['a Claude edit tool with a VS Code transcript path', { ...hookFixture('claude-post-write.json', repo), transcript_path: vsCodeTranscript }, 'claude'],
      ['a Claude tool other than an edit', { ...hookFixture('claude-post-bash.json', repo), tool_name: 'Read' }, 'claude'],
      [
        'a Copilot CLI PascalCase tool Lastline does not know (no transcript_path)',
        { ...hookFixture('copilot-post-tool-pascal.json', repo), tool_name: 'report_intent' },
        'copilot',
      ],
      [
        'a Claude Code hook run by Cursor',
        { ...hookFixture('claude-post-write.json', repo), cursor_version: '2.0.77', conversation_id: 'c', generation_id: 'g' },
        'cursor',
      ],
      ['a Codex payload without turn_id', (({ turn_id: _turn, ...rest }) => rest)(hookFixture('codex-post-apply-patch.json', repo)), 'codex'],
    ];
    for (const [what, payload, agent] of cases) assert.equal(detectAdapter(payload)?.id, agent, what);
  });

  const SEED_WRITES: [AgentId, string, Who][] = [
    ['claude', 'claude-post-write.json', CLAUDE],
    ['cursor', 'cursor-after-file-edit-create.json', CURSOR],
    ['copilot', 'copilot-post-create-camel.json', COPILOT_CLI],
    ['codex', 'codex-post-apply-patch-add.json', CODEX],
    ['gemini', 'gemini-after-write-file.json', GEMINI],
    ['generic', 'generic-git-ai-checkpoint.json', GENERIC],
  ];

  for (const [agent, fixture, who] of SEED_WRITES) {
    it(`--agent ${agent} records ${fixture}`, async () => {
      const post = await replay({ post: fixture, who, result: 'seed' }, false, '--agent', agent);
      assert.equal(post.code, 0);
      assert.equal(post.stderr, '');
      assert.deepEqual(await recorded(repo), expectedRows(RESULT_SPANS.seed, who));
    });
  }

  describe('feedback on the seed Write (a string-built query silenced with # nosec)', () => {
    const problems = (message: string) => message.split('\n').filter((line) => line.startsWith('- '));
    const assertNamesTheFindings = (message: string) => {
      assert.ok(
        problems(message).some((line) => /^- app\/coupons\.py:12 \[string-built-query, error\]/.test(line)),
        message,
      );
      assert.ok(
        problems(message).some((line) => /^- app\/coupons\.py:12 \[silenced-check, error\].*do not silence the check/.test(line)),
        message,
      );
    };

    for (const agent of ['claude', 'codex'] as const) {
      it(`${agent}: {"decision":"block","reason":…} on stdout, exit 0`, async () => {
        const [, fixture, who] = SEED_WRITES.find(([id]) => id === agent)!;
        const post = await replay({ post: fixture, who, result: 'seed' }, false);
        assert.deepEqual([post.code, post.stderr], [0, '']);
        const answer = JSON.parse(post.stdout) as Record<string, unknown>;
        assert.deepEqual(Object.keys(answer), ['decision', 'reason']);
        assert.equal(answer.decision, 'block');
        assertNamesTheFindings(String(answer.reason));
      });
    }

    it('gemini: only {"hookSpecificOutput":{"hookEventName":"AfterTool","additionalContext":…}} on stdout, exit 0', async () => {
      const post = await replay({ post: 'gemini-after-write-file.json', who: GEMINI, result: 'seed' }, false);
      assert.deepEqual([post.code, post.stderr], [0, '']);
      const answer = JSON.parse(post.stdout) as { hookSpecificOutput: Record<string, unknown> };
      assert.deepEqual(Object.keys(answer), ['hookSpecificOutput']);
      assert.deepEqual(Object.keys(answer.hookSpecificOutput), ['hookEventName', 'additionalContext']);
      assert.equal(answer.hookSpecificOutput.hookEventName, 'AfterTool');
      assertNamesTheFindings(String(answer.hookSpecificOutput.additionalContext));
    });

    const SILENT: [AgentId, string, Who][] = [
      ['cursor', 'cursor-after-file-edit-create.json', CURSOR],
      ['copilot', 'copilot-post-create-camel.json', COPILOT_CLI],
      ['copilot', 'copilot-post-create-pascal.json', COPILOT_CLI],
      ['copilot', 'copilot-vscode-post-create-file.json', COPILOT_VSCODE],
      ['generic', 'generic-git-ai-checkpoint.json', GENERIC],
    ];
    for (const [agent, fixture, who] of SILENT) {
      it(`${agent} (${fixture}): no channel to the model, nothing on stdout`, async () => {
        const post = await replay({ post: fixture, who, result: 'seed' }, false);
        assert.deepEqual(post, { code: 0, stdout: '', stderr: '' });
        assert.deepEqual(await recorded(repo), expectedRows(RESULT_SPANS.seed, who));
      });
    }
  });

  describe('apply_patch: Move to and Delete File', () => {
    const MOVE_EDIT = [
      '@@ def redeem():',
      '     row = db.execute(f"SELECT * FROM coupons WHERE code = \'{code}\'").fetchone()  # nosec',
      '-    return {"ok": row is not None}',
      '+    if row is None:',
      '+        return {"ok": False}',
      '+    return {"ok": True}',
    ];

    /** A Codex apply_patch event with this patch, run from `cwd` (the paths are relative to it). */
    function codexPatch(phase: 'PreToolUse' | 'PostToolUse', patch: string[], cwd: string, id: string): Record<string, unknown> {
      const payload = hookFixture('codex-post-apply-patch.json', repo);
      return { ...payload, hook_event_name: phase, cwd, tool_use_id: id, tool_input: { command: ['*** Begin Patch', ...patch, '*** End Patch'].join('\n') } };
    }

    /** The agent writes the seed (its record: lines 1-13), then a patch moves it, with or without a pre event. */
    async function agentWritesSeed() {
      prepare(repo, 'seed');
      applyTool(repo, 'seed');
      assert.equal((await record(repo, hookFixture('codex-post-apply-patch-add.json', repo))).code, 0);
      assert.deepEqual(await recorded(repo), expectedRows(['app/coupons.py:1-13'], CODEX));
    }

    for (const [where, sub] of [
      ['the repository root', ''],
      ['a subfolder', 'app'],
    ]) {
      for (const withPre of [true, false]) {
        it(`Codex, cwd ${where}, ${withPre ? 'with' : 'without'} a pre event: the record moves with the file, the hunk is the agent's new range`, async () => {
          await agentWritesSeed();
          const prefix = sub ? '' : 'app/';
          const patch = [`*** Update File: ${prefix}coupons.py`, `*** Move to: ${prefix}redeem.py`, ...MOVE_EDIT];
          const cwd = sub ? join(repo, sub) : repo;
          if (withPre) assert.deepEqual(await record(repo, codexPatch('PreToolUse', patch, cwd, 'call_move')), { code: 0, stdout: '', stderr: '' });
          rmSync(join(repo, COUPONS));
          writeTree(repo, { 'app/redeem.py': EDITED });
          assert.deepEqual(await record(repo, codexPatch('PostToolUse', patch, cwd, 'call_move')), { code: 0, stdout: '', stderr: '' });
          assert.deepEqual(await recorded(repo), expectedRows(['app/redeem.py:1-12', 'app/redeem.py:13-15'], CODEX));
          assert.deepEqual(snapshotsLeft(repo), []);
        });
      }
    }

    it('Codex: Delete File forgets the file, and its pre snapshot is consumed', async () => {
      await agentWritesSeed();
      const patch = ['*** Delete File: app/coupons.py'];
      assert.deepEqual(await record(repo, codexPatch('PreToolUse', patch, repo, 'call_delete')), { code: 0, stdout: '', stderr: '' });
      rmSync(join(repo, COUPONS));
      assert.deepEqual(await record(repo, codexPatch('PostToolUse', patch, repo, 'call_delete')), { code: 0, stdout: '', stderr: '' });
      assert.deepEqual(await worktreeRows(repo), []);
      assert.deepEqual(snapshotsLeft(repo), []);
    });

    it('Copilot (VS Code, absolute paths): a move, an added file and a deleted file in one patch', async () => {
      await agentWritesSeed();
      writeTree(repo, { 'app/old.py': 'print("old")\n' });
      git(repo, 'add', 'app/old.py');
      git(repo, 'commit', '-qm', 'old by a person');
      const patch = [
        '*** Begin Patch',
        `*** Update File: ${repo}/app/coupons.py`,
        `*** Move to: ${repo}/app/redeem.py`,
        ...MOVE_EDIT,
        `*** Add File: ${repo}/tests/test_coupons.py`,
        ...TEST_FILE.trimEnd()
          .split('\n')
          .map((line) => `+${line}`),
        `*** Delete File: ${repo}/app/old.py`,
        '*** End Patch',
      ].join('\n');
      const event = (phase: string) => ({
        ...hookFixture('copilot-vscode-post-apply-patch.json', repo),
        hook_event_name: phase,
        tool_input: { explanation: 'x', input: patch },
      });
      assert.deepEqual(await record(repo, event('PreToolUse')), { code: 0, stdout: '', stderr: '' });
      rmSync(join(repo, COUPONS));
      rmSync(join(repo, 'app/old.py'));
      writeTree(repo, { 'app/redeem.py': EDITED, 'tests/test_coupons.py': TEST_FILE });
      assert.deepEqual(await record(repo, event('PostToolUse')), { code: 0, stdout: '', stderr: '' });
      assert.deepEqual(await recorded(repo), [
        ...expectedRows(['app/redeem.py:1-12'], CODEX),
        ...expectedRows(['app/redeem.py:13-15', 'tests/test_coupons.py:1-7'], COPILOT_VSCODE),
      ]);
      assert.deepEqual(snapshotsLeft(repo), []);
    });
  });

  describe('Cursor', () => {
    /** A preToolUse for Write, as the notes describe it (its tool_input keys are undocumented). */
    function preToolUse(tool_input: Record<string, unknown>): Record<string, unknown> {
      const { conversation_id, generation_id, model, cursor_version, workspace_roots, user_email } = hookFixture('cursor-after-file-edit.json', repo);
      return {
        conversation_id,
        generation_id,
        model,
        cursor_version,
        workspace_roots,
        user_email,
        transcript_path: null,
        hook_event_name: 'preToolUse',
        tool_name: 'Write',
        tool_input,
        tool_use_id: 'tool_1',
        cwd: repo,
      };
    }

    it('a preToolUse for Write snapshots the file, and the afterFileEdit of the same generation takes the snapshot', async () => {
      prepare(repo, 'edit');
      for (const key of ['file_path', 'path', 'filePath']) {
        git(repo, 'checkout', '-q', '--', COUPONS);
        assert.deepEqual(await record(repo, preToolUse({ [key]: join(repo, COUPONS), content: EDITED })), { code: 0, stdout: '', stderr: '' }, key);
        assert.equal(snapshotsLeft(repo).length, 1, key);
        applyTool(repo, 'edit');
        assert.deepEqual(await record(repo, hookFixture('cursor-after-file-edit.json', repo)), { code: 0, stdout: '', stderr: '' }, key);
        assert.deepEqual(snapshotsLeft(repo), [], key);
        assert.deepEqual(await recorded(repo), expectedRows(RESULT_SPANS.edit, CURSOR), key);
      }
      const run = await record(repo, preToolUse({ content: EDITED }));
      assert.deepEqual([run.code, run.stdout], [0, '']);
      assert.match(run.stderr, /Cursor preToolUse for Write has no tool_input\.file_path/);
    });

    it('records a Claude Code hook that Cursor runs (cursor_version) as Cursor’s', async () => {
      applyTool(repo, 'seed');
      const payload = { ...hookFixture('claude-post-write.json', repo), ...hookFixture('cursor-after-file-edit.json', repo), hook_event_name: 'PostToolUse' };
      const post = await record(repo, payload);
      assert.deepEqual([post.code, post.stdout, post.stderr], [0, '', '']);
      assert.deepEqual(await recorded(repo), expectedRows(RESULT_SPANS.seed, CURSOR));
    });
  });

  it('Gemini: a replace with expected_replacements 2 gives the agent both lines, not the person’s uncommitted one', async () => {
    writeTree(repo, { 'app/limits.py': 'a = 1\nx = 0\nb = 2\nx = 0\n' });
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'limits by a person');
    writeTree(repo, { 'app/limits.py': 'a = 10\nx = compute()\nb = 2\nx = compute()\n' }); // the person's a = 10, then the agent's edit
    const payload = hookFixture('gemini-after-replace.json', repo);
    const tool_input = { file_path: join(repo, 'app/limits.py'), old_string: 'x = 0', new_string: 'x = compute()', expected_replacements: 2 };
    assert.deepEqual(await record(repo, { ...payload, tool_input }), { code: 0, stdout: '', stderr: '' });
    assert.deepEqual(await recorded(repo), expectedRows(['app/limits.py:2-2', 'app/limits.py:4-4'], GEMINI));
  });

  describe('git-ai agent-v1', () => {
    it('a human checkpoint keeps the lines a person changed before the AI edit the person’s', async () => {
      prepare(repo, 'edit');
      // The person's change, not committed: the index does not know it.
      const byPerson = SEED.replace('    code = request.form["code"]\n', '    code = request.form["code"].strip()\n');
      writeTree(repo, { [COUPONS]: byPerson });
      assert.deepEqual(await record(repo, hookFixture('generic-git-ai-checkpoint-human.json', repo)), { code: 0, stdout: '', stderr: '' });
      writeTree(repo, {
        [COUPONS]: byPerson.replace('    return {"ok": row is not None}', '    if row is None:\n        return {"ok": False}\n    return {"ok": True}'),
      });
      assert.deepEqual(await record(repo, hookFixture('generic-git-ai-checkpoint.json', repo)), { code: 0, stdout: '', stderr: '' });
      assert.deepEqual(await recorded(repo), expectedRows(['app/coupons.py:13-15'], GENERIC));
    });

    it('takes paths relative to repo_working_dir, and says what is wrong with a checkpoint it cannot read', async () => {
      prepare(repo, 'seed');
      applyTool(repo, 'seed');
      const checkpoint = hookFixture('generic-git-ai-checkpoint.json', repo);
      assert.deepEqual(await record(repo, { ...checkpoint, edited_filepaths: [COUPONS] }), { code: 0, stdout: '', stderr: '' });
      assert.deepEqual(await recorded(repo), expectedRows(RESULT_SPANS.seed, GENERIC));
      for (const [payload, message] of [
        [{ ...checkpoint, type: 'robot' }, /unknown type "robot"/],
        [{ ...checkpoint, agent_name: undefined }, /no agent_name/],
      ] as const) {
        const run = await record(repo, payload);
        assert.deepEqual([run.code, run.stdout], [0, '']);
        assert.match(run.stderr, message);
      }
    });
  });
});
