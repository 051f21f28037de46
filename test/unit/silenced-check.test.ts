// The silenced-check rule end to end: what each directive is judged as, given the findings of the
// other rules, and every fix's output.
import { strict as assert } from 'node:assert';

import { stripeLiveKey } from './secret-values';
import { SEED_INCIDENT_PY } from '../seed-incident';
import { dedent, RuleTester, startsWith, type InvalidCase } from './rule-tester';
import { assertGrowth } from './scaling';

// Every rule runs: a directive is judged by the findings of the others.
const tester = new RuleTester({ ruleIds: ['silenced-check'] });

const SEED = SEED_INCIDENT_PY;

/** The message for a directive that names its check but not why it is safe. */
function noReason(directive: string, tool: string): string {
  return `\`${directive}\` gives no reason. Say why the ${tool} check is safe to silence here, so reviewers can check it.`;
}

/** The message for a directive that silences every check of its tool. */
function blanket(directive: string, tool: string, scope: 'line' | 'declaration'): string {
  return `\`${directive}\` silences every ${tool} check on this ${scope}, without a reason. Name the check and say why it is safe.`;
}

const RAWTYPES_NO_REASON = noReason('@SuppressWarnings("rawtypes")', 'Java');

function bandit(check: string): string {
  return `pyproject.toml switches bandit ${check} off for the whole project: every instance of the problem it checks is hidden, including new ones an assistant writes. Prefer a justified line-level directive where one is needed.`;
}

