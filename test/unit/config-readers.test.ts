// Table tests for the config readers: for each input, the entries (keyPath, value, and the raw text
// their value span covers), the comments, and whether problems are reported. Look-alikes (a `#`
// in a quoted value, a URL fragment, an unterminated quote) check that no entry is ever invented.
import { strict as assert } from 'node:assert';
import { readConfig, type ConfigDocument } from '../../src/core/languages/config';
import type { ConfigFormat } from '../../src/core/languages/language';

interface ExpectedEntry {
  keyPath: string[];
  value: string;
  /** The text the value span covers; the value itself when omitted. */
  raw?: string;
  quote?: '"' | "'" | '`';
}

interface Case {
  name: string;
  text: string;
  entries: ExpectedEntry[];
  /** Comment texts, in order; not checked when omitted. */
  comments?: string[];
  /** Substrings of the expected problem messages, in order; none expected when omitted. */
  problems?: string[];
}

/** An expected entry; `raw` defaults to the value. */
function entry(keyPath: string[], value: string, raw?: string, quote?: '"' | "'" | '`'): ExpectedEntry {
  return { keyPath, value, raw, quote };
}

function check(format: ConfigFormat, testCase: Case): ConfigDocument {
  const { text } = testCase;
  const doc = readConfig(text, format);
  assert.equal(doc.format, format);
  const actual = doc.entries.map((found) => ({
    keyPath: found.keyPath,
    value: found.value,
    raw: text.slice(found.valueSpan.start, found.valueSpan.end),
    quote: found.quote,
  }));
  const expected = testCase.entries.map((wanted) => ({
    keyPath: wanted.keyPath,
    value: wanted.value,
    raw: wanted.raw ?? wanted.value,
    quote: wanted.quote,
  }));
  assert.deepEqual(actual, expected);
  for (const found of doc.entries) {
    assert.equal(found.key, found.keyPath[found.keyPath.length - 1]);
    assertSpanInside(found.keySpan, text);
    assertSpanInside(found.valueSpan, text);
  }
  for (const comment of doc.comments) {
    assertSpanInside(comment, text);
    assert.ok(text.slice(comment.start, comment.end).includes(comment.text), `comment text ${JSON.stringify(comment.text)} not in its span`);
  }
  if (testCase.comments)
    assert.deepEqual(
      doc.comments.map((comment) => comment.text),
      testCase.comments,
    );
  const messages = doc.problems.map((problem) => problem.message);
  const wantedProblems = testCase.problems ?? [];
  assert.equal(messages.length, wantedProblems.length, `problems: ${JSON.stringify(messages)}`);
  wantedProblems.forEach((wanted, i) =>
    assert.ok(messages[i].includes(wanted), `problem ${JSON.stringify(messages[i])} should mention ${JSON.stringify(wanted)}`),
  );
  return doc;
}

function assertSpanInside(span: { start: number; end: number }, text: string): void {
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `span ${span.start}-${span.end} outside the text`);
}

function runCases(format: ConfigFormat, cases: Case[]): void {
  for (const testCase of cases) it(testCase.name, () => check(format, testCase));
}

const LONG = 'x'.repeat(200_000);

