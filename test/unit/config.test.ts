import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, parseByteSize, parseConfig } from '../../src/core/config';
import { ruleIds } from '../../src/core/rules';
import { REPO_ROOT } from './helpers';

const parse = (text: string) => parseConfig(text, '/p/.lastline.json', ruleIds);

describe('config (.lastline.json)', () => {
  it('reads JSONC with comments and trailing commas', () => {
    const { config, problems } = parse(`{
      // project settings
      "rules": { "private-key": "warning", },
      "exclude": ["dist/**", "*.min.js"],
      "maxFileSize": "2MB",
      "allowlist": [{ "fingerprint": "0123456789abcdef", "reason": "test fixture key", "rule": "private-key" }],
    }`);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules['private-key'], { level: 'warning', options: {} });
    assert.deepEqual(config.exclude, ['dist/**', '*.min.js']);
    assert.equal(config.maxFileSize, 2 * 1024 * 1024);
    assert.equal(config.allowlist[0].reason, 'test fixture key');
  });

  it('accepts a rule object with level and options', () => {
    const { config, problems } = parse('{ "rules": { "private-key": { "level": "off", "options": { "x": [1] } } } }');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules['private-key'], { level: 'off', options: { x: [1] } });
  });

  const invalid: { text: string; key: string; message: RegExp; line?: number }[] = [
    { text: '{ "rules": { "no-such-rule": "error" } }', key: 'rules.no-such-rule', message: /unknown rule/ },
    { text: '{\n  "rules": {\n    "private-key": "loud"\n  }\n}', key: 'rules.private-key', message: /level must be one of/, line: 3 },
    { text: '{ "rules": { "private-key": { "severity": "error" } } }', key: 'rules.private-key.severity', message: /unknown key/ },
    { text: '{ "exclude": "dist" }', key: 'exclude', message: /array/ },
    { text: '{ "exclude": [""] }', key: 'exclude[0]', message: /non-empty glob/ },
    { text: '{ "maxFileSize": "huge" }', key: 'maxFileSize', message: /positive number of bytes/ },
    { text: '{ "allowlist": [{ "fingerprint": "abcdef0123", "reason": "" }] }', key: 'allowlist[0].reason', message: /why/ },
    { text: '{ "allowlist": [{ "fingerprint": "line 12", "reason": "x" }] }', key: 'allowlist[0].fingerprint', message: /fingerprint/ },
    { text: '{ "exlude": [] }', key: 'exlude', message: /unknown key "exlude"/ },
    { text: '{ "exclude": ["dist/**", "!(src)/**"] }', key: 'exclude[1]', message: /"!\(src\)\/\*\*": extended glob patterns .* are not supported/ },
    { text: '{ "testFiles": ["{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"] }', key: 'testFiles[0]', message: /expands to more than 256 patterns/ },
    { text: '[1, 2]', key: '', message: /JSON object/ },
    { text: '{ "rules": ', key: '', message: /not valid JSON/ },
  ];
  for (const { text, key, message, line } of invalid) {
    it(`names the file and key for ${JSON.stringify(text).slice(0, 60)}`, () => {
      const { problems } = parse(text);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0].file, '/p/.lastline.json');
      assert.equal(problems[0].key, key);
      assert.match(problems[0].message, message);
      if (line) assert.equal(problems[0].line, line);
    });
  }

  it('keeps the valid parts and falls back to defaults for the invalid ones', () => {
    const { config, problems } = parse('{ "exclude": ["build/**"], "maxFileSize": -5, "rules": { "private-key": "nope" } }');
    assert.equal(problems.length, 2);
    assert.deepEqual(config.exclude, ['build/**']);
    assert.equal(config.maxFileSize, DEFAULT_MAX_FILE_SIZE);
    assert.equal(config.rules['private-key'], undefined);
  });

  it('reads a file with a UTF-8 BOM, and reports duplicate keys and nesting past any real config', () => {
    assert.deepEqual(parse('\uFEFF{ "exclude": ["dist/**"] }').problems, []);
    assert.deepEqual(parse('\uFEFF{ "exclude": ["dist/**"] }').config.exclude, ['dist/**']);
    const duplicate = parse('{\n  "gate": { "secrets": false },\n  "gate": { "secrets": true, "secrets": false }\n}');
    assert.deepEqual(
      duplicate.problems.map((problem) => [problem.key, problem.line]),
      [
        ['gate', 3],
        ['gate.secrets', 3],
      ],
    );
    for (const nested of ['['.repeat(8000), `{ "rules": ${'{ "a": '.repeat(8000)} }`]) {
      const deep = parse(nested);
      assert.equal(deep.problems.length, 1);
      assert.match(deep.problems[0].message, /^nested 8\d{3} levels deep \(at most 64\); using defaults$/);
    }
    assert.deepEqual(parse('{ "exclude": ["[{"], "testFiles": ["/* not a comment */"] }').problems, [], 'brackets in strings do not count');
  });

  it('parses byte sizes', () => {
    assert.equal(parseByteSize(1000), 1000);
    assert.equal(parseByteSize(0.5), undefined, 'half a byte would floor to 0 and skip every file');
    assert.equal(parseByteSize(1.5), undefined);
    assert.equal(parseByteSize('512KB'), 512 * 1024);
    assert.equal(parseByteSize('1.5 mb'), 1.5 * 1024 * 1024);
    assert.equal(parseByteSize('0'), undefined);
    assert.equal(parseByteSize('10 parsecs'), undefined);
  });

  describe('JSON schema (contributed to VS Code)', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'lastline.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

    it('lists exactly the registered rules (regenerate with npm run docs:rules)', () => {
      assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), [...ruleIds].sort());
    });

    it('agrees with the reader on valid and invalid files', () => {
      const samples = [
        '{ "rules": { "private-key": "warning" }, "exclude": ["dist/**"], "maxFileSize": "2MB" }',
        '{ "rules": { "private-key": { "level": "off", "options": {} } }, "maxFileSize": 2048 }',
        '{ "allowlist": [{ "fingerprint": "0123456789abcdef", "reason": "fixture" }] }',
        '{ "fingerprintSalt": "0123456789abcdef0123456789abcdef" }',
        '{ "fingerprintSalt": "short" }',
        // A brace expansion's size is beyond what a JSON schema can say.
        ...invalid.filter((sample) => !/not valid JSON|expands to more/.test(sample.message.source)).map((sample) => sample.text),
      ];
      for (const text of samples) {
        const readerAccepts = parse(text).problems.length === 0;
        assert.equal(validate(JSON.parse(text)), readerAccepts, `schema and reader disagree on ${text}`);
      }
    });
  });
});