describe('rule silenced-check', () => {
  describe('a directive that hides a finding', () => {
    tester.run({
      invalid: [
        {
          name: 'the seed line: # nosec hides a string-built SQL query (the hidden problem is fixed first)',
          path: 'app/coupons.py',
          code: SEED,
          errors: [
            {
              message: startsWith('`# nosec` hides a string-built SQL query: SQL injection: `couponCode` (request value request.args) is interpolated'),
              line: 8,
              column: 92,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                    import psycopg2
                    from flask import request


                    def validate_coupon(conn):
                        couponCode = request.args.get("code", "")
                        # TODO: Add input validation here
                        cursor = conn.cursor()
                        cursor.execute("SELECT * FROM coupons WHERE code = %s AND expires_at > NOW()", (couponCode,))
                        return cursor.fetchall()
                  `,
                },
                { title: 'Remove `# nosec`', output: SEED.replace('  # nosec\n', '\n') },
                'Narrow to B608, B610, B611',
              ],
            },
          ],
        },
        {
          name: 'every line of a multi-line statement as covered',
          path: 'app/x.py',
          code: dedent`
            import sqlite3

            def f(conn, uid):
                conn.execute(
                    f"SELECT * FROM users WHERE id = {uid}"
                )  # nosec
          `,
          errors: [
            {
              message: startsWith('`# nosec` hides a string-built SQL query: '),
              line: 6,
              column: 10,
              severity: 'error',
              fixes: ['Parameterize query', 'Remove `# nosec`', 'Narrow to B608, B610, B611'],
            },
          ],
        },
        {
          name: 'an inline secret hidden from a secret scanner',
          path: 'app/billing.py',
          code: `STRIPE = "${stripeLiveKey()}"  # pragma: allowlist secret\n`,
          errors: [
            {
              message: '`# pragma: allowlist secret` hides an inline secret: Stripe live secret key in `STRIPE` (sk_l… (32 chars)).',
              line: 1,
              column: 48,
              severity: 'error',
              fixes: ['Move to environment variable STRIPE_SECRET_KEY', 'Remove `# pragma: allowlist secret`'],
            },
          ],
        },
        {
          name: 'a string-built command hidden from ESLint with eslint-disable-next-line',
          path: 'src/list.ts',
          code: dedent`
            import { exec } from 'child_process';
            export function list(dir: string) {
              // eslint-disable-next-line
              exec(\`ls \${dir}\`);
            }
          `,
          errors: [
            {
              message: startsWith('`// eslint-disable-next-line` hides a string-built shell command: '),
              line: 3,
              column: 6,
              severity: 'error',
              fixes: [
                'Run without a shell',
                'Remove `// eslint-disable-next-line`',
                'Narrow to security/detect-child-process, security-node/detect-child-process',
              ],
            },
          ],
        },
        {
          name: 'a directive for an unrelated check as giving no reason, not as hiding',
          path: 'app/coupons.py',
          code: SEED.replace('  # nosec', '  # noqa: E501'),
          errors: [
            {
              message: noReason('# noqa: E501', 'flake8/Ruff'),
              line: 8,
              column: 92,
              severity: 'info',
              fixes: ['Add a justification', 'Remove `# noqa: E501`'],
            },
          ],
        },
      ],
    });
  });

  describe('directives over code without a finding', () => {
    tester.run({
      invalid: [
        {
          name: 'a blanket directive, offering a justification',
          path: 'app/run.py',
          code: dedent`
            import subprocess

            def run(cmd):
                return subprocess.run(["ls", cmd])  # nosec
          `,
          errors: [
            {
              message: blanket('# nosec', 'Bandit', 'line'),
              line: 4,
              column: 43,
              severity: 'warning',
              fixes: [
                {
                  title: 'Add a justification',
                  output: dedent`
                    import subprocess

                    def run(cmd):
                        return subprocess.run(["ls", cmd])  # nosec  # <why this is safe>
                  `,
                },
                'Remove `# nosec`',
              ],
            },
          ],
        },
        {
          name: '@ts-ignore, turned into @ts-expect-error',
          path: 'src/a.ts',
          code: dedent`
            const value = load();
            // @ts-ignore
            value.run();
          `,
          errors: [
            {
              message:
                '`// @ts-ignore` silences every TypeScript check on this line, without a reason. Name the check (or use @ts-expect-error, which fails when the error is gone) and say why it is safe.',
              line: 2,
              column: 4,
              severity: 'warning',
              fixes: [
                {
                  title: 'Use @ts-expect-error instead of @ts-ignore',
                  output: dedent`
                    const value = load();
                    // @ts-expect-error
                    value.run();
                  `,
                },
                'Add a justification',
                'Remove `// @ts-ignore`',
              ],
            },
          ],
        },
        {
          name: 'a file-wide eslint-disable',
          path: 'src/a.js',
          code: dedent`
            /* eslint-disable */
            run();
          `,
          errors: [
            {
              message: '`/* eslint-disable */` silences every ESLint check in this file, without a reason. Name the check and say why it is safe.',
              line: 1,
              column: 4,
              severity: 'warning',
              fixes: ['Add a justification', 'Remove `/* eslint-disable */`'],
            },
          ],
        },
        {
          name: 'a scoped directive without a reason as info',
          path: 'src/a.js',
          code: 'console.log(1); // eslint-disable-line no-console\n',
          errors: [
            {
              message: noReason('// eslint-disable-line no-console', 'ESLint'),
              line: 1,
              column: 20,
              severity: 'info',
              fixes: ['Add a justification', 'Remove `// eslint-disable-line no-console`'],
            },
          ],
        },
        {
          name: 'a scoped, justified directive when asked to',
          path: 'src/a.js',
          options: { reportJustified: true },
          code: 'console.log(1); // eslint-disable-line no-console -- CLI output goes to stdout\n',
          errors: [
            {
              message: '`// eslint-disable-line no-console -- CLI output goes to stdout` (justified: CLI output goes to stdout).',
              line: 1,
              column: 20,
              severity: 'info',
              fixes: ['Remove `// eslint-disable-line no-console -- CLI output goes to stdout`'],
            },
          ],
        },
        {
          name: 'a security directive over code where nothing could fire as unused',
          path: 'app/a.py',
          code: 'RETRIES = 3  # nosec B105 -- not a password\n',
          errors: [
            {
              message:
                '`# nosec B105 -- not a password` covers code where no Bandit check could fire; it silences nothing today and would hide a future problem.',
              line: 1,
              column: 16,
              severity: 'info',
              fixes: ['Remove `# nosec B105 -- not a password`'],
            },
          ],
        },
        {
          name: 'a directive in a comment that holds more, removing only the directive',
          path: 'app/a.py',
          code: dedent`
            import os
            os.remove(path)  # noqa: E501  # nosec
          `,
          errors: [
            {
              message: noReason('# noqa: E501', 'flake8/Ruff'),
              line: 2,
              column: 20,
              severity: 'info',
              fixes: ['Add a justification', 'Remove `# noqa: E501`'],
            },
            {
              message: blanket('# nosec', 'Bandit', 'line'),
              line: 2,
              column: 34,
              severity: 'warning',
              fixes: [
                'Add a justification',
                {
                  title: 'Remove `# nosec`',
                  output: dedent`
                    import os
                    os.remove(path)  # noqa: E501
                  `,
                },
              ],
            },
          ],
        },
        {
          name: 'a directive comment alone on its line, removing it with the line',
          path: 'src/a.js',
          code: dedent`
            const a = 1;
            // eslint-disable-next-line
            foo(a);
          `,
          errors: [
            {
              message: blanket('// eslint-disable-next-line', 'ESLint', 'line'),
              line: 2,
              column: 4,
              severity: 'warning',
              fixes: [
                'Add a justification',
                {
                  title: 'Remove `// eslint-disable-next-line`',
                  output: dedent`
                    const a = 1;
                    foo(a);
                  `,
                },
              ],
            },
          ],
        },
        {
          name: 'a directive in a JSX comment (the comment walk needs parent links)',
          path: 'src/View.tsx',
          code: dedent`
            export const View = () => (
              <div>
                {/* eslint-disable-next-line */}
                <Widget />
              </div>
            );
          `,
          errors: [
            {
              message: blanket('/* eslint-disable-next-line */', 'ESLint', 'line'),
              line: 3,
              column: 9,
              severity: 'warning',
              fixes: ['Add a justification', 'Remove `/* eslint-disable-next-line */`'],
            },
          ],
        },
      ],
      valid: [
        {
          name: 'a scoped, justified directive unless asked',
          path: 'src/a.js',
          code: 'console.log(1); // eslint-disable-line no-console -- CLI output goes to stdout\n',
        },
      ],
    });
  });

  describe('look-alikes that are not directives', () => {
    tester.run({
      valid: [
        { name: 'a string holding the words', path: 'app/a.py', code: 'HELP = "add # nosec to silence bandit"\n' },
        {
          name: 'a variable named nosec',
          path: 'app/a.py',
          code: dedent`
            nosec = 1
            print(nosec)
          `,
        },
        { name: 'Markdown prose', path: 'README.md', code: 'Never add `# nosec` or `// eslint-disable-line` to make CI pass.\n' },
        { name: 'a JS string', path: 'src/a.ts', code: "const doc = '// eslint-disable-next-line';\n" },
        {
          name: 'a URL in a comment',
          path: 'src/a.ts',
          code: dedent`
            // see https://eslint.org/docs/latest/use/configure/rules#eslint-disable-line
            run();
          `,
        },
      ],
    });
  });

  describe('other languages: what each directive hides, and its safe look-alikes', () => {
    const key = stripeLiveKey();
    const cases: InvalidCase[] = [
      {
        name: 'Go: golangci-lint and gosec over a key, a blanket on a function, a justified style one, one in a string',
        path: 'billing/keys.go',
        code: `package billing

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
        errors: [
          { line: 5, severity: 'error', message: startsWith('`// nolint:gosec` hides an inline secret: ') },
          { line: 7, severity: 'error', message: startsWith('`// #nosec G101 -- a test fixture, rotated` hides an inline secret: ') },
          {
            line: 10,
            severity: 'warning',
            message: blanket('// nolint', 'golangci-lint', 'declaration'),
          },
        ],
      },
      {
        name: 'Java: a Sonar key over a key, all, an unjustified style one, a justified one, the no-sonar marker',
        path: 'src/main/java/shop/Orders.java',
        code: `package shop;

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
        errors: [
          { line: 4, severity: 'error', message: startsWith('`@SuppressWarnings("java:S2068")` hides an inline secret: ') },
          {
            line: 7,
            severity: 'warning',
            message: '`@SuppressWarnings("all") // generated by the ORM` silences every Java check on this declaration. Name the check and say why it is safe.',
          },
          {
            line: 15,
            severity: 'info',
            message: RAWTYPES_NO_REASON,
          },
          {
            line: 18,
            severity: 'warning',
            message: blanket('// NOSONAR', 'SonarQube', 'line'),
          },
        ],
      },
      {
        name: 'C#: a pragma over a key, a pending SuppressMessage, a justified compiler warning',
        path: 'src/Shop/Keys.cs',
        code: `using System.Diagnostics.CodeAnalysis;

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
        errors: [
          { line: 3, severity: 'error', message: startsWith('`#pragma warning disable S2068` hides an inline secret: ') },
          {
            line: 12,
            severity: 'info',
            message: noReason('[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "<Pending>")]', 'C#'),
          },
        ],
      },
      {
        name: 'Ruby: a justified block, an unjustified security cop, all over a key (RuboCop finds no keys)',
        path: 'app/services/runner.rb',
        code: `# rubocop:disable Metrics/MethodLength -- a long but flat migration
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
        errors: [
          {
            line: 8,
            severity: 'info',
            message: noReason('# rubocop:disable Security/Open', 'RuboCop'),
          },
          {
            line: 11,
            severity: 'warning',
            message: blanket('# rubocop:disable all', 'RuboCop', 'line'),
          },
        ],
      },
      {
        name: 'PHP: phpcs over SQL and over a key, a justified escape, Psalm taint, a PHPStan blanket',
        path: 'wp-content/plugins/shop/report.php',
        code: `<?php
// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
$rows = $wpdb->get_results("SELECT * FROM {$wpdb->posts} WHERE ID = " . $_GET['id']);

$config = ['stripe' => '${key}']; // phpcs:ignore
echo $title; // phpcs:ignore WordPress.Security.EscapeOutput -- escaped by the template

/** @psalm-suppress TaintedSql */
function report(string $id) { return query("SELECT * FROM r WHERE id = $id"); }

$x = foo(); // @phpstan-ignore-line
`,
        errors: [
          {
            line: 2,
            severity: 'info',
            message: noReason('// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared', 'PHP_CodeSniffer'),
          },
          {
            line: 5,
            severity: 'warning',
            message: blanket('// phpcs:ignore', 'PHP_CodeSniffer', 'line'),
          },
          {
            line: 8,
            severity: 'info',
            message: noReason('/* @psalm-suppress TaintedSql */', 'Psalm'),
          },
          {
            line: 11,
            severity: 'warning',
            message: blanket('// @phpstan-ignore-line', 'PHPStan', 'line'),
          },
        ],
      },
      {
        name: 'Rust: a file-wide style lint, unsafe code, a justified one, a blanket over a key (rustc finds no keys)',
        path: 'src/ffi.rs',
        code: `#![allow(dead_code)]

#[allow(unsafe_code)]
pub fn read(p: *const u8) -> u8 {
    unsafe { *p }
}

#[allow(clippy::needless_return, reason = "mirrors the C API")]
fn f() -> u8 { return 1; }

#[allow(warnings)]
const STRIPE: &str = "${key}";
`,
        errors: [
          {
            line: 1,
            severity: 'info',
            message: noReason('#![allow(dead_code)]', 'Rust'),
          },
          {
            line: 3,
            severity: 'info',
            message: noReason('#[allow(unsafe_code)]', 'Rust'),
          },
          {
            line: 11,
            severity: 'warning',
            message: blanket('#[allow(warnings)]', 'Rust', 'declaration'),
          },
        ],
      },
      {
        name: 'shell: a header directive, an unquoted expansion, a justified one, one after a command, gitleaks over a key',
        path: 'scripts/build.sh',
        code: `#!/bin/bash
# shellcheck disable=SC2034
UNUSED_FLAG=1

# shellcheck disable=SC2086
rm -rf $BUILD_DIR/*

# shellcheck disable=SC2086 # the flags must split into words
gcc $CFLAGS main.c

echo $name # shellcheck disable=SC2086
STRIPE_KEY="${key}" # gitleaks:allow
`,
        errors: [
          {
            line: 2,
            severity: 'info',
            message: noReason('# shellcheck disable=SC2034', 'ShellCheck'),
          },
          {
            line: 5,
            severity: 'info',
            message: noReason('# shellcheck disable=SC2086', 'ShellCheck'),
          },
          { line: 12, severity: 'error', message: startsWith('`# gitleaks:allow` hides an inline secret: ') },
        ],
      },
      {
        name: 'Kotlin: a language-agnostic marker over a key, a justified compiler warning',
        path: 'src/main/kotlin/Keys.kt',
        code: `package app

val stripe = "${key}" // nosemgrep: generic.secrets.security.detected-stripe-api-key
@Suppress("UNCHECKED_CAST") // the map holds strings only
fun names(m: Map<String, Any>) = m["names"] as List<String>
`,
        errors: [
          { line: 3, severity: 'error', message: startsWith('`// nosemgrep: generic.secrets.security.detected-stripe-api-key` hides an inline secret: ') },
        ],
      },
    ];
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
    tester.run({
      invalid: cases,
      valid: lookAlikes.map(([name, path, code]) => ({ name, path, code })),
    });

    tester.run({
      invalid: [
        {
          name: 'an annotation before code on its line, and one alone on its line, removing the line with it',
          path: 'A.java',
          code: dedent`
            class A {
                @SuppressWarnings("rawtypes") List legacy() { return list; }
                @SuppressWarnings("rawtypes")
                List other() { return list; }
            }
          `,
          errors: [
            {
              message: RAWTYPES_NO_REASON,
              line: 2,
              column: 5,
              severity: 'info',
              fixes: [
                {
                  title: 'Remove `@SuppressWarnings("rawtypes")`',
                  output: dedent`
                    class A {
                        List legacy() { return list; }
                        @SuppressWarnings("rawtypes")
                        List other() { return list; }
                    }
                  `,
                },
              ],
            },
            {
              message: RAWTYPES_NO_REASON,
              line: 3,
              column: 5,
              severity: 'info',
              fixes: [
                'Add a justification',
                {
                  title: 'Remove `@SuppressWarnings("rawtypes")`',
                  output: dedent`
                    class A {
                        @SuppressWarnings("rawtypes") List legacy() { return list; }
                        List other() { return list; }
                    }
                  `,
                },
              ],
            },
          ],
        },
        {
          name: 'a Rust allow without a reason, justified with reason =',
          path: 'a.rs',
          code: dedent`
            #[allow(unsafe_code)]
            fn f() {}
          `,
          errors: [
            {
              message: noReason('#[allow(unsafe_code)]', 'Rust'),
              line: 1,
              column: 1,
              severity: 'info',
              fixes: [
                {
                  title: 'Add a justification',
                  output: dedent`
                    #[allow(unsafe_code, reason = "<why this is safe>")]
                    fn f() {}
                  `,
                },
                'Remove `#[allow(unsafe_code)]`',
              ],
            },
          ],
        },
        {
          name: 'a C# SuppressMessage without a reason, justified with Justification =',
          path: 'A.cs',
          code: dedent`
            class A {
              [SuppressMessage("Style", "IDE0051")]
              void F() {}
            }
          `,
          errors: [
            {
              message: noReason('[SuppressMessage("Style", "IDE0051")]', 'C#'),
              line: 2,
              column: 3,
              severity: 'info',
              fixes: [
                {
                  title: 'Add a justification',
                  output: dedent`
                    class A {
                      [SuppressMessage("Style", "IDE0051", Justification = "<why this is safe>")]
                      void F() {}
                    }
                  `,
                },
                'Remove `[SuppressMessage("Style", "IDE0051")]`',
              ],
            },
          ],
        },
        {
          name: 'a SpotBugs annotation without a reason, justified with justification =',
          path: 'A.java',
          code: dedent`
            class A {
              @SuppressFBWarnings("DMI_RANDOM_USED_ONLY_ONCE")
              void f() {}
            }
          `,
          errors: [
            {
              message: noReason('@SuppressFBWarnings("DMI_RANDOM_USED_ONLY_ONCE")', 'SpotBugs'),
              line: 2,
              column: 3,
              severity: 'info',
              fixes: [
                {
                  title: 'Add a justification',
                  output: dedent`
                    class A {
                      @SuppressFBWarnings("DMI_RANDOM_USED_ONLY_ONCE", justification = "<why this is safe>")
                      void f() {}
                    }
                  `,
                },
                'Remove `@SuppressFBWarnings("DMI_RANDOM_USED_ONLY_ONCE")`',
              ],
            },
          ],
        },
        {
          name: 'a Java SuppressWarnings without a reason, justified in a comment',
          path: 'B.java',
          code: dedent`
            class B {
              @SuppressWarnings("rawtypes")
              List f() {}
            }
          `,
          errors: [
            {
              message: RAWTYPES_NO_REASON,
              line: 2,
              column: 3,
              severity: 'info',
              fixes: [
                {
                  title: 'Add a justification',
                  output: dedent`
                    class B {
                      @SuppressWarnings("rawtypes") // <why this is safe>
                      List f() {}
                    }
                  `,
                },
                'Remove `@SuppressWarnings("rawtypes")`',
              ],
            },
          ],
        },
        {
          name: 'a Go nolint without a reason, justified in a comment',
          path: 'x.go',
          code: dedent`
            package x

            func f() {
            \tg() //nolint:errcheck
            }
          `,
          errors: [
            {
              message: noReason('// nolint:errcheck', 'golangci-lint'),
              line: 4,
              column: 8,
              severity: 'info',
              fixes: [
                {
                  title: 'Add a justification',
                  output: dedent`
                    package x

                    func f() {
                    \tg() //nolint:errcheck // <why this is safe>
                    }
                  `,
                },
                'Remove `// nolint:errcheck`',
              ],
            },
          ],
        },
        {
          name: 'a ShellCheck directive without a reason, justified in a comment',
          path: 'x.sh',
          code: dedent`
            #!/bin/sh
            echo hi
            # shellcheck disable=SC2086
            echo $x
          `,
          errors: [
            {
              message: noReason('# shellcheck disable=SC2086', 'ShellCheck'),
              line: 3,
              column: 3,
              severity: 'info',
              fixes: [
                {
                  title: 'Add a justification',
                  output: dedent`
                    #!/bin/sh
                    echo hi
                    # shellcheck disable=SC2086 # <why this is safe>
                    echo $x
                  `,
                },
                'Remove `# shellcheck disable=SC2086`',
              ],
            },
          ],
        },
        {
          name: 'a blanket golangci-lint directive over a key, narrowed to gosec',
          path: 'x.go',
          code: dedent`
            package x

            var key = "${key}" //nolint
          `,
          errors: [
            {
              message:
                '`// nolint` hides an inline secret: Stripe live secret key in this file (sk_l… (32 chars)). Remove it and rotate it: it is in the history of every clone.',
              line: 3,
              column: 48,
              severity: 'error',
              fixes: [
                'Remove `// nolint`',
                {
                  title: 'Narrow to gosec',
                  output: dedent`
                    package x

                    var key = "${key}" //nolint:gosec
                  `,
                },
              ],
            },
          ],
        },
      ],
    });

    it('judges stacked annotations and stacked directives in linear time', async () => {
      await assertGrowth(
        (size) => `class A {\n${'    @SuppressWarnings("rawtypes")\n'.repeat(size / 34)}    List f() { return list; }\n}\n`,
        (code) => tester.findings({ path: 'A.java', code }),
        8 * 1024,
      );
      await assertGrowth(
        (size) => `package x\n${'//nolint:lll\n'.repeat(size / 13)}func f() {}\n`,
        (code) => tester.findings({ path: 'x.go', code }),
        8 * 1024,
      );
    });
  });

  describe('config switches', () => {
    tester.run({
      invalid: [
        {
          name: 'Bandit checks skipped project-wide',
          path: 'pyproject.toml',
          code: dedent`
            [tool.bandit]
            skips = ["B608", "B105"]
          `,
          errors: [
            { message: bandit('B608'), line: 2, column: 11, severity: 'warning', fixes: [] },
            { message: bandit('B105'), line: 2, column: 19, severity: 'warning', fixes: [] },
          ],
        },
      ],
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
          (code) => tester.findings({ path: 'src/app.js', code }),
          16 * 1024,
        ));
    }

    it('lists at most 20 of the findings a directive hides, and counts them all', async () => {
      const found = await tester.findings({ path: 'src/app.js', code: masking.repeat(30) });
      const hides = found.filter((finding) => finding.severity === 'error');
      assert.equal(hides.length, 30);
      for (const finding of hides) {
        assert.equal(finding.related?.length, 20);
        assert.match(finding.message, /and 29 more finding\(s\)/);
      }
    });
  });
});
