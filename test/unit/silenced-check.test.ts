// The silenced-check rule end to end: what each directive is judged as, given the findings of the
// other rules, and every fix's output.
import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../src/core/edits';
import { analyze } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';
import { defaultConfig } from '../../src/core/config';
import { stripeLiveKey } from './secret-values';
import { SEED_INCIDENT_PY } from '../seed-incident';
import { assertGrowth } from './scaling';

async function judged(path: string, text: string, options: Record<string, unknown> = {}): Promise<Finding[]> {
  const config = defaultConfig();
  config.rules['silenced-check'] = { options };
  const result = await analyze({ path, text }, { config });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.filter((finding) => finding.ruleId === 'silenced-check');
}

async function only(path: string, text: string): Promise<Finding> {
  const found = await judged(path, text);
  assert.equal(found.length, 1, JSON.stringify(found.map((finding) => finding.message)));
  return found[0];
}

const SEED = SEED_INCIDENT_PY;

describe('rule silenced-check', () => {
  describe('a directive that hides a finding', () => {
    it('reports the seed line: # nosec hides a string-built SQL query', async () => {
      const finding = await only('app/coupons.py', SEED);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /^`# nosec` hides a string-built SQL query: SQL injection: `couponCode` \(request value request\.args\) is interpolated/);
      assert.equal(finding.range.start.line, 7);
      assert.equal(finding.fixes[0].title, 'Parameterize query', 'the hidden problem is fixed first');
      assert.ok(
        applyTextEdits(SEED, finding.fixes[0].edits).includes('cursor.execute("SELECT * FROM coupons WHERE code = %s AND expires_at > NOW()", (couponCode,))'),
      );
      const remove = finding.fixes.find((fix) => fix.title === 'Remove `# nosec`');
      assert.ok(remove);
      assert.equal(applyTextEdits(SEED, remove.edits), SEED.replace('  # nosec\n', '\n'));
      assert.ok(finding.fixes.some((fix) => fix.title === 'Narrow to B608, B610, B611'));
    });

    it('covers every line of a multi-line statement', async () => {
      const text = 'import sqlite3\n\ndef f(conn, uid):\n    conn.execute(\n        f"SELECT * FROM users WHERE id = {uid}"\n    )  # nosec\n';
      assert.equal((await only('app/x.py', text)).severity, 'error');
    });

    it('hides an inline secret from a secret scanner', async () => {
      const text = `STRIPE = "${stripeLiveKey()}"  # pragma: allowlist secret\n`;
      const finding = await only('app/billing.py', text);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /hides an inline secret/);
      assert.match(finding.fixes[0].title, /^Move to environment variable/);
    });

    it('hides a string-built command from ESLint with eslint-disable-next-line', async () => {
      const text = "import { exec } from 'child_process';\nexport function list(dir: string) {\n  // eslint-disable-next-line\n  exec(`ls ${dir}`);\n}\n";
      const finding = await only('src/list.ts', text);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /hides a string-built shell command/);
    });

    it('does not count a directive for an unrelated check as hiding', async () => {
      const text = SEED.replace('  # nosec', '  # noqa: E501');
      const finding = await only('app/coupons.py', text);
      assert.equal(finding.severity, 'info');
      assert.match(finding.message, /gives no reason/);
    });
  });

  describe('directives over code without a finding', () => {
    it('warns about a blanket directive and offers a justification', async () => {
      const text = 'import subprocess\n\ndef run(cmd):\n    return subprocess.run(["ls", cmd])  # nosec\n';
      const finding = await only('app/run.py', text);
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /silences every Bandit check on this line, without a reason/);
      const justify = finding.fixes.find((fix) => fix.title === 'Add a justification');
      assert.ok(justify);
      assert.match(applyTextEdits(text, justify.edits), /# nosec.*<why this is safe>/);
    });

    it('turns @ts-ignore into @ts-expect-error', async () => {
      const text = 'const value = load();\n// @ts-ignore\nvalue.run();\n';
      const finding = await only('src/a.ts', text);
      assert.equal(finding.severity, 'warning');
      const fix = finding.fixes.find((candidate) => candidate.title === 'Use @ts-expect-error instead of @ts-ignore');
      assert.ok(fix);
      assert.equal(applyTextEdits(text, fix.edits), 'const value = load();\n// @ts-expect-error\nvalue.run();\n');
    });

    it('warns about a file-wide eslint-disable', async () => {
      const finding = await only('src/a.js', '/* eslint-disable */\nrun();\n');
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /every ESLint check in/);
    });

    it('reports a scoped directive without a reason as info', async () => {
      const finding = await only('src/a.js', 'console.log(1); // eslint-disable-line no-console\n');
      assert.equal(finding.severity, 'info');
    });

    it('leaves a scoped, justified directive alone unless asked', async () => {
      const text = 'console.log(1); // eslint-disable-line no-console -- CLI output goes to stdout\n';
      assert.deepEqual(await judged('src/a.js', text), []);
      assert.equal((await judged('src/a.js', text, { reportJustified: true })).length, 1);
    });

    it('calls a security directive over code where nothing could fire unused', async () => {
      const finding = await only('app/a.py', 'RETRIES = 3  # nosec B105 -- not a password\n');
      assert.equal(finding.severity, 'info');
      assert.match(finding.message, /silences nothing today/);
    });

    it('removes only the directive from a comment that holds more', async () => {
      const text = 'import os\nos.remove(path)  # noqa: E501  # nosec\n';
      const finding = (await judged('app/a.py', text)).find((candidate) => candidate.message.startsWith('`# nosec`'));
      assert.ok(finding);
      const remove = finding.fixes.find((fix) => fix.title === 'Remove `# nosec`');
      assert.ok(remove);
      assert.equal(applyTextEdits(text, remove.edits), 'import os\nos.remove(path)  # noqa: E501\n');
    });

    it('removes a directive comment alone on its line with the line', async () => {
      const text = 'const a = 1;\n// eslint-disable-next-line\nfoo(a);\n';
      const finding = await only('src/a.js', text);
      const remove = finding.fixes.find((fix) => fix.title.startsWith('Remove'));
      assert.ok(remove);
      assert.equal(applyTextEdits(text, remove.edits), 'const a = 1;\nfoo(a);\n');
    });
  });

  it('reads directives in JSX comments (the comment walk needs parent links)', async () => {
    const text = 'export const View = () => (\n  <div>\n    {/* eslint-disable-next-line */}\n    <Widget />\n  </div>\n);\n';
    const finding = await only('src/View.tsx', text);
    assert.equal(finding.severity, 'warning');
  });

  describe('look-alikes that are not directives', () => {
    const cases: [string, string][] = [
      ['a string holding the words', 'app/a.py', 'HELP = "add # nosec to silence bandit"\n'],
      ['a variable named nosec', 'app/a.py', 'nosec = 1\nprint(nosec)\n'],
      ['Markdown prose', 'README.md', 'Never add `# nosec` or `// eslint-disable-line` to make CI pass.\n'],
      ['a JS string', 'src/a.ts', "const doc = '// eslint-disable-next-line';\n"],
      ['a URL in a comment', 'src/a.ts', '// see https://eslint.org/docs/latest/use/configure/rules#eslint-disable-line\nrun();\n'],
    ].map(([name, path, text]) => [name, `${path}\u0000${text}`]);
    for (const [name, packed] of cases) {
      it(`ignores ${name}`, async () => {
        const [path, text] = packed.split('\u0000');
        assert.deepEqual(await judged(path, text), []);
      });
    }
  });

  describe('other languages: what each directive hides, and its safe look-alikes', () => {
    const key = stripeLiveKey();
    interface Expected {
      line: number;
      severity: Finding['severity'];
      /** The whole message; one ending in `…` is a prefix (a hidden finding's own message follows). */
      message: string;
    }
    const cases: { name: string; path: string; source: string; expected: Expected[] }[] = [
      {
        name: 'Go: golangci-lint and gosec over a key, a blanket on a function, a justified style one, one in a string',
        path: 'billing/keys.go',
        source: `package billing

import "os/exec"

var stripeKey = "${key}" //nolint:gosec

// #nosec G101 -- a test fixture, rotated
var fixtureKey = "${key}"

//nolint
func run(name string) error {
	return exec.Command("sh", "-c", name).Run()
}

func lengths() {
	long := strings.Repeat("x", 200) //nolint:lll // generated table
	msg := "add //nolint:gosec to silence it"
	_, _ = long, msg
}
`,
        expected: [
          { line: 4, severity: 'error', message: '`// nolint:gosec` hides an inline secret: …' },
          { line: 6, severity: 'error', message: '`// #nosec G101 -- a test fixture, rotated` hides an inline secret: …' },
          {
            line: 9,
            severity: 'warning',
            message: '`// nolint` silences every golangci-lint check on this declaration, without a reason. Name the check and say why it is safe.',
          },
        ],
      },
      {
        name: 'Java: a Sonar key over a key, all, an unjustified style one, a justified one, the no-sonar marker',
        path: 'src/main/java/shop/Orders.java',
        source: `package shop;

public class Orders {
    @SuppressWarnings("java:S2068")
    private static final String STRIPE_KEY = "${key}";

    @SuppressWarnings("all") // generated by the ORM
    public List<Order> find(String id) {
        return jdbc.query("SELECT * FROM orders WHERE id = " + id);
    }

    @SuppressWarnings("unchecked") // the cache holds orders only
    List<Order> cached() { return (List<Order>) cache.get("orders"); }

    @SuppressWarnings("rawtypes")
    List legacy() { return legacyList; }

    String help = "@SuppressWarnings(\\"all\\") hides everything"; // NOSONAR
}
`,
        expected: [
          { line: 3, severity: 'error', message: '`@SuppressWarnings("java:S2068")` hides an inline secret: …' },
          {
            line: 6,
            severity: 'warning',
            message: '`@SuppressWarnings("all") // generated by the ORM` silences every Java check on this declaration. Name the check and say why it is safe.',
          },
          {
            line: 14,
            severity: 'info',
            message: '`@SuppressWarnings("rawtypes")` gives no reason. Say why the Java check is safe to silence here, so reviewers can check it.',
          },
          {
            line: 17,
            severity: 'warning',
            message: '`// NOSONAR` silences every SonarQube check on this line, without a reason. Name the check and say why it is safe.',
          },
        ],
      },
      {
        name: 'C#: a pragma over a key, a pending SuppressMessage, a justified compiler warning',
        path: 'src/Shop/Keys.cs',
        source: `using System.Diagnostics.CodeAnalysis;

#pragma warning disable S2068
public static class Keys
{
    public const string Stripe = "${key}";
}
#pragma warning restore S2068

public class Repo
{
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "<Pending>")]
    public void Find(string id) => Run("SELECT * FROM t WHERE id = " + id);

#pragma warning disable CS0168 // kept for the debugger
    public void Debug() { int unused; }
#pragma warning restore CS0168
}
`,
        expected: [
          { line: 2, severity: 'error', message: '`#pragma warning disable S2068` hides an inline secret: …' },
          {
            line: 11,
            severity: 'info',
            message:
              '`[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "<Pending>")]` gives no reason. Say why the C# check is safe to silence here, so reviewers can check it.',
          },
        ],
      },
      {
        name: 'Ruby: a justified block, an unjustified security cop, all over a key (RuboCop finds no keys)',
        path: 'app/services/runner.rb',
        source: `# rubocop:disable Metrics/MethodLength -- a long but flat migration
def change
  add_column :users, :token, :string
end
# rubocop:enable Metrics/MethodLength

def run(cmd)
  system(cmd) # rubocop:disable Security/Open
end

STRIPE = "${key}" # rubocop:disable all
HELP = "# rubocop:disable all"
`,
        expected: [
          {
            line: 7,
            severity: 'info',
            message: '`# rubocop:disable Security/Open` gives no reason. Say why the RuboCop check is safe to silence here, so reviewers can check it.',
          },
          {
            line: 10,
            severity: 'warning',
            message: '`# rubocop:disable all` silences every RuboCop check on this line, without a reason. Name the check and say why it is safe.',
          },
        ],
      },
      {
        name: 'PHP: phpcs over SQL and over a key, a justified escape, Psalm taint, a PHPStan blanket',
        path: 'wp-content/plugins/shop/report.php',
        source: `<?php
// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
$rows = $wpdb->get_results("SELECT * FROM {$wpdb->posts} WHERE ID = " . $_GET['id']);

$config = ['stripe' => '${key}']; // phpcs:ignore
echo $title; // phpcs:ignore WordPress.Security.EscapeOutput -- escaped by the template

/** @psalm-suppress TaintedSql */
function report(string $id) { return query("SELECT * FROM r WHERE id = $id"); }

$x = foo(); // @phpstan-ignore-line
`,
        expected: [
          {
            line: 1,
            severity: 'info',
            message:
              '`// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared` gives no reason. Say why the PHP_CodeSniffer check is safe to silence here, so reviewers can check it.',
          },
          {
            line: 4,
            severity: 'warning',
            message: '`// phpcs:ignore` silences every PHP_CodeSniffer check on this line, without a reason. Name the check and say why it is safe.',
          },
          {
            line: 7,
            severity: 'info',
            message: '`/* @psalm-suppress TaintedSql */` gives no reason. Say why the Psalm check is safe to silence here, so reviewers can check it.',
          },
          {
            line: 10,
            severity: 'warning',
            message: '`// @phpstan-ignore-line` silences every PHPStan check on this line, without a reason. Name the check and say why it is safe.',
          },
        ],
      },
      {
        name: 'Rust: a file-wide style lint, unsafe code, a justified one, a blanket over a key (rustc finds no keys)',
        path: 'src/ffi.rs',
        source: `#![allow(dead_code)]

#[allow(unsafe_code)]
pub fn read(p: *const u8) -> u8 {
    unsafe { *p }
}

#[allow(clippy::needless_return, reason = "mirrors the C API")]
fn f() -> u8 { return 1; }

#[allow(warnings)]
const STRIPE: &str = "${key}";
`,
        expected: [
          {
            line: 0,
            severity: 'info',
            message: '`#![allow(dead_code)]` gives no reason. Say why the Rust check is safe to silence here, so reviewers can check it.',
          },
          {
            line: 2,
            severity: 'info',
            message: '`#[allow(unsafe_code)]` gives no reason. Say why the Rust check is safe to silence here, so reviewers can check it.',
          },
          {
            line: 10,
            severity: 'warning',
            message: '`#[allow(warnings)]` silences every Rust check on this declaration, without a reason. Name the check and say why it is safe.',
          },
        ],
      },
      {
        name: 'shell: a header directive, an unquoted expansion, a justified one, one after a command, gitleaks over a key',
        path: 'scripts/build.sh',
        source: `#!/bin/bash
# shellcheck disable=SC2034
UNUSED_FLAG=1

# shellcheck disable=SC2086
rm -rf $BUILD_DIR/*

# shellcheck disable=SC2086 # the flags must split into words
gcc $CFLAGS main.c

echo $name # shellcheck disable=SC2086
STRIPE_KEY="${key}" # gitleaks:allow
`,
        expected: [
          {
            line: 1,
            severity: 'info',
            message: '`# shellcheck disable=SC2034` gives no reason. Say why the ShellCheck check is safe to silence here, so reviewers can check it.',
          },
          {
            line: 4,
            severity: 'info',
            message: '`# shellcheck disable=SC2086` gives no reason. Say why the ShellCheck check is safe to silence here, so reviewers can check it.',
          },
          { line: 11, severity: 'error', message: '`# gitleaks:allow` hides an inline secret: …' },
        ],
      },
      {
        name: 'Kotlin: a language-agnostic marker over a key, a justified compiler warning',
        path: 'src/main/kotlin/Keys.kt',
        source: `package app

val stripe = "${key}" // nosemgrep: generic.secrets.security.detected-stripe-api-key
@Suppress("UNCHECKED_CAST") // the map holds strings only
fun names(m: Map<String, Any>) = m["names"] as List<String>
`,
        expected: [{ line: 2, severity: 'error', message: '`// nosemgrep: generic.secrets.security.detected-stripe-api-key` hides an inline secret: …' }],
      },
    ];
    for (const testCase of cases) {
      it(testCase.name, async () => {
        const found = await judged(testCase.path, testCase.source);
        const actual = found.map((finding) => {
          const expected = testCase.expected.find((candidate) => candidate.line === finding.range.start.line);
          const prefix = expected?.message.endsWith('…') ? expected.message.slice(0, -1) : undefined;
          return {
            line: finding.range.start.line,
            severity: finding.severity,
            message: prefix && finding.message.startsWith(prefix) ? expected!.message : finding.message,
          };
        });
        assert.deepEqual(actual, testCase.expected);
      });
    }

    const lookAlikes: [string, string, string][] = [
      [
        'Go: directive words in strings, raw strings and prose',
        'main.go',
        `package main

var usage = "silence it with //nolint:gosec or // #nosec G101"
var raw = \`
//nolint
// #nosec
\`

// The gosec linter reports G101 for hard-coded credentials; see its docs on #nosec.
func main() {}
`,
      ],
      [
        'Java: annotations in strings and Javadoc',
        'Doc.java',
        `/**
 * Never add @SuppressWarnings("all") to make the build pass.
 */
class Doc {
    String tip = "@SuppressWarnings(\\"java:S2068\\")";
}
`,
      ],
      [
        'C#: a pragma and an attribute in a verbatim string',
        'Tips.cs',
        `class Tips {
    const string Tip = @"
#pragma warning disable
[SuppressMessage(""Security"", ""CA2100"")]";
}
`,
      ],
      [
        'Ruby: directives in a heredoc and a string',
        'tips.rb',
        `TIP = <<~TEXT
  # rubocop:disable all
TEXT
OTHER = "# rubocop:disable Security/Eval"
`,
      ],
      [
        'shell: a directive after the command it would cover, and one in a heredoc',
        'run.sh',
        `#!/bin/sh
echo "$@" # shellcheck disable=SC2086
cat <<'END'
# shellcheck disable=SC2086
END
`,
      ],
      [
        'Rust: attributes in strings and comments',
        'lib.rs',
        `// #[allow(warnings)] would hide everything
const TIP: &str = "#[allow(unsafe_code)]";
`,
      ],
      ['Markdown prose in any dialect', 'docs/suppressions.md', 'Never write `//nolint`, `# rubocop:disable all` or `#[allow(warnings)]`.\n'],
    ];
    for (const [name, path, source] of lookAlikes) {
      it(`ignores ${name}`, async () => assert.deepEqual(await judged(path, source), []));
    }

    it('removes an annotation before code on its line, and one alone on its line with its line', async () => {
      const source = `class A {
    @SuppressWarnings("rawtypes") List legacy() { return list; }
    @SuppressWarnings("rawtypes")
    List other() { return list; }
}
`;
      const [inline, alone] = await judged('A.java', source);
      const remove = (finding: Finding) => finding.fixes.find((fix) => fix.title.startsWith('Remove'));
      assert.equal(applyTextEdits(source, remove(inline)!.edits), source.replace('@SuppressWarnings("rawtypes") List legacy', 'List legacy'));
      assert.equal(applyTextEdits(source, remove(alone)!.edits), source.replace('    @SuppressWarnings("rawtypes")\n    List other', '    List other'));
    });

    it('adds a justification where each language takes one', async () => {
      const justify = async (path: string, source: string) => {
        const [finding] = await judged(path, source);
        const fix = finding.fixes.find((candidate) => candidate.title === 'Add a justification');
        assert.ok(fix, finding.message);
        return applyTextEdits(source, fix.edits);
      };
      assert.equal(await justify('a.rs', '#[allow(unsafe_code)]\nfn f() {}\n'), '#[allow(unsafe_code, reason = "<why this is safe>")]\nfn f() {}\n');
      assert.equal(
        await justify('A.cs', 'class A {\n  [SuppressMessage("Style", "IDE0051")]\n  void F() {}\n}\n'),
        'class A {\n  [SuppressMessage("Style", "IDE0051", Justification = "<why this is safe>")]\n  void F() {}\n}\n',
      );
      assert.equal(
        await justify('A.java', 'class A {\n  @SuppressFBWarnings("DMI_RANDOM_USED_ONLY_ONCE")\n  void f() {}\n}\n'),
        'class A {\n  @SuppressFBWarnings("DMI_RANDOM_USED_ONLY_ONCE", justification = "<why this is safe>")\n  void f() {}\n}\n',
      );
      assert.equal(
        await justify('B.java', 'class B {\n  @SuppressWarnings("rawtypes")\n  List f() {}\n}\n'),
        'class B {\n  @SuppressWarnings("rawtypes") // <why this is safe>\n  List f() {}\n}\n',
      );
      assert.equal(
        await justify('x.go', 'package x\n\nfunc f() {\n\tg() //nolint:errcheck\n}\n'),
        'package x\n\nfunc f() {\n\tg() //nolint:errcheck // <why this is safe>\n}\n',
      );
      assert.equal(
        await justify('x.sh', '#!/bin/sh\necho hi\n# shellcheck disable=SC2086\necho $x\n'),
        '#!/bin/sh\necho hi\n# shellcheck disable=SC2086 # <why this is safe>\necho $x\n',
      );
    });

    it('narrows a blanket golangci-lint directive over a key to gosec', async () => {
      const source = `package x\n\nvar key = "${key}" //nolint\n`;
      const finding = (await judged('x.go', source)).find((candidate) => candidate.severity === 'error');
      const narrow = finding?.fixes.find((fix) => fix.title === 'Narrow to gosec');
      assert.ok(narrow);
      assert.equal(applyTextEdits(source, narrow.edits), source.replace('//nolint', '//nolint:gosec'));
    });

    it('judges stacked annotations and stacked directives in linear time', async () => {
      await assertGrowth(
        (size) => `class A {\n${'    @SuppressWarnings("rawtypes")\n'.repeat(size / 34)}    List f() { return list; }\n}\n`,
        (text) => judged('A.java', text),
        8 * 1024,
      );
      await assertGrowth(
        (size) => `package x\n${'//nolint:lll\n'.repeat(size / 13)}func f() {}\n`,
        (text) => judged('x.go', text),
        8 * 1024,
      );
    });
  });

  describe('config switches', () => {
    it('warns about Bandit checks skipped project-wide', async () => {
      const found = await judged('pyproject.toml', '[tool.bandit]\nskips = ["B608", "B105"]\n');
      assert.equal(found.length, 2);
      assert.ok(found.every((finding) => finding.severity === 'warning'));
      assert.match(found[0].message, /switches bandit B608 off for the whole project/);
    });
  });

  describe('many directives on one line (linear time, bounded output)', () => {
    const blanket = 'f(x);/* eslint-disable-line */';
    const masking = 'db.query("SELECT * FROM t WHERE id = " + req.query.id); /* eslint-disable-line */ ';
    const cases: [string, string][] = [
      ['blanket directives', blanket],
      ['directives that each hide a string-built query', masking],
    ];
    for (const [label, unit] of cases) {
      it(`judges ${label} repeated on one line in linear time`, () =>
        assertGrowth(
          (size) => unit.repeat(size / unit.length),
          (text) => judged('src/app.js', text),
          16 * 1024,
        ));
    }

    it('lists at most 20 of the findings a directive hides, and counts them all', async () => {
      const found = await judged('src/app.js', masking.repeat(30));
      const hides = found.filter((finding) => finding.severity === 'error');
      assert.equal(hides.length, 30);
      for (const finding of hides) {
        assert.equal(finding.related?.length, 20);
        assert.match(finding.message, /and 29 more finding\(s\)/);
      }
    });
  });
});