describe('config readers', () => {
  describe('dotenv', () => {
    runCases('dotenv', [
      {
        name: 'reads KEY=value, export, blanks around = and the KEY: value form',
        text: 'A=1\nexport B=two\n  C = three  \nD: four\n',
        entries: [entry(['A'], '1'), entry(['B'], 'two'), entry(['C'], 'three'), entry(['D'], 'four')],
      },
      {
        name: 'unquotes double, single and backtick values; only double quotes expand escapes',
        text: 'A="a\\nb\\"c"\nB=\'a\\nb\'\nC=`tick`\n',
        entries: [entry(['A'], 'a\nb"c', 'a\\nb\\"c', '"'), entry(['B'], 'a\\nb', undefined, "'"), entry(['C'], 'tick', undefined, '`')],
      },
      {
        name: 'keeps # inside quotes and in URLs; a comment needs a blank before it',
        text: 'PASSWORD="#notacomment"\nP2=\'x # y\' # real\nURL=https://host/a#frag\nHASH=#start\nNOTE=value # gitleaks:allow\n',
        entries: [
          entry(['PASSWORD'], '#notacomment', undefined, '"'),
          entry(['P2'], 'x # y', undefined, "'"),
          entry(['URL'], 'https://host/a#frag'),
          entry(['HASH'], '#start'),
          entry(['NOTE'], 'value'),
        ],
        comments: ['real', 'gitleaks:allow'],
      },
      {
        name: 'reads empty values with a span right after the =',
        text: 'A=\nB=""\nC= # nothing\n',
        entries: [entry(['A'], ''), entry(['B'], '', '', '"'), entry(['C'], '')],
        comments: ['nothing'],
      },
      {
        name: 'reads a double-quoted value over several lines',
        text: 'KEY="-----BEGIN KEY-----\nabc\n-----END KEY-----"\nNEXT=1\n',
        entries: [entry(['KEY'], '-----BEGIN KEY-----\nabc\n-----END KEY-----', undefined, '"'), entry(['NEXT'], '1')],
      },
      {
        name: 'reads CRLF files; a multi-line value reads its line breaks as LF',
        text: 'A=1\r\n# note\r\nB="x\r\ny"\r\nC=3',
        entries: [entry(['A'], '1'), entry(['B'], 'x\ny', 'x\r\ny', '"'), entry(['C'], '3')],
        comments: ['note'],
      },
      {
        name: 'reports an unterminated quote without an entry and reads the next lines',
        text: 'A="unterminated\nB=ok\nC="fine"\n',
        entries: [entry(['B'], 'ok'), entry(['C'], 'fine', undefined, '"')],
        problems: ['unterminated'],
      },
      {
        name: 'reports text after a closing quote',
        text: 'A="abc"def\nB=1\n',
        entries: [entry(['B'], '1')],
        problems: ['unexpected text after the closing quote'],
      },
      {
        name: 'reports garbage and binary lines and reads on',
        text: 'just some words\n\u0000\u0001\u0002=\u00ff\nA=1\nB=\u0000bin\n',
        entries: [entry(['A'], '1')],
        problems: ['expected KEY=value', 'expected KEY=value', 'control characters'],
      },
      {
        name: 'skips a bare KEY (unset) without a problem, and a byte order mark',
        text: '\ufeffFIRST=1\nJUST_KEY\n',
        entries: [entry(['FIRST'], '1')],
      },
      {
        name: 'reads a very long line',
        text: `LONG=${LONG}\nAFTER=1\n`,
        entries: [entry(['LONG'], LONG), entry(['AFTER'], '1')],
      },
    ]);

    it('gives exact key and value spans', () => {
      const text = 'export  API_KEY = "sk_live_abc" # gitleaks:allow';
      const [found] = readConfig(text, 'dotenv').entries;
      assert.equal(text.slice(found.keySpan.start, found.keySpan.end), 'API_KEY');
      assert.equal(text.slice(found.valueSpan.start, found.valueSpan.end), 'sk_live_abc');
      const [comment] = readConfig(text, 'dotenv').comments;
      assert.equal(text.slice(comment.start, comment.end), '# gitleaks:allow');
    });
  });

  describe('ini', () => {
    runCases('ini', [
      {
        name: 'prefixes keys with their section; = and : both separate',
        text: 'top = 1\n[database]\nuser = admin\npassword: s3cret\n[remote "origin"]\n\turl = git@host:repo.git\n',
        entries: [
          entry(['top'], '1'),
          entry(['database', 'user'], 'admin'),
          entry(['database', 'password'], 's3cret'),
          entry(['remote "origin"', 'url'], 'git@host:repo.git'),
        ],
      },
      {
        name: 'reads ; and # comment lines and trailing comments after a blank',
        text: '; first\n# second\n[s]\nkey = value ; pragma: allowlist secret\nurl = http://host:8080/a#frag\npath = a;b\n',
        entries: [entry(['s', 'key'], 'value'), entry(['s', 'url'], 'http://host:8080/a#frag'), entry(['s', 'path'], 'a;b')],
        comments: ['first', 'second', 'pragma: allowlist secret'],
      },
      {
        name: 'unquotes quoted values and keeps # and ; inside them',
        text: '[s]\npassword = "#notacomment" # real\nother = \'a ; b\'\n',
        entries: [entry(['s', 'password'], '#notacomment', undefined, '"'), entry(['s', 'other'], 'a ; b', undefined, "'")],
        comments: ['real'],
      },
      {
        name: 'reads an empty value',
        text: 'empty =\nnext = 1\n',
        entries: [entry(['empty'], ''), entry(['next'], '1')],
      },
      {
        name: 'skips configparser continuation lines (setup.cfg)',
        text: '[options]\ninstall_requires =\n    requests>=2.0\n    six\nzip_safe = False\n',
        entries: [entry(['options', 'install_requires'], ''), entry(['options', 'zip_safe'], 'False')],
      },
      {
        name: 'does not split nginx-like lines inside a URL',
        text: 'proxy_pass http://backend:8080;\n',
        entries: [],
        problems: ['expected key = value'],
      },
      {
        name: 'reports an unterminated quote, a broken header and garbage, and reads on',
        text: '[s]\na = "open\nb = 2\n[broken\nc = 3\n\u0000\u0001 = x\nd = 4\n',
        entries: [entry(['s', 'b'], '2'), entry(['broken', 'c'], '3'), entry(['broken', 'd'], '4')],
        problems: ['unterminated', 'unterminated section header', 'control characters'],
      },
      {
        name: 'reads CRLF files',
        text: '[s]\r\nkey = value\r\n; c\r\n',
        entries: [entry(['s', 'key'], 'value')],
        comments: ['c'],
      },
    ]);
  });

  describe('npmrc', () => {
    runCases('npmrc', [
      {
        name: 'takes everything before the first = as the key',
        text: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n@scope:registry=https://npm.example.com/\n',
        entries: [entry(['//registry.npmjs.org/:_authToken'], '${NPM_TOKEN}'), entry(['@scope:registry'], 'https://npm.example.com/')],
      },
      {
        name: 'cuts unquoted values at ; or # as npm does, unless escaped',
        text: '_auth=abc#def\nemail = me@example.com ; work\nescaped=a\\;b\n',
        entries: [entry(['_auth'], 'abc'), entry(['email'], 'me@example.com'), entry(['escaped'], 'a;b', 'a\\;b')],
        comments: ['def', 'work'],
      },
      {
        name: 'unquotes quoted values, keeping # inside',
        text: '_password="p#ss" ; note\n',
        entries: [entry(['_password'], 'p#ss', undefined, '"')],
        comments: ['note'],
      },
      {
        name: 'reads comment lines and flag lines without a problem',
        text: '# comment\n; other\nalways-auth\n[section]\nkey=v\n',
        entries: [entry(['section', 'key'], 'v')],
        comments: ['comment', 'other'],
      },
    ]);
  });

  describe('properties', () => {
    runCases('properties', [
      {
        name: 'reads =, : and white space separators',
        text: 'a=1\nb: 2\nc 3\nd = 4\n',
        entries: [entry(['a'], '1'), entry(['b'], '2'), entry(['c'], '3'), entry(['d'], '4')],
      },
      {
        name: 'reads # and ! comment lines; a # later on a line is part of the value',
        text: '# one\n! two\npassword=abc # not a comment\n',
        entries: [entry(['password'], 'abc # not a comment')],
        comments: ['one', 'two'],
      },
      {
        name: 'joins continuation lines; the span covers them',
        text: 'list = a, \\\n    b, \\\n    c\nnext = 1\n',
        entries: [entry(['list'], 'a, b, c', 'a, \\\n    b, \\\n    c'), entry(['next'], '1')],
      },
      {
        name: 'decodes escapes in keys and values',
        text: 'k\\:e\\ y=\\u0041\\tB\\\\\n',
        entries: [entry(['k:e y'], 'A\tB\\', '\\u0041\\tB\\\\')],
      },
      {
        name: 'reads empty values and keys without a value',
        text: 'empty=\nalone\n',
        entries: [entry(['empty'], ''), entry(['alone'], '')],
      },
      {
        name: 'reports a malformed \\u escape and reads on',
        text: 'bad=\\u00G1\ngood=1\n',
        entries: [entry(['good'], '1')],
        problems: ['malformed'],
      },
      {
        name: 'reports a binary line and reads on',
        text: '\u0000\u0001=\u00ff\u0002\nok=1\n',
        entries: [entry(['ok'], '1')],
        problems: ['control characters'],
      },
      {
        name: 'reads CRLF continuations',
        text: 'a = x\\\r\n  y\r\nb = 2\r\n',
        entries: [entry(['a'], 'xy', 'x\\\r\n  y'), entry(['b'], '2')],
      },
    ]);
  });

  describe('yaml', () => {
    runCases('yaml', [
      {
        name: 'reads nested block mappings',
        text: 'a: 1\nb:\n  c: two\n  d:\n    e: three\nf: four\n',
        entries: [entry(['a'], '1'), entry(['b', 'c'], 'two'), entry(['b', 'd', 'e'], 'three'), entry(['f'], 'four')],
      },
      {
        name: 'reads list items as [] and mappings inside lists',
        text: 'list:\n  - one\n  - name: a\n    value: b\n  - - deep\ncompact:\n- x\n-\n  on next line\n',
        entries: [
          entry(['list', '[]'], 'one'),
          entry(['list', '[]', 'name'], 'a'),
          entry(['list', '[]', 'value'], 'b'),
          entry(['list', '[]', '[]'], 'deep'),
          entry(['compact', '[]'], 'x'),
          entry(['compact', '[]'], 'on next line'),
        ],
      },
      {
        name: 'unquotes double- and single-quoted scalars; # inside quotes is no comment',
        text: 'password: "#notacomment"\nsingle: \'it\'\'s # here\' # real\nescaped: "a\\tb\\u00e9"\n"quoted key": v\n',
        entries: [
          entry(['password'], '#notacomment', undefined, '"'),
          entry(['single'], "it's # here", "it''s # here", "'"),
          entry(['escaped'], 'a\tb\u00e9', 'a\\tb\\u00e9', '"'),
          entry(['quoted key'], 'v'),
        ],
        comments: ['real'],
      },
      {
        name: 'needs a blank before a trailing comment, so URL fragments stay',
        text: '# top\nurl: http://host/p#frag\nkey: value # gitleaks:allow\nmark: a#b\n',
        entries: [entry(['url'], 'http://host/p#frag'), entry(['key'], 'value'), entry(['mark'], 'a#b')],
        comments: ['top', 'gitleaks:allow'],
      },
      {
        name: 'reads block scalars as their value; # inside is content',
        text: 'lit: |\n  line1\n  # not a comment\n\nfold: >-\n  a\n  b\n\n  c\nkeep: |+\n  k\n\nafter: 1\n',
        entries: [
          entry(['lit'], 'line1\n# not a comment\n', 'line1\n  # not a comment'),
          entry(['fold'], 'a b\nc', 'a\n  b\n\n  c'),
          entry(['keep'], 'k\n\n', 'k'),
          entry(['after'], '1'),
        ],
      },
      {
        name: 'reads block scalars in list items and with an indentation indicator',
        text: 'items:\n  - |\n    first\n  - key: >2\n       more indented\n      text\n',
        entries: [entry(['items', '[]'], 'first\n', 'first'), entry(['items', '[]', 'key'], ' more indented\ntext\n', ' more indented\n      text')],
      },
      {
        name: 'steps over flow collections without entries, also over several lines',
        text: 'ports: [80, 443]\nmap: {a: 1, b: "x # y"} # c\nmulti: [\n  a, # inner\n  "b]"\n]\nnext: 1\n',
        entries: [entry(['next'], '1')],
        comments: ['c', 'inner'],
      },
      {
        name: 'reads folded multi-line plain scalars',
        text: 'desc: first\n  second\n\n  third\nnext: 1\n',
        entries: [entry(['desc'], 'first second\nthird', 'first\n  second\n\n  third'), entry(['next'], '1')],
      },
      {
        name: 'tolerates document markers, directives, anchors, aliases and tags',
        text: '%YAML 1.2\n---\nbase: &base\n  user: admin\nother:\n  <<: *base\n  alias: *base\n  tagged: !!str 123\n  custom: !Ref Thing\n...\n--- # second\nsecond: 2\n',
        entries: [entry(['base', 'user'], 'admin'), entry(['other', 'tagged'], '123'), entry(['other', 'custom'], 'Thing'), entry(['second'], '2')],
        comments: ['second'],
      },
      {
        name: 'reads Compose environment lists as KEY entries, like the mapping form',
        text: 'services:\n  web:\n    environment:\n      - DB_PASSWORD=hunter2\n      - "API_KEY=abc"\n      - DEBUG\n      - --flag=x\n  db:\n    environment:\n      POSTGRES_PASSWORD: s3cret\n',
        entries: [
          entry(['services', 'web', 'environment', 'DB_PASSWORD'], 'hunter2'),
          entry(['services', 'web', 'environment', 'API_KEY'], 'abc', undefined, '"'),
          entry(['services', 'web', 'environment', '[]'], 'DEBUG'),
          entry(['services', 'web', 'environment', '[]'], '--flag=x'),
          entry(['services', 'db', 'environment', 'POSTGRES_PASSWORD'], 's3cret'),
        ],
      },
      {
        name: 'gives no entry for nulls and empty values, but does for empty quotes',
        text: 'a: ~\nb: null\nc:\nd: ""\n',
        entries: [entry(['d'], '', '', '"')],
      },
      {
        name: 'reports an unterminated quote and reads the next line',
        text: 'bad: "unterminated\nnext: ok\nsingle: \'open\nlast: 1\n',
        entries: [entry(['next'], 'ok'), entry(['last'], '1')],
        problems: ['unterminated', 'unterminated'],
      },
      {
        name: 'reads a quoted value over indented lines',
        text: 'key: "first\n  second"\nnext: 1\n',
        entries: [entry(['key'], 'first second', 'first\n  second', '"'), entry(['next'], '1')],
      },
      {
        name: 'reports lines it cannot read: mapping in a plain value, tabs, garbage, binary',
        text: 'a: b: c\n\tkey: tab\njust words\nbin: \u0000\u0001\nok: 1\n',
        entries: [entry(['ok'], '1')],
        problems: ['`: `', 'tab', 'expected', 'control characters'],
      },
      {
        name: 'reads CRLF files',
        text: 'a:\r\n  b: 1 # c\r\nlit: |\r\n  x\r\n  y\r\n',
        entries: [entry(['a', 'b'], '1'), entry(['lit'], 'x\ny\n', 'x\r\n  y')],
        comments: ['c'],
      },
      {
        name: "reads a GitHub Actions workflow: lists at their key's column, ${{ }} as text",
        text: [
          'on: [push]',
          'jobs:',
          '  build:',
          '    steps:',
          '    - uses: actions/checkout@v4',
          '    - name: Deploy',
          '      run: |',
          '        echo "token: $TOKEN"',
          '      env:',
          '        TOKEN: ${{ secrets.TOKEN }}',
          '',
        ].join('\n'),
        entries: [
          entry(['jobs', 'build', 'steps', '[]', 'uses'], 'actions/checkout@v4'),
          entry(['jobs', 'build', 'steps', '[]', 'name'], 'Deploy'),
          entry(['jobs', 'build', 'steps', '[]', 'run'], 'echo "token: $TOKEN"\n', 'echo "token: $TOKEN"'),
          entry(['jobs', 'build', 'steps', '[]', 'env', 'TOKEN'], '${{ secrets.TOKEN }}'),
        ],
      },
      {
        name: 'never reads key-like lines inside a block scalar, even after a bad header',
        text: 'data: |\n  password: inside\nbad: |x\n  secret: hidden\nok: 1\n',
        entries: [entry(['data'], 'password: inside\n', 'password: inside'), entry(['ok'], '1')],
        problems: ['unexpected text'],
      },
      {
        name: 'reads a very long line',
        text: `long: ${LONG}\nnext: 1\n`,
        entries: [entry(['long'], LONG), entry(['next'], '1')],
      },
    ]);

    it('gives exact spans inside quotes for a quick fix', () => {
      const text = 'db:\n  password: "hunter2"  # nosemgrep\n';
      const doc = readConfig(text, 'yaml');
      const [found] = doc.entries;
      assert.equal(text.slice(found.keySpan.start, found.keySpan.end), 'password');
      assert.equal(text.slice(found.valueSpan.start, found.valueSpan.end), 'hunter2');
      assert.equal(text.slice(doc.comments[0].start, doc.comments[0].end), '# nosemgrep');
    });
  });

  describe('toml', () => {
    runCases('toml', [
      {
        name: 'reads tables, dotted keys and quoted keys',
        text: 'title = "x"\n[server]\nhost = "h"\nsite."google.com".enabled = true\n[a . "b c"]\nk = 1\n',
        entries: [
          entry(['title'], 'x', undefined, '"'),
          entry(['server', 'host'], 'h', undefined, '"'),
          entry(['server', 'site', 'google.com', 'enabled'], 'true'),
          entry(['a', 'b c', 'k'], '1'),
        ],
      },
      {
        name: 'decodes basic strings and keeps literal strings as written',
        text: 'basic = "a\\tb\\\\c\\u00e9"\nliteral = \'C:\\path\'\n',
        entries: [entry(['basic'], 'a\tb\\c\u00e9', 'a\\tb\\\\c\\u00e9', '"'), entry(['literal'], 'C:\\path', undefined, "'")],
      },
      {
        name: 'reads multi-line strings: first newline dropped, line-ending backslash joins',
        text: 'ml = """\nRoses \\\n   are red"""\nlit = \'\'\'\nraw \\n\n\'\'\'\nquotes = """a "quoted" b""""\n',
        entries: [
          entry(['ml'], 'Roses are red', 'Roses \\\n   are red', '"'),
          entry(['lit'], 'raw \\n\n', undefined, "'"),
          entry(['quotes'], 'a "quoted" b"', undefined, '"'),
        ],
      },
      {
        name: 'reads numbers, booleans and dates as their raw text',
        text: 'int = +1_000\nfloat = 6.626e-34\nbool = false\ndate = 1979-05-27T07:32:00-08:00\nlocal = 1979-05-27 07:32:00\ninf = -inf # c\n',
        entries: [
          entry(['int'], '+1_000'),
          entry(['float'], '6.626e-34'),
          entry(['bool'], 'false'),
          entry(['date'], '1979-05-27T07:32:00-08:00'),
          entry(['local'], '1979-05-27 07:32:00'),
          entry(['inf'], '-inf'),
        ],
        comments: ['c'],
      },
      {
        name: 'marks arrays of tables with [] and puts their sub-tables inside',
        text: '[[products]]\nname = "Hammer"\n[products.dims]\nw = 1\n[[products]]\nname = "Nail"\n',
        entries: [
          entry(['products', '[]', 'name'], 'Hammer', undefined, '"'),
          entry(['products', '[]', 'dims', 'w'], '1'),
          entry(['products', '[]', 'name'], 'Nail', undefined, '"'),
        ],
      },
      {
        name: 'reads inline tables shallowly and steps over arrays',
        text: 'db = { user = "u", pass = "p#w", nested = { k = 1 }, list = [1, 2] }\nports = [ 80,\n  "a]#b", # inner\n  443 ]\nnext = 1\n',
        entries: [
          entry(['db', 'user'], 'u', undefined, '"'),
          entry(['db', 'pass'], 'p#w', undefined, '"'),
          entry(['db', 'nested', 'k'], '1'),
          entry(['next'], '1'),
        ],
        comments: ['inner'],
      },
      {
        name: 'keeps # inside strings and reads trailing comments',
        text: 'password = "#notacomment" # real\nurl = "http://h/#frag"\n',
        entries: [entry(['password'], '#notacomment', undefined, '"'), entry(['url'], 'http://h/#frag', undefined, '"')],
        comments: ['real'],
      },
      {
        name: 'reports unterminated strings, bare words and invalid escapes, and reads on',
        text: 's = "open\na = 1\nb = unquoted\nc = "bad \\q escape"\nd = """never closed\ne = 2\n',
        entries: [entry(['a'], '1'), entry(['e'], '2')],
        problems: ['unterminated string', 'not a TOML value', 'invalid escape', 'unterminated multi-line'],
      },
      {
        name: 'reports garbage and binary lines and reads on',
        text: 'just words here\n\u0000\u0001 = 2\nbin = "\u0000x"\nok = 1\n',
        entries: [entry(['ok'], '1')],
        problems: ['expected key = value', 'expected key = value', 'control characters'],
      },
      {
        name: 'stops an unclosed array at the next key',
        text: 'list = [1, 2\nkey = "v"\n',
        entries: [entry(['key'], 'v', undefined, '"')],
        problems: ['unterminated array'],
      },
      {
        name: 'reads CRLF files',
        text: '[t]\r\na = "x" # c\r\nml = """\r\none\r\ntwo"""\r\n',
        entries: [entry(['t', 'a'], 'x', undefined, '"'), entry(['t', 'ml'], 'one\ntwo', 'one\r\ntwo', '"')],
        comments: ['c'],
      },
    ]);
  });

  describe('json', () => {
    runCases('json', [
      {
        name: 'reads every string, number and boolean with its full keyPath; nulls give no entry',
        text: '{"a": "x", "b": {"c": 1.0e3, "d": [true, "y", null]}, "e": null}',
        entries: [entry(['a'], 'x', undefined, '"'), entry(['b', 'c'], '1.0e3'), entry(['b', 'd', '[]'], 'true'), entry(['b', 'd', '[]'], 'y', undefined, '"')],
      },
      {
        name: 'decodes escapes; the span covers the raw text inside the quotes',
        text: '{"password": "a\\"b\\u0041", "url": "http://h/#frag"}',
        entries: [entry(['password'], 'a"bA', 'a\\"b\\u0041', '"'), entry(['url'], 'http://h/#frag', undefined, '"')],
      },
      {
        name: 'reports comments in strict JSON but still records them',
        text: '{\n  // gitleaks:allow\n  "k": "v"\n}',
        entries: [entry(['k'], 'v', undefined, '"')],
        comments: ['gitleaks:allow'],
        problems: ['comments are not allowed'],
      },
      {
        name: 'reports an unterminated string without an entry',
        text: '{"a": "open\n, "b": "ok"}',
        entries: [entry(['b'], 'ok', undefined, '"')],
        problems: ['UnexpectedEndOfString'],
      },
    ]);
  });

  describe('jsonc', () => {
    runCases('jsonc', [
      {
        name: 'reads line and block comments and trailing commas',
        text: '\ufeff{\n  // line\n  "a": "x", /* block */\n  "list": [1, 2,],\n}',
        entries: [entry(['a'], 'x', undefined, '"'), entry(['list', '[]'], '1'), entry(['list', '[]'], '2')],
        comments: ['line', 'block'],
      },
      {
        name: 'reads CRLF files',
        text: '{\r\n  "a": "x", // c\r\n  "b": {"c": false}\r\n}\r\n',
        entries: [entry(['a'], 'x', undefined, '"'), entry(['b', 'c'], 'false')],
        comments: ['c'],
      },
    ]);
  });

  describe('dockerfile', () => {
    runCases('dockerfile', [
      {
        name: 'reads ENV pairs, quoted values and the legacy form',
        text: 'FROM node:20\nENV A=1 B="two words" C=\'lit\' D=\nENV LEGACY some value here\nenv lower=yes\n',
        entries: [
          entry(['ENV', 'A'], '1'),
          entry(['ENV', 'B'], 'two words', undefined, '"'),
          entry(['ENV', 'C'], 'lit', undefined, "'"),
          entry(['ENV', 'D'], ''),
          entry(['ENV', 'LEGACY'], 'some value here'),
          entry(['ENV', 'lower'], 'yes'),
        ],
      },
      {
        name: 'reads ARG defaults; an ARG without one gives no entry',
        text: 'ARG TOKEN\nARG VERSION=1.2 OTHER="x y"\n',
        entries: [entry(['ARG', 'VERSION'], '1.2'), entry(['ARG', 'OTHER'], 'x y', undefined, '"')],
      },
      {
        name: 'follows line continuations, skipping comment lines inside them',
        text: 'ENV A=1 \\\n    # inside\n    B="x \\" y" \\\n    C=3\n',
        entries: [entry(['ENV', 'A'], '1'), entry(['ENV', 'B'], 'x " y', 'x \\" y', '"'), entry(['ENV', 'C'], '3')],
        comments: ['inside'],
      },
      {
        name: 'never reads ENV inside RUN continuations or heredocs',
        text: 'RUN echo hi \\\n  && ENV=notreal\nRUN <<EOF\nENV X=inheredoc\nEOF\nCOPY <<-END /etc/x\n\tENV Y=no\n\tEND\nENV REAL=1\n',
        entries: [entry(['ENV', 'REAL'], '1')],
      },
      {
        name: 'reads parser directives as comments and honours escape=`',
        text: '# escape=`\n# syntax=docker/dockerfile:1\nFROM windows\nENV PATH=C:\\bin `\n    OTHER=x\n',
        entries: [entry(['ENV', 'PATH'], 'C:\\bin'), entry(['ENV', 'OTHER'], 'x')],
        comments: ['escape=`', 'syntax=docker/dockerfile:1'],
      },
      {
        name: 'reports an unterminated quote and reads the next instruction',
        text: 'ENV OK1=a BAD="open\nENV OK2=b\n',
        entries: [entry(['ENV', 'OK1'], 'a'), entry(['ENV', 'OK2'], 'b')],
        problems: ['unterminated quote'],
      },
      {
        name: 'reports lines that are no instruction',
        text: '\u0000\u0001 garbage\n=== \nENV A=1\n',
        entries: [entry(['ENV', 'A'], '1')],
        problems: ['expected an instruction', 'expected an instruction'],
      },
      {
        name: 'reads CRLF files',
        text: 'ENV A=1 \\\r\n    B=2\r\n# c\r\n',
        entries: [entry(['ENV', 'A'], '1'), entry(['ENV', 'B'], '2')],
        comments: ['c'],
      },
    ]);
  });

  describe('dockerfile commands', () => {
    it('records RUN, CMD, ENTRYPOINT and HEALTHCHECK arguments over their continuation lines', () => {
      const text =
        'FROM redis:7\nRUN apt-get update \\\n    && apt-get install -y curl\nENV A=1\nonbuild RUN make\nHEALTHCHECK --interval=5s CMD redis-cli ping\nCMD ["redis-server", "--appendonly", "yes"]\nENTRYPOINT /entry.sh\n';
      const doc = readConfig(text, 'dockerfile');
      assert.deepEqual(
        doc.commands?.map((command) => [command.instruction, text.slice(command.span.start, command.span.end)]),
        [
          ['RUN', ' apt-get update \\\n    && apt-get install -y curl'],
          ['RUN', ' make'],
          ['HEALTHCHECK', ' --interval=5s CMD redis-cli ping'],
          ['CMD', ' ["redis-server", "--appendonly", "yes"]'],
          ['ENTRYPOINT', ' /entry.sh'],
        ],
      );
    });

    it('records no commands with the Windows escape character (their lines are not shell)', () => {
      assert.equal(readConfig('# escape=`\nFROM windows\nRUN setx PATH C:\\bin\n', 'dockerfile').commands, undefined);
    });
  });

  describe('yaml flow collections', () => {
    it('records the span and key path of flow collections that are values of keys', () => {
      const text = 'services:\n  redis:\n    command: ["redis-server", "--port",\n      "6380"]\n    environment: { A: b }\n[top, level]\n';
      const doc = readConfig(text, 'yaml');
      assert.deepEqual(
        doc.flows?.map((flow) => [flow.keyPath, text.slice(flow.span.start, flow.span.end)]),
        [
          [['services', 'redis', 'command'], '["redis-server", "--port",\n      "6380"]'],
          [['services', 'redis', 'environment'], '{ A: b }'],
        ],
      );
    });

    it('records no unterminated flow collection', () => {
      assert.equal(readConfig('a:\n  command: ["x", "y"\nb: 1\n', 'yaml').flows, undefined);
    });
  });

  describe('terraform', () => {
    runCases('terraform', [
      {
        name: 'adds block types and labels to the keyPath and reads string attributes',
        text: 'resource "aws_db_instance" "main" {\n  password = "hunter2"\n  name     = "${var.prefix}-db"\n  count    = 2\n}\n',
        entries: [
          entry(['resource', 'aws_db_instance', 'main', 'password'], 'hunter2', undefined, '"'),
          entry(['resource', 'aws_db_instance', 'main', 'name'], '${var.prefix}-db', undefined, '"'),
        ],
      },
      {
        name: 'reads nested and one-line blocks and object values',
        text: 'provider "aws" {\n  assume_role { role_arn = "arn" }\n  tags = {\n    Name = "web"\n    "team" = "x", owner: "y"\n  }\n}\n',
        entries: [
          entry(['provider', 'aws', 'assume_role', 'role_arn'], 'arn', undefined, '"'),
          entry(['provider', 'aws', 'tags', 'Name'], 'web', undefined, '"'),
          entry(['provider', 'aws', 'tags', 'team'], 'x', undefined, '"'),
          entry(['provider', 'aws', 'tags', 'owner'], 'y', undefined, '"'),
        ],
      },
      {
        name: 'reads heredocs as their body; <<- removes the shared indentation',
        text: 'a = <<EOF\nline1\n  line2\nEOF\nb = <<-EOT\n    {\n      "k": 1\n    }\n  EOT\n',
        entries: [entry(['a'], 'line1\n  line2\n', 'line1\n  line2'), entry(['b'], '{\n  "k": 1\n}\n', '    {\n      "k": 1\n    }')],
      },
      {
        name: 'reads #, // and /* */ comments, also around strings that hold them',
        text: '# one\na = "x # y" // two\n/* three\n   lines */\nb = "http://h/#frag"\n',
        entries: [entry(['a'], 'x # y', undefined, '"'), entry(['b'], 'http://h/#frag', undefined, '"')],
        comments: ['one', 'two', 'three\n   lines'],
      },
      {
        name: 'steps over expressions that are more than one string',
        text: 'a = "x" == var.y ? "p" : "q"\nb = ["s1", "s2"]\nc = lookup(var.m, "k", "default")\nd = {\n  for k, v in var.m : k => "v"\n}\ne = "${jsonencode({ a = "b" })}"\n',
        entries: [entry(['e'], '${jsonencode({ a = "b" })}', undefined, '"')],
      },
      {
        name: 'decodes escapes; $${ is a literal ${',
        text: 'a = "tab\\there $${not.interp}"\n',
        entries: [entry(['a'], 'tab\there ${not.interp}', 'tab\\there $${not.interp}', '"')],
      },
      {
        name: 'reports an unterminated string or heredoc and reads the next attribute',
        text: 'block {\n  bad = "open\n  good = "ok"\n}\nh = <<EOF\nnever\n',
        entries: [entry(['block', 'good'], 'ok', undefined, '"')],
        // The heredoc's lines are read as HCL again, and `never` is none.
        problems: ['unterminated string', 'unterminated heredoc', 'expected'],
      },
      {
        name: 'reports garbage and binary lines and reads on',
        text: '%%% ???\n\u0000\u0001 = "x"\nok = "1"\n',
        entries: [entry(['ok'], '1', undefined, '"')],
        problems: ['expected an attribute or a block', 'expected an attribute or a block'],
      },
      {
        name: 'reads .tfvars attributes and nested objects',
        text: 'db_password = "hunter2" # gitleaks:allow\nsettings = {\n  inner = {\n    token = "t"\n  }\n  port = 5432\n}\n',
        entries: [entry(['db_password'], 'hunter2', undefined, '"'), entry(['settings', 'inner', 'token'], 't', undefined, '"')],
        comments: ['gitleaks:allow'],
      },
      {
        name: 'reads CRLF files',
        text: 'a {\r\n  b = "x" # c\r\n}\r\n',
        entries: [entry(['a', 'b'], 'x', undefined, '"')],
        comments: ['c'],
      },
    ]);
  });

  describe('any format', () => {
    const formats: ConfigFormat[] = ['dotenv', 'yaml', 'json', 'jsonc', 'toml', 'ini', 'properties', 'dockerfile', 'npmrc', 'terraform'];
    const alphabet = 'ab=:#;!"\'`{}[]()<>-|&*\\$ \t\n\r\u0000\u00e9EOF'.split('');

    it('never throws and keeps every span inside the text on random input', () => {
      let seed = 12345;
      const random = (n: number): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      for (let round = 0; round < 300; round++) {
        let text = '';
        const length = random(400);
        for (let i = 0; i < length; i++) text += alphabet[random(alphabet.length)];
        for (const format of formats) {
          const doc = readConfig(text, format);
          for (const problem of doc.problems) assert.ok(!problem.message.includes('reader failed'), `${format}: ${problem.message} on ${JSON.stringify(text)}`);
          for (const found of doc.entries) {
            assertSpanInside(found.keySpan, text);
            assertSpanInside(found.valueSpan, text);
            assert.equal(found.key, found.keyPath[found.keyPath.length - 1]);
          }
          for (const comment of doc.comments) assertSpanInside(comment, text);
        }
      }
    });

    it('reads a very long value in every format', () => {
      const texts: Record<ConfigFormat, string> = {
        dotenv: `K=${LONG}`,
        yaml: `k: ${LONG}`,
        json: `{"k": "${LONG}"}`,
        jsonc: `{"k": "${LONG}"}`,
        toml: `k = "${LONG}"`,
        ini: `k = ${LONG}`,
        properties: `k=${LONG}`,
        dockerfile: `ENV K=${LONG}`,
        npmrc: `k=${LONG}`,
        terraform: `k = "${LONG}"`,
      };
      for (const format of formats) {
        const doc = readConfig(texts[format], format);
        assert.equal(doc.entries.length, 1, format);
        assert.equal(doc.entries[0].value, LONG, format);
        assert.deepEqual(doc.problems, [], format);
      }
    });

    it('reads an empty text as an empty document', () => {
      for (const format of formats) {
        const doc = readConfig('', format);
        assert.deepEqual(doc.entries, []);
        assert.deepEqual(doc.comments, []);
      }
    });
  });
});
