import { strict as assert } from 'node:assert';
import { parse } from 'jsonc-parser';
import { addAllowlistEntry } from '../../src/core/config-edit';
import { parseConfig } from '../../src/core/config';
import { ruleIds } from '../../src/core/rules';

const entry = { fingerprint: '0123456789abcdef0123456789abcdef', rule: 'private-key', reason: 'throwaway key for TLS tests' };

describe('adding an allowlist entry to .lastline.json', () => {
  it('creates the file content when there is none', () => {
    const text = addAllowlistEntry(undefined, entry);
    assert.deepEqual(parse(text), { allowlist: [entry] });
    assert.deepEqual(parseConfig(text, '.lastline.json', ruleIds).problems, []);
  });

  it('appends to an existing allowlist and keeps comments and other keys', () => {
    const before =
      '{\n  // keep this comment\n  "exclude": ["dist/**"],\n  "allowlist": [\n    { "fingerprint": "aaaaaaaaaaaaaaaa", "reason": "old" }\n  ]\n}\n';
    const after = addAllowlistEntry(before, entry);
    assert.match(after, /\/\/ keep this comment/);
    const parsed = parseConfig(after, '.lastline.json', ruleIds);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.config.allowlist.map((item) => item.fingerprint),
      ['aaaaaaaaaaaaaaaa', entry.fingerprint],
    );
    assert.deepEqual(parsed.config.exclude, ['dist/**']);
  });

  it('adds the allowlist key to a config that has none', () => {
    const after = addAllowlistEntry('{ "maxFileSize": "2MB" }', entry);
    assert.deepEqual(parse(after), { maxFileSize: '2MB', allowlist: [entry] });
  });
});
