// The lexical reader of the languages Lastline has no parser for: which comments it finds (never
// one inside a string, heredoc, raw string or PHP's inline HTML), where the construct after an
// offset ends, what annotations and attributes say, and that all of it runs in linear time on
// input built to make a scanner backtrack or nest.
import { strict as assert } from 'node:assert';
import {
  LexicalStructure,
  findAtAnnotations,
  findBracketAttributes,
  findRustAttributes,
  isCommentSpan,
  lexicalLanguageOf,
  scanLexically,
  type LexicalLanguage,
} from '../../src/core/languages/lexical';
import { assertGrowth } from './scaling';

function commentsOf(language: LexicalLanguage, source: string): string[] {
  return scanLexically(source, language)
    .spans.filter(isCommentSpan)
    .map((span) => source.slice(span.start, span.end));
}

function structureOf(language: LexicalLanguage, source: string): LexicalStructure {
  return new LexicalStructure(scanLexically(source, language));
}

describe('lexical languages', () => {
  describe('language of a file', () => {
    const cases: [string, string, LexicalLanguage | undefined][] = [
      ['cmd/server/main.go', '', 'go'],
      ['src/App.java', '', 'java'],
      ['build.gradle.kts', '', 'kotlin'],
      ['Repo.cs', '', 'csharp'],
      ['Rakefile', '', 'ruby'],
      ['app/models/user.rb', '', 'ruby'],
      ['public/index.php', '', 'php'],
      ['src/lib.rs', '', 'rust'],
      ['scripts/deploy.sh', '', 'shell'],
      ['bin/deploy', '#!/usr/bin/env bash\nset -e\n', 'shell'],
      ['bin/tool', '#!/usr/bin/env python3\n', undefined],
      ['src/main.cpp', '', 'c-like'],
      ['Makefile', '', 'hash-comments'],
      ['db/schema.sql', '', 'dash-comments'],
      ['README.md', '', undefined],
      ['notes.txt', '', undefined],
    ];
    for (const [path, text, expected] of cases) {
      it(`${path} → ${expected ?? 'none'}`, () => assert.equal(lexicalLanguageOf(path, text), expected));
    }
  });

  describe('comments, and none in strings', () => {
    const cases: { name: string; language: LexicalLanguage; source: string; comments: string[] }[] = [
      {
        name: 'Go: interpreted, raw and rune literals',
        language: 'go',
        source: `package main

var a = "//nolint" + \`raw // not a comment
// nor this\` + string('/') // real
/* block */ var b = 1
`,
        comments: ['// real', '/* block */'],
      },
      {
        name: 'Java: text blocks and char literals',
        language: 'java',
        source: `class A {
  String q = """
      // not a comment " still text
      """; // one
  char c = '"'; /* two */
}
`,
        comments: ['// one', '/* two */'],
      },
      {
        name: 'Kotlin: templates holding strings, nested block comments, raw strings',
        language: 'kotlin',
        source: `val s = "\${ "// no" } // no" // yes
/* outer /* inner */ still outer */ val t = """ // no \${"x"} """
`,
        comments: ['// yes', '/* outer /* inner */ still outer */'],
      },
      {
        name: 'C#: verbatim, interpolated and raw strings; preprocessor lines are code',
        language: 'csharp',
        source: `var path = @"c:\\temp // no ""quoted""";
var text = $"{name} // no {{braces}}";
var raw = """
  // no
  """;
#pragma warning disable CA2100 // reason
#region Queries
`,
        comments: ['// reason'],
      },
      {
        name: 'Ruby: interpolation, heredocs, percent literals, regexps, embedded docs',
        language: 'ruby',
        source: `x = "a #{ "b # c" } d" # one
sql = <<~SQL
  SELECT 1 # no
SQL
words = %w[a # b] # two
parts = line.split /#/ # three
=begin
# rubocop:disable all
=end
half = 4 / 2 # four
__END__
# data, not code
`,
        comments: ['# one', '# two', '# three', '=begin\n# rubocop:disable all\n=end', '# four'],
      },
      {
        name: 'PHP: inline HTML, close tags, attributes, heredocs, interpolation',
        language: 'php',
        source: `<p># not php</p>
<?php
$a = "x {$row['#']} y"; // one
# two
#[Route('/a')]
$b = <<<EOT
  # no
  EOT;
$c = <<<'RAW'
// no
RAW;
?>
<p># html</p>
<?= $d // three ?> after
`,
        comments: ['// one', '# two', '// three '],
      },
      {
        name: 'Rust: chars against lifetimes, raw strings, nested comments, attributes',
        language: 'rust',
        source: `#![allow(dead_code)]
fn f<'a>(x: &'a str) -> char {
    let q = '"';
    let s = r#"// no "quoted" "#;
    /* a /* b */ c */
    'x' // yes
}
`,
        comments: ['/* a /* b */ c */', '// yes'],
      },
      {
        name: 'shell: # only at a word start; quotes, substitutions, heredocs, escapes',
        language: 'shell',
        source: `#!/bin/bash
echo "\${#arr[@]} $# a#b \\# $(echo "#no")" # one
echo '# no' $'# no' # two
cat <<'EOF'
# body
EOF
	cat <<-END
	# body
	END
echo done # three
`,
        comments: ['#!/bin/bash', '# one', '# two', '# three'],
      },
      {
        name: 'C++: digit separators are no quotes',
        language: 'c-like',
        source: `int n = 1'000'000; // one
char c = '/'; // two
`,
        comments: ['// one', '// two'],
      },
      {
        name: 'SQL: doubled quotes',
        language: 'dash-comments',
        source: `SELECT 'it''s -- no' AS a; -- one
/* two */ SELECT 1;
`,
        comments: ['-- one', '/* two */'],
      },
    ];
    for (const testCase of cases) {
      it(testCase.name, () => assert.deepEqual(commentsOf(testCase.language, testCase.source), testCase.comments));
    }
  });

  describe('where the construct after an offset ends', () => {
    const cases: { name: string; language: LexicalLanguage; source: string; after: string; endsWith: string }[] = [
      {
        name: 'Java: an annotated method, to its closing brace',
        language: 'java',
        source: `@SuppressWarnings("unchecked")
public List<String> names(Map<String, Object> m) {
  if (m.isEmpty()) { return List.of(); }
  return (List<String>) m.get("names");
}
int after = 1;
`,
        after: '@SuppressWarnings("unchecked")',
        endsWith: '  return (List<String>) m.get("names");\n}',
      },
      {
        name: 'Java: an annotated field, to its semicolon',
        language: 'java',
        source: `@SuppressWarnings("java:S2068")
private static final String KEY =
    "abc";
String next;
`,
        after: '@SuppressWarnings("java:S2068")',
        endsWith: '    "abc";',
      },
      {
        name: 'Go: a function whose parameters span lines',
        language: 'go',
        source: `//nolint:gosec
func run(name string,
	args ...string) error {
	return nil
}
var after = 1
`,
        after: '//nolint:gosec',
        endsWith: '\treturn nil\n}',
      },
      {
        name: 'Go: a statement that goes on after an operator, not past its end',
        language: 'go',
        source: `	// #nosec G204
	cmd := base +
		" --verbose"
	run(cmd)
`,
        after: '// #nosec G204',
        endsWith: '\t\t" --verbose"',
      },
      {
        name: 'Kotlin: a call chain continued with a leading dot',
        language: 'kotlin',
        source: `@Suppress("kotlin:S2077")
val rows = db
    .query(sql)
val next = 1
`,
        after: '@Suppress("kotlin:S2077")',
        endsWith: '    .query(sql)',
      },
      {
        name: 'C#: an attribute on a method whose body starts on the next line',
        language: 'csharp',
        source: `[SuppressMessage("Security", "CA2100")]
public void Find(string id)
{
    Run($"SELECT {id}");
}
public void Next() { }
`,
        after: '[SuppressMessage("Security", "CA2100")]',
        endsWith: '    Run($"SELECT {id}");\n}',
      },
      {
        name: 'Rust: an attribute on a generic function',
        language: 'rust',
        source: `#[allow(unsafe_code)]
fn read<'a, T>(p: *const T) -> Option<&'a T> {
    unsafe { p.as_ref() }
}
fn next() {}
`,
        after: '#[allow(unsafe_code)]',
        endsWith: '    unsafe { p.as_ref() }\n}',
      },
      {
        name: 'shell: an if … fi compound command',
        language: 'shell',
        source: `# shellcheck disable=SC2086
if [ -n "$x" ]; then
  rm -rf $DIR
fi
echo after
`,
        after: '# shellcheck disable=SC2086',
        endsWith: '  rm -rf $DIR\nfi',
      },
      {
        name: 'shell: a loop over lines',
        language: 'shell',
        source: `# shellcheck disable=SC2086
for f in $FILES
do
  cp $f /tmp
done
echo after
`,
        after: '# shellcheck disable=SC2086',
        endsWith: '  cp $f /tmp\ndone',
      },
      {
        name: 'shell: a pipeline continued after |',
        language: 'shell',
        source: `# shellcheck disable=SC2046
ls $(dirname $0) |
  grep x
echo after
`,
        after: '# shellcheck disable=SC2046',
        endsWith: '  grep x',
      },
    ];
    for (const testCase of cases) {
      it(testCase.name, () => {
        const structure = structureOf(testCase.language, testCase.source);
        const end = structure.constructEnd(testCase.source.indexOf(testCase.after) + testCase.after.length);
        assert.ok(testCase.source.slice(0, end).endsWith(testCase.endsWith), JSON.stringify(testCase.source.slice(0, end)));
      });
    }
  });

  describe('annotations and attributes', () => {
    it('Java and Kotlin: arrays, named arguments, use-site targets; none in strings or comments', () => {
      const java = `@SuppressWarnings({"unchecked", "java:S2077"})
@SuppressFBWarnings(value = "SQL_INJECTION_JDBC", justification = "ids are integers")
String s = "@SuppressWarnings(\\"all\\")"; // @SuppressWarnings("all")
`;
      const found = findAtAnnotations(structureOf('java', java), new Set(['SuppressWarnings', 'SuppressFBWarnings']));
      assert.deepEqual(
        found.map((annotation) => ({ name: annotation.name, args: annotation.args.map((arg) => [arg.name, arg.values.map((value) => value.text)]) })),
        [
          { name: 'SuppressWarnings', args: [[undefined, ['unchecked', 'java:S2077']]] },
          {
            name: 'SuppressFBWarnings',
            args: [
              ['value', ['SQL_INJECTION_JDBC']],
              ['justification', ['ids are integers']],
            ],
          },
        ],
      );
      const kotlin = `@file:Suppress("UNCHECKED_CAST")
package app
`;
      const [file] = findAtAnnotations(structureOf('kotlin', kotlin), new Set(['Suppress']));
      assert.deepEqual([file.target, kotlin.slice(file.start, file.end)], ['file', '@file:Suppress("UNCHECKED_CAST")']);
    });

    it('C#: sections, targets, qualified names, several attributes in one section', () => {
      const source = `[assembly: SuppressMessage("Security", "CA2100:Review SQL", Justification = "<Pending>", Target = "~M:Repo.Find")]
[System.Diagnostics.CodeAnalysis.SuppressMessageAttribute("Style", "IDE0051")]
[Obsolete, SuppressMessage("Security", "CA3001")]
var s = "[SuppressMessage(\\"a\\", \\"b\\")]";
`;
      const found = findBracketAttributes(structureOf('csharp', source), new Set(['SuppressMessage']));
      assert.deepEqual(
        found.map((attribute) => [attribute.target, source.slice(attribute.start, attribute.end)]),
        [
          ['assembly', '[assembly: SuppressMessage("Security", "CA2100:Review SQL", Justification = "<Pending>", Target = "~M:Repo.Find")]'],
          [undefined, '[System.Diagnostics.CodeAnalysis.SuppressMessageAttribute("Style", "IDE0051")]'],
          [undefined, 'SuppressMessage("Security", "CA3001")'],
        ],
      );
    });

    it('Rust: outer and inner attributes, lint paths and reasons', () => {
      const source = `#![allow(dead_code)]
#[allow(clippy::unwrap_used, reason = "tests only")]
fn f() {}
// #[allow(warnings)]
`;
      const found = findRustAttributes(structureOf('rust', source), new Set(['allow']));
      assert.deepEqual(
        found.map((attribute) => [attribute.target, attribute.args.map((arg) => [arg.name, arg.values.map((value) => value.text)])]),
        [
          ['inner', [[undefined, ['dead_code']]]],
          [
            undefined,
            [
              [undefined, ['clippy::unwrap_used']],
              ['reason', ['tests only']],
            ],
          ],
        ],
      );
    });
  });

  describe('linear time', () => {
    const inputs: [string, LexicalLanguage, (size: number) => string][] = [
      ['unclosed strings', 'go', (size) => '"'.repeat(size)],
      ['unclosed block comments', 'rust', (size) => '/*'.repeat(size / 2)],
      ['nested interpolations', 'kotlin', (size) => '"${'.repeat(size / 3)],
      ['nested Ruby interpolations', 'ruby', (size) => '"#{'.repeat(size / 3)],
      ['heredoc openers', 'ruby', (size) => 'x = <<~A\n'.repeat(size / 9)],
      ['shell heredocs', 'shell', (size) => 'cat <<A <<B\n'.repeat(size / 12)],
      ['percent literals', 'ruby', (size) => 'puts %w['.repeat(size / 8)],
      ['regexp look-alikes', 'ruby', (size) => 'a /'.repeat(size / 3)],
      ['PHP tags', 'php', (size) => '<?php ?>'.repeat(size / 8)],
      ['C# raw string openers', 'csharp', (size) => '"""'.repeat(size / 3)],
      ['rust raw string openers', 'rust', (size) => 'r#"'.repeat(size / 3)],
    ];
    for (const [name, language, build] of inputs) {
      it(`scans ${name} (${language}) in linear time`, () => assertGrowth(build, (text) => scanLexically(text, language), 16_000));
    }

    const structures: [string, LexicalLanguage, (size: number) => string, string][] = [
      ['stacked annotations, each asking where its declaration ends', 'java', (size) => '@SuppressWarnings("x")\n'.repeat(size / 23) + 'int x;', '@'],
      ['stacked comments, each asking where the next statement ends', 'go', (size) => '//nolint\n'.repeat(size / 9) + 'x := 1', '/'],
      ['open brackets', 'csharp', (size) => '('.repeat(size), '('],
      ['stray closers', 'go', (size) => ')'.repeat(size), ')'],
      ['shell keywords without their ends', 'shell', (size) => 'if true; then\n'.repeat(size / 14), 'i'],
      ['one long line of calls', 'kotlin', (size) => 'f(x) + '.repeat(size / 7), 'f'],
    ];
    for (const [name, language, build, at] of structures) {
      it(`finds the ends of ${name} in linear time`, () =>
        assertGrowth(
          build,
          (text) => {
            const structure = structureOf(language, text);
            for (let offset = text.indexOf(at); offset !== -1; offset = text.indexOf(at, offset + 1)) structure.constructEnd(offset);
          },
          8_000,
        ));
    }
  });
});
