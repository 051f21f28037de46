// The shell word reader: commands and words as sh splits them, the span of each word's value in
// the text (what a finding points at and a fix replaces), and which words expand. Then the flat
// lists of exec forms and YAML flow sequences, and the defaults of `${VAR:-…}`. The readers take
// any input in linear time.
import { strict as assert } from 'node:assert';
import { readShellCommands, valueSpan, type ShellWord } from '../../src/core/languages/shell-words';
import { interpolationDefault } from '../../src/core/languages/interpolation-default';
import { readStringList } from '../../src/core/languages/string-list';
import { assertGrowth } from './scaling';

const values = (text: string, folded = false) =>
  readShellCommands(text, 0, text.length, { lineBreaksAreBlanks: folded }).map((words) => words.map((word) => word.value));

describe('shell words', () => {
  const cases: [name: string, text: string, commands: string[][], folded?: boolean][] = [
    ['splits words on blanks', 'mysql  -uroot\t-pX app', [['mysql', '-uroot', '-pX', 'app']]],
    ['ends commands at ; && || | & ( ) and line breaks', 'a 1; b 2 && c || d | e & f\n(g)', [['a', '1'], ['b', '2'], ['c'], ['d'], ['e'], ['f'], ['g']]],
    ['removes quotes and keeps what they hold', `echo 'a b' "c \\"d\\" \\$e" f\\ g`, [['echo', 'a b', 'c "d" $e', 'f g']]],
    ['joins continuation lines', 'mysql -uroot \\\n  -pX \\\n  app', [['mysql', '-uroot', '-pX', 'app']]],
    ['skips comments at a word start only', 'a # b c\nd e#f', [['a'], ['d', 'e#f']]],
    ['drops redirections and their targets', 'mysql -pX app < dump.sql > out.log 2>&1', [['mysql', '-pX', 'app']]],
    [
      'steps over heredoc bodies',
      "cat <<EOF > .env\nPASSWORD=x y 'z\nEOF\nnext 1\ncat <<-'END'\n\tbody\n\tEND\nlast",
      [['cat'], ['next', '1'], ['cat'], ['last']],
    ],
    [
      'keeps substitutions whole',
      'export A="$(cat /run/secrets/x)" B=$(printf "%s" "a b") C=${D:-"e f"}',
      [['export', 'A=$(cat /run/secrets/x)', 'B=$(printf "%s" "a b")', 'C=${D:-"e f"}']],
    ],
    ['reads folded lines as one command', 'sh -c "mysql -uroot\n  -pX app"', [['sh', '-c', 'mysql -uroot\n  -pX app']], true],
    [
      'closes an unclosed quote at its line end',
      `echo 'open\nnext 1`,
      [
        ['echo', 'open'],
        ['next', '1'],
      ],
    ],
  ];
  for (const [name, text, commands, folded] of cases) {
    it(name, () => assert.deepEqual(values(text, folded), commands));
  }

  it('marks words that expand', () => {
    const words = readShellCommands('a $B "${C}" "$(d)" `e` \'$f\' g$ "h $" $$ -p"$X"')[0];
    assert.deepEqual(
      words.map((word) => [word.value, word.expands]),
      [
        ['a', false],
        ['$B', true],
        ['${C}', true],
        ['$(d)', true],
        ['`e`', true],
        ['$f', false],
        ['g$', false],
        ['h $', false],
        ['$$', true],
        ['-p$X', true],
      ],
    );
  });

  it('maps a value to its span when one run of the text holds it', () => {
    const text = `mysql -pAb12 -p'Cd34' -p"Ef\\$56" --password=Gh78`;
    const words = readShellCommands(text)[0];
    const span = (word: ShellWord, from: number) => {
      const found = valueSpan(word, from);
      return found && text.slice(found.start, found.end);
    };
    assert.deepEqual(
      words.slice(1).map((word) => span(word, word.value.startsWith('--') ? 11 : 2)),
      ['Ab12', 'Cd34', '$56', 'Gh78'].map((expected, index) => (index === 2 ? undefined : expected)),
    );
  });

  it('reads any input in linear time', async () => {
    // Unclosed quotes, substitutions and heredocs are what could make each occurrence search the rest.
    for (const unit of [`'`, '"', '`', '$(', '<<EOF x\n', 'a \'b\' "c" $d \\\n;\n']) {
      await assertGrowth(
        (size) => unit.repeat(Math.ceil(size / unit.length)),
        (text) => readShellCommands(text),
        16 * 1024,
      );
    }
  });
});

describe('string lists', () => {
  const cases: [name: string, text: string, items: [string, string, boolean][] | undefined][] = [
    [
      'a JSON exec form',
      '["redis-server", "--requirepass", "a\\"b"]',
      [
        ['redis-server', 'redis-server', true],
        ['--requirepass', '--requirepass', true],
        ['a"b', 'a\\"b', false],
      ],
    ],
    [
      'a YAML flow sequence over lines',
      "[redis-server, '--port',\n  'it''s' ]",
      [
        ['redis-server', 'redis-server', true],
        ['--port', '--port', true],
        ["it's", "it''s", false],
      ],
    ],
    ['an empty list', '[ ]', []],
    ['a nested list', '[a, [b]]', undefined],
    ['an unclosed list', '["a", "b"', undefined],
  ];
  for (const [name, text, items] of cases) {
    it(`reads ${name}`, () => {
      const found = readStringList(text, 0);
      assert.deepEqual(
        found?.map((item) => [item.value, text.slice(item.start, item.end), item.verbatim]),
        items,
      );
    });
  }
});

describe('interpolation defaults', () => {
  const cases: [string, [string, string] | undefined][] = [
    ['${JWT_SECRET:-abc}', ['JWT_SECRET', 'abc']],
    ['${A-abc}', ['A', 'abc']],
    ['${A:=abc}', ['A', 'abc']],
    ['${db.password:abc}', ['db.password', 'abc']],
    ['${A:?message}', undefined],
    ['${A:+other}', undefined],
    ['${A:-}', undefined],
    ['${A:-${B}}', undefined],
    ['x${A:-abc}', undefined],
    ['${A}', undefined],
  ];
  for (const [value, expected] of cases) {
    it(`reads ${value}`, () => {
      const found = interpolationDefault(value);
      assert.deepEqual(found && [found.variable, found.value, value.slice(found.start, found.end)], expected && [...expected, expected[1]]);
    });
  }
});
