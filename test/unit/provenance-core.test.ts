import { strict as assert } from 'node:assert';
import { parseApplyPatch } from '../../src/agents/apply-patch';
import { reconcile, recordChange, resolveSuspected } from '../../src/core/provenance/attribution';
import { formatGitAiNote, hasAiLines, parseGitAiNote } from '../../src/core/provenance/git-ai-note';
import { rangesOf, type Attribution } from '../../src/core/provenance/model';
import { undoReplacements } from '../../src/core/provenance/replacements';
import { hunkHash } from '../../src/core/provenance/review';
import { assertGrowth } from './scaling';

const agent: Attribution = { tool: 'claude-code', model: 'claude-sonnet-4-5', session: 's1', time: '2026-12-07T04:00:00.000Z', kind: 'agent', source: 'test' };
const suspected: Attribution = { tool: 'unknown', time: '2026-12-07T04:00:00.000Z', kind: 'suspected', source: 'test' };
const spans = (record: ReturnType<typeof reconcile>) => rangesOf(record).map((range) => [range.start, range.end, range.attribution.kind]);

describe('provenance core', () => {
  const written = `def handler(request):
    value = request.args["v"]
    if not value:
        return None
    return value.strip()
`;

  it('gives an agent only the lines its change added or rewrote', () => {
    const before = 'import os\n\n';
    const record = recordChange(undefined, 'a.py', before, before + written, agent);
    assert.deepEqual(spans(record), [[2, 7, 'agent']]);
  });

  it('keeps authorship through re-indentation, drops it on a rewrite, and does not move lone brackets', () => {
    const record = recordChange(undefined, 'a.py', '', written, agent);
    const reindented = written.replace('    value = ', '        value = ');
    assert.deepEqual(spans(reconcile(record, reindented)), [[0, 5, 'agent']]);
    const rewritten = written.replace('value.strip()', 'value.lower()');
    assert.deepEqual(spans(reconcile(record, rewritten)), [[0, 4, 'agent']]);
    const js = recordChange(undefined, 'a.js', '', 'function f() {\n  return 1;\n}\n', agent);
    // A person's own function, with its own `}`, above: the agent's lone `}` does not jump to it.
    const withPersonAbove = 'function g() {\n  return 2;\n}\nfunction f() {\n  return 1;\n}\n';
    assert.deepEqual(spans(reconcile(js, withPersonAbove)), [[3, 6, 'agent']]);
  });

  it('lets a person confirm or dismiss suspected lines', () => {
    const record = recordChange(undefined, 'a.py', '', written, suspected);
    assert.deepEqual(spans(resolveSuspected(record, written, 2, 'confirm')!), [[0, 5, 'editor']]);
    assert.deepEqual(spans(resolveSuspected(record, written, 2, 'dismiss')!), []);
    assert.equal(
      resolveSuspected(recordChange(undefined, 'a.py', '', written, agent), written, 2, 'dismiss'),
      undefined,
      "an agent's lines are not a guess to dismiss",
    );
  });

  it('undoes old/new replacements only when each can be found unambiguously', () => {
    assert.equal(undoReplacements('a\nB\nc\n', [{ oldText: 'b', newText: 'B' }]), 'a\nb\nc\n');
    assert.equal(undoReplacements('B B', [{ oldText: 'b', newText: 'B', all: true }]), 'b b');
    assert.equal(undoReplacements('B B', [{ oldText: 'b', newText: 'B' }]), undefined);
    assert.equal(undoReplacements('abc', [{ oldText: 'x', newText: '' }]), undefined);
    assert.equal(
      undoReplacements('a2 b2', [
        { oldText: 'a', newText: 'a1' },
        { oldText: 'a1', newText: 'a2' },
        { oldText: 'b', newText: 'b2' },
      ]),
      'a b',
    );
  });

  it('reads apply_patch: add, update with context, move and delete', () => {
    const patch = `*** Begin Patch
*** Add File: tests/new.py
+def test():
+    assert True
*** Update File: app/old.py
*** Move to: app/new.py
@@ def f():
 def f():
-    return 1
+    return 2
*** Delete File: app/gone.py
*** End Patch`;
    assert.deepEqual(parseApplyPatch(patch), [
      { path: 'tests/new.py', operation: 'add', replacements: [], content: 'def test():\n    assert True\n' },
      {
        path: 'app/old.py',
        operation: 'update',
        replacements: [{ oldText: 'def f():\n    return 1', newText: 'def f():\n    return 2' }],
        movedTo: 'app/new.py',
      },
      { path: 'app/gone.py', operation: 'delete', replacements: [] },
    ]);
    assert.deepEqual(parseApplyPatch('not a patch'), []);
  });

  it("writes Git AI v3 notes that its reader (and git-ai's layout) read back", () => {
    const hunks = [
      { path: 'app/a b.py', start: 0, end: 3, attribution: agent, hash: hunkHash('app/a b.py', ['x']) },
      { path: 'app/c.py', start: 4, end: 5, attribution: agent, hash: hunkHash('app/c.py', ['y']) },
      { path: 'app/c.py', start: 5, end: 9, attribution: agent, hash: hunkHash('app/c.py', ['z']) },
    ];
    const text = formatGitAiNote(hunks, 'abc123');
    const [attestations] = text.split('\n---\n');
    // The session key is git-ai's: sha256("claude-code:s1")[0..14].
    assert.match(attestations, /^"app\/a b\.py"\n {2}s_[0-9a-f]{14}::t_[0-9a-f]{14} 1-3\napp\/c\.py\n {2}s_[0-9a-f]{14}::t_[0-9a-f]{14} 5-9$/);
    const note = parseGitAiNote(text);
    assert.ok(note && hasAiLines(note));
    assert.equal(note.metadata.schema_version, 'authorship/3.0.0');
    assert.equal(note.metadata.base_commit_sha, 'abc123');
    assert.deepEqual(note.files.get('app/c.py')?.[0].ranges, [[5, 9]]);
    assert.deepEqual(Object.values(note.metadata.sessions ?? {}), [{ agent_id: { tool: 'claude-code', id: 's1', model: 'claude-sonnet-4-5' } }]);
    assert.equal(parseGitAiNote(text.replace('authorship/3.0.0', 'authorship/2.0.0')), undefined);
    assert.equal(parseGitAiNote('no divider'), undefined);
  });

  it('aligns a rewritten file in linear time (the diff is bounded)', async function () {
    this.timeout(60_000);
    const file = (seed: string) => (lines: number) => Array.from({ length: lines }, (_, index) => `value_${seed}_${index} = compute(${index})`).join('\n');
    const record = (lines: number) => recordChange(undefined, 'a.py', '', file('a')(lines), agent);
    await assertGrowth(
      (lines) => ({ record: record(lines), text: file('b')(lines) }),
      ({ record: base, text }) => reconcile(base, text),
      2_000,
    );
  });

  it("binds a review to the hunk's path and content", () => {
    assert.equal(hunkHash('a.py', ['1', '2']), hunkHash('a.py', ['1', '2']));
    assert.notEqual(hunkHash('a.py', ['1', '2']), hunkHash('b.py', ['1', '2']));
    assert.notEqual(hunkHash('a.py', ['1', '2']), hunkHash('a.py', ['1', '3']));
  });
});
