// The Python analysis behind string-built-query / string-built-command, end to end through the
// engine: which sinks and building forms are found, which look-alikes are not, severity from
// taint, identifier/fragment holes, and the exact text of every fix (or why none is offered).
import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../src/core/edits';
import { mayHoldSink } from '../../src/core/queries/python/sinks';
import stringBuiltCommand from '../../src/core/rules/string-built-command';
import stringBuiltQuery from '../../src/core/rules/string-built-query';
import type { Finding, Fix } from '../../src/core/types';
import { dedent, RuleTester, startsWith, textOf } from './rule-tester';

// The real rules, so every case also goes through their pre-filters (a gate that drops a file
// the analyzer would report is a recall bug, and these tables catch it).
const sql = new RuleTester({ rules: [stringBuiltQuery], path: 'app/x.py' });
const shell = new RuleTester({ rules: [stringBuiltCommand], path: 'app/x.py' });
const testers = { sql, shell };

function fixOf(finding: Finding): Fix {
  assert.equal(finding.fixes.length, 1, `expected one fix; message: ${finding.message}`);
  return finding.fixes[0];
}

/** The text after the one fix of the one finding (an unsafe fix: --fix leaves it to the user). */
async function fixed(code: string, tester = sql): Promise<string> {
  const fix = fixOf(await tester.only({ code }));
  assert.equal(fix.safe, false);
  return applyTextEdits(code, fix.edits);
}

const SEED = (driver: string) => `import ${driver}
from flask import Flask, request

app = Flask(__name__)
conn = ${driver}.connect("shop.db")


@app.route("/coupon")
def validate_coupon():
    couponCode = request.args.get("code", "")
    # TODO: Add input validation here
    query = f"SELECT * FROM coupons WHERE code = '{couponCode}' AND expires_at > NOW()"  # nosec
    cursor = conn.cursor()
    cursor.execute(query)
    return cursor.fetchone()
`;

const SEED_FIXED = (driver: string, placeholder: string) => `import ${driver}
from flask import Flask, request

app = Flask(__name__)
conn = ${driver}.connect("shop.db")


@app.route("/coupon")
def validate_coupon():
    couponCode = request.args.get("code", "")
    # TODO: Add input validation here
    cursor = conn.cursor()
    cursor.execute("SELECT * FROM coupons WHERE code = ${placeholder} AND expires_at > NOW()", (couponCode,))
    return cursor.fetchone()
`;

describe('Python string-built queries and commands', () => {
  it('finds a query whose FROM starts the next implicitly concatenated literal', async () => {
    const text = dedent`
        import sqlite3

        def find(conn, uid):
            query = ("SELECT id, name "
                     "FROM users WHERE id = " + uid)
            return conn.execute(query)
      `;
    const [finding] = await sql.findings({ code: text });
    assert.ok(finding, 'the rule gate must let this file through');
    assert.equal(finding.severity, 'error');
  });

  describe('the seed case (coupon code interpolated, silenced with # nosec)', () => {
    for (const [driver, placeholder] of [
      ['psycopg2', '%s'],
      ['sqlite3', '?'],
    ] as const) {
      it(`reports one error at cursor.execute(query) and parameterizes it for ${driver}`, async () => {
        const text = SEED(driver);
        const finding = await sql.only({ code: text });
        assert.equal(finding.severity, 'error');
        assert.equal(finding.category, 'string-built-query');
        assert.equal(textOf(text, finding.range), 'cursor.execute(query)');
        assert.match(finding.message, /`couponCode` \(request value request\.args\)/);
        const fString = `f"SELECT * FROM coupons WHERE code = '{couponCode}' AND expires_at > NOW()"`;
        const related = finding.related ?? [];
        assert.ok(
          related.some(
            (location) =>
              location.range.start.line === 11 && text.split('\n')[11].slice(location.range.start.character, location.range.end.character) === fString,
          ),
          JSON.stringify(related),
        );
        assert.ok(related.some((location) => /`couponCode` comes from request value request\.args/.test(location.message)));
        const fix = fixOf(finding);
        assert.equal(fix.title, 'Parameterize query');
        assert.equal(applyTextEdits(text, fix.edits), SEED_FIXED(driver, placeholder));
      });
    }
  });

  describe('building forms', () => {
    sql.run({
      invalid: [
        {
          name: 'f-string in the call',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute(f"SELECT * FROM users WHERE id = {uid}")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `cursor.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3


                def handler(uid, name):
                    cursor.execute("SELECT * FROM users WHERE id = ?", (uid,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: '% with a tuple',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE name = '%s' AND id = %s" % (name, uid))
          `,
          errors: [
            {
              message: startsWith(
                'SQL injection: `name` (parameter name) and `uid` (parameter uid) are interpolated into the SQL passed to `cursor.execute()`',
              ),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3


                def handler(uid, name):
                    cursor.execute("SELECT * FROM users WHERE name = ? AND id = ?", (name, uid))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: '% with one value',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)
          `,
          errors: [
            {
              message: startsWith('SQL injection: `name` (parameter name) is interpolated into the SQL passed to `cursor.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3


                def handler(uid, name):
                    cursor.execute("SELECT * FROM users WHERE name = ?", (name,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: '%(name)s with a dict',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE name = '%(n)s' AND id = %(i)s" % {"n": name, "i": uid})
          `,
          errors: [
            {
              message: startsWith(
                'SQL injection: `name` (parameter name) and `uid` (parameter uid) are interpolated into the SQL passed to `cursor.execute()`',
              ),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3


                def handler(uid, name):
                    cursor.execute("SELECT * FROM users WHERE name = ? AND id = ?", (name, uid))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: '.format() with {}',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE name = '{}' AND id = {}".format(name, uid))
          `,
          errors: [
            {
              message: startsWith(
                'SQL injection: `name` (parameter name) and `uid` (parameter uid) are interpolated into the SQL passed to `cursor.execute()`',
              ),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3


                def handler(uid, name):
                    cursor.execute("SELECT * FROM users WHERE name = ? AND id = ?", (name, uid))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: '.format() with {1} {0}',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE name = '{1}' AND id = {0}".format(uid, name))
          `,
          errors: [
            {
              message: startsWith(
                'SQL injection: `name` (parameter name) and `uid` (parameter uid) are interpolated into the SQL passed to `cursor.execute()`',
              ),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3


                def handler(uid, name):
                    cursor.execute("SELECT * FROM users WHERE name = ? AND id = ?", (name, uid))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: '.format() with named fields',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE name = '{n}'".format(n=name))
          `,
          errors: [
            {
              message: startsWith('SQL injection: `name` (parameter name) is interpolated into the SQL passed to `cursor.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3


                def handler(uid, name):
                    cursor.execute("SELECT * FROM users WHERE name = ?", (name,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: '+ concatenation',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE id = " + uid)
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `cursor.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3


                def handler(uid, name):
                    cursor.execute("SELECT * FROM users WHERE id = ?", (uid,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: '+= across lines through a local variable',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                q = "SELECT * FROM users"
                q += " WHERE id = " + uid
                cursor.execute(q)
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `cursor.execute()`'),
              line: 7,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3


                def handler(uid, name):
                    cursor.execute("SELECT * FROM users WHERE id = ?", (uid,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: '" ".join([...]) of built parts',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute(" ".join(["SELECT * FROM users WHERE name =", "'" + name + "'"]))
          `,
          errors: [
            {
              message: startsWith('SQL injection: `name` (parameter name) is interpolated into the SQL passed to `cursor.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3


                def handler(uid, name):
                    cursor.execute("SELECT * FROM users WHERE name = ?", (name,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'an f-string through a variable into a with block',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                sql = f"DELETE FROM sessions WHERE user_id = {uid}"
                with conn:
                    conn.execute(sql)
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `conn.execute()`'),
              line: 7,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3


                def handler(uid, name):
                    with conn:
                        conn.execute("DELETE FROM sessions WHERE user_id = ?", (uid,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
      ],
    });

    it('a plain string after an f-string is constant (no interpolation in it)', async () => {
      assert.deepEqual(
        await sql.findings({
          code: dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute(f"SELECT * FROM users " "WHERE id = {uid}")
      `,
        }),
        [],
      );
    });

    it('" ".join(parts) of a local list: a finding without a fix', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            parts = ["SELECT * FROM users"]
            parts.append("WHERE id = " + uid)
            cursor.execute(" ".join(parts))
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /assembled through other variables/);
      assert.deepEqual(finding.fixes, []);
    });

    it('a multi-line triple-quoted query stays triple-quoted', async () => {
      const text = dedent`
        import psycopg2


        def handler(uid, name):
            query = f"""
                SELECT *
                FROM users
                WHERE name = '{name}'
            """
            cursor.execute(query)
      `;
      assert.equal(
        await fixed(text),
        dedent`
        import psycopg2


        def handler(uid, name):
            cursor.execute("""
                SELECT *
                FROM users
                WHERE name = %s
            """, (name,))
      `,
      );
    });

    it('a variable used elsewhere too is rewritten in place, the params go to the sink', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            query = f"SELECT * FROM users WHERE id = {uid}"
            log.info(query)
            cursor.execute(query)
      `;
      assert.equal(
        await fixed(text),
        dedent`
        import sqlite3


        def handler(uid, name):
            query = "SELECT * FROM users WHERE id = ?"
            log.info(query)
            cursor.execute(query, (uid,))
      `,
      );
    });

    it('a module constant is constant: only the value is a hole (no fix: the constant would be inlined)', async () => {
      const text = dedent`
        import sqlite3
        TABLE = "users"


        def get(uid):
            cursor.execute(f"SELECT * FROM {TABLE} WHERE id = {uid}")
      `;
      const finding = await sql.only({ code: text });
      assert.match(finding.message, /^SQL injection: `uid` \(parameter uid\) is interpolated/);
      assert.deepEqual(finding.fixes, []);
    });

    it('a local constant never reassigned is constant', async () => {
      assert.deepEqual(
        await sql.findings({
          code: dedent`
        import sqlite3


        def handler(uid, name):
            table = "users"
            cursor.execute(f"SELECT * FROM {table}")
      `,
        }),
        [],
      );
    });

    it('a variable assigned in two branches: each candidate is analysed, no fix', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            if uid:
                q = f"SELECT * FROM users WHERE id = {uid}"
            else:
                q = f"SELECT * FROM users WHERE name = '{name}'"
            cursor.execute(q)
      `;
      const finding = await sql.only({ code: text });
      assert.match(finding.message, /`uid` \(parameter uid\) and `name` \(parameter name\)/);
      assert.match(finding.message, /differs per branch/);
      assert.deepEqual(finding.fixes, []);
    });

    it('a conditional += is included (conservative), without a fix', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            q = "SELECT * FROM users WHERE active = 1"
            if name:
                q += f" AND name = '{name}'"
            cursor.execute(q)
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /branches or loops/);
      assert.deepEqual(finding.fixes, []);
    });
  });

  describe('reading strings and flows', () => {
    it('a single-line literal with an escaped line break stays single-line', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute("SELECT * FROM users\\nWHERE id = " + uid)
      `;
      assert.equal(
        await fixed(text),
        dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute("SELECT * FROM users\\nWHERE id = ?", (uid,))
      `,
      );
    });

    it('a raw string keeps its backslashes as text', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute(rf"SELECT * FROM files WHERE path = 'C:\\tmp' AND id = {uid}")
      `;
      assert.equal(
        await fixed(text),
        dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute("SELECT * FROM files WHERE path = 'C:\\\\tmp' AND id = ?", (uid,))
      `,
      );
    });

    it('a loop appending conditions: the column is an identifier, the value a value', async () => {
      const text = dedent`
        import sqlite3


        def search(filters):
            q = "SELECT * FROM users WHERE 1 = 1"
            for column, value in filters.items():
                q += f" AND {column} = '{value}'"
            cursor.execute(q)
      `;
      const found = await sql.findings({ code: text });
      assert.equal(found.length, 2, JSON.stringify(found.map((finding) => finding.message)));
      assert.ok(found.every((finding) => finding.severity === 'error' && finding.fixes.length === 0));
      assert.ok(found.some((finding) => /^SQL injection: `value` \(parameter filters\) is interpolated/.test(finding.message)));
      assert.ok(found.some((finding) => /^`column` \(parameter filters\) is interpolated into the SQL .* as a table or column name/.test(finding.message)));
    });

    it('a condition built in another variable is read through it (value, not fragment), without a fix', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            where = f"id = {uid}"
            cursor.execute(f"SELECT * FROM users WHERE {where}")
      `;
      const finding = await sql.only({ code: text });
      assert.match(finding.message, /^SQL injection: `uid` \(parameter uid\)/);
      assert.deepEqual(finding.fixes, []);
      assert.equal(finding.related?.filter((location) => location.message === 'SQL built here').length, 2);
    });

    it('every building site is a related location', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            q = "SELECT * FROM users"
            q += " WHERE id = " + uid
            cursor.execute(q)
      `;
      const sites = ((await sql.only({ code: text })).related ?? []).filter((location) => / here$/.test(location.message));
      assert.deepEqual(
        sites.map((location) => [location.message, location.range.start.line]),
        [
          ['SQL built here', 4],
          ['appended here', 5],
        ],
      );
    });

    it('textwrap.dedent(): read through, no fix', async () => {
      const text = dedent`
        import sqlite3
        import textwrap


        def handler(uid, name):
            cursor.execute(textwrap.dedent(f"""
                SELECT * FROM users WHERE id = {uid}
            """))
      `;
      assert.deepEqual((await sql.only({ code: text })).fixes, []);
    });

    it('.format(**values): the fields are findings without a fix', async () => {
      const finding = await sql.only({
        code: dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute("SELECT * FROM users WHERE name = '{name}'".format(**uid))
      `,
      });
      assert.match(finding.message, /some values are passed as a whole sequence or mapping/);
    });

    it("a closure sees the enclosing function's parameters as tainted", async () => {
      const text = dedent`
        import sqlite3


        def outer(code):
            def inner():
                cursor.execute(f"SELECT * FROM coupons WHERE code = '{code}'")
            return inner
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /`code` \(parameter code\)/);
    });

    it('a %-template held in a module constant: found, no fix (the constant would be inlined)', async () => {
      const text = dedent`
        import sqlite3
        QUERY = "SELECT * FROM users WHERE name = '%s'"


        def find(name):
            cursor.execute(QUERY % name)
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.fixes, []);
    });

    it('CRLF line endings and non-ASCII text before the sink', async () => {
      const text = dedent`
        import sqlite3
        # Größe – ☃

        def f(uid):
            q = f"SELECT * FROM users WHERE id = {uid}"  # nosec
            cursor.execute(q)
      `.replace(/\n/g, '\r\n');
      assert.equal(
        await fixed(text),
        dedent`
        import sqlite3
        # Größe – ☃

        def f(uid):
            cursor.execute("SELECT * FROM users WHERE id = ?", (uid,))
      `.replace(/\n/g, '\r\n'),
      );
    });
  });

  describe('sinks and driver styles', () => {
    sql.run({
      invalid: [
        {
          name: 'sqlite3 connection.execute',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                conn.execute(f"UPDATE users SET name = '{name}' WHERE id = {uid}")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `name` (parameter name) and `uid` (parameter uid) are interpolated into the SQL passed to `conn.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3


                def handler(uid, name):
                    conn.execute("UPDATE users SET name = ? WHERE id = ?", (name, uid))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'psycopg (3)',
          code: dedent`
            import psycopg


            def handler(uid, name):
                cur.execute(f"INSERT INTO users (name) VALUES ('{name}')")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `name` (parameter name) is interpolated into the SQL passed to `cur.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import psycopg


                def handler(uid, name):
                    cur.execute("INSERT INTO users (name) VALUES (%s)", (name,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'PyMySQL',
          code: dedent`
            import pymysql


            def handler(uid, name):
                cur.execute("SELECT * FROM users WHERE id = %s" % uid)
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `cur.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import pymysql


                def handler(uid, name):
                    cur.execute("SELECT * FROM users WHERE id = %s", (uid,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'MySQLdb',
          code: dedent`
            import MySQLdb


            def handler(uid, name):
                cur.execute(f"SELECT * FROM users WHERE id = {uid}")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `cur.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import MySQLdb


                def handler(uid, name):
                    cur.execute("SELECT * FROM users WHERE id = %s", (uid,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'mysql.connector',
          code: dedent`
            import mysql.connector


            def handler(uid, name):
                cur.execute(f"SELECT * FROM users WHERE id = {uid}")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `cur.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import mysql.connector


                def handler(uid, name):
                    cur.execute("SELECT * FROM users WHERE id = %s", (uid,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'pyodbc',
          code: dedent`
            import pyodbc


            def handler(uid, name):
                cur.execute(f"SELECT * FROM users WHERE id = {uid}")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `cur.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import pyodbc


                def handler(uid, name):
                    cur.execute("SELECT * FROM users WHERE id = ?", (uid,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'oracledb (named :binds with a dict)',
          code: dedent`
            import oracledb


            def handler(uid, name):
                cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `name` (parameter name) is interpolated into the SQL passed to `cur.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import oracledb


                def handler(uid, name):
                    cur.execute("SELECT * FROM users WHERE name = :name", {"name": name})
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'cx_Oracle',
          code: dedent`
            import cx_Oracle


            def handler(uid, name):
                cur.execute(f"SELECT * FROM users WHERE id = {uid}")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `cur.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import cx_Oracle


                def handler(uid, name):
                    cur.execute("SELECT * FROM users WHERE id = :uid", {"uid": uid})
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'asyncpg fetch ($n and positional arguments)',
          code: dedent`
            import asyncpg


            async def handler(uid, name):
                rows = await conn.fetch(f"SELECT * FROM users WHERE id = {uid} AND name = '{name}'")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) and `name` (parameter name) are interpolated into the SQL passed to `conn.fetch()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import asyncpg


                async def handler(uid, name):
                    rows = await conn.fetch("SELECT * FROM users WHERE id = $1 AND name = $2", uid, name)
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'asyncpg fetchrow',
          code: dedent`
            import asyncpg


            async def handler(uid, name):
                row = await conn.fetchrow(f"SELECT * FROM users WHERE id = {uid}")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `conn.fetchrow()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import asyncpg


                async def handler(uid, name):
                    row = await conn.fetchrow("SELECT * FROM users WHERE id = $1", uid)
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'asyncpg fetchval',
          code: dedent`
            import asyncpg


            async def handler(uid, name):
                n = await conn.fetchval(f"SELECT count(*) FROM users WHERE name = '{name}'")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `name` (parameter name) is interpolated into the SQL passed to `conn.fetchval()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import asyncpg


                async def handler(uid, name):
                    n = await conn.fetchval("SELECT count(*) FROM users WHERE name = $1", name)
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'asyncpg execute',
          code: dedent`
            import asyncpg


            async def handler(uid, name):
                await conn.execute(f"DELETE FROM users WHERE id = {uid}")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `conn.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import asyncpg


                async def handler(uid, name):
                    await conn.execute("DELETE FROM users WHERE id = $1", uid)
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'aiosqlite',
          code: dedent`
            import aiosqlite


            async def handler(uid, name):
                await db.execute(f"DELETE FROM users WHERE id = {uid}")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `db.execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import aiosqlite


                async def handler(uid, name):
                    await db.execute("DELETE FROM users WHERE id = ?", (uid,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'SQLAlchemy text() inside execute (:name and a dict)',
          code: dedent`
            from sqlalchemy import text


            def handler(uid, name):
                session.execute(text(f"SELECT * FROM users WHERE name = '{name}'"))
          `,
          errors: [
            {
              message: startsWith('SQL injection: `name` (parameter name) is interpolated into the SQL passed to `text()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                from sqlalchemy import text


                def handler(uid, name):
                    session.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name})
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'SQLAlchemy exec_driver_sql (the driver underneath decides)',
          code: dedent`
            import psycopg2
            import sqlalchemy


            def handler(uid, name):
                engine.connect().exec_driver_sql(f"SELECT * FROM users WHERE id = {uid}")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `engine.connect().exec_driver_sql()`'),
              line: 6,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import psycopg2
                import sqlalchemy


                def handler(uid, name):
                    engine.connect().exec_driver_sql("SELECT * FROM users WHERE id = %s", (uid,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'Django Model.objects.raw (a list)',
          code: dedent`
            from django.db import models


            def handler(uid, name):
                User.objects.raw(f"SELECT * FROM auth_user WHERE username = '{name}'")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `name` (parameter name) is interpolated into the SQL passed to `User.objects.raw()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                from django.db import models


                def handler(uid, name):
                    User.objects.raw("SELECT * FROM auth_user WHERE username = %s", [name])
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'Django connection.cursor().execute',
          code: dedent`
            from django.db import connection


            def handler(uid, name):
                connection.cursor().execute(f"SELECT * FROM auth_user WHERE id = {uid}")
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `connection.cursor().execute()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                from django.db import connection


                def handler(uid, name):
                    connection.cursor().execute("SELECT * FROM auth_user WHERE id = %s", (uid,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'Django RawSQL (merged into its params)',
          code: dedent`
            from django.db.models.expressions import RawSQL


            def handler(uid, name):
                qs = User.objects.annotate(n=RawSQL(f"SELECT count(*) FROM orders WHERE owner = '{name}'", ()))
          `,
          errors: [
            {
              message: startsWith('SQL injection: `name` (parameter name) is interpolated into the SQL passed to `RawSQL()`'),
              line: 5,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                from django.db.models.expressions import RawSQL


                def handler(uid, name):
                    qs = User.objects.annotate(n=RawSQL("SELECT count(*) FROM orders WHERE owner = %s", (name,)))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'pandas read_sql (params= keyword)',
          code: dedent`
            import sqlite3
            import pandas as pd


            def handler(uid, name):
                df = pd.read_sql(f"SELECT * FROM users WHERE id = {uid}", conn)
          `,
          errors: [
            {
              message: startsWith('SQL injection: `uid` (parameter uid) is interpolated into the SQL passed to `pd.read_sql()`'),
              line: 6,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import sqlite3
                import pandas as pd


                def handler(uid, name):
                    df = pd.read_sql("SELECT * FROM users WHERE id = ?", conn, params=(uid,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'pandas read_sql_query',
          code: dedent`
            import psycopg2
            import pandas as pd


            def handler(uid, name):
                df = pd.read_sql_query("SELECT * FROM users WHERE name = '" + name + "'", conn)
          `,
          errors: [
            {
              message: startsWith('SQL injection: `name` (parameter name) is interpolated into the SQL passed to `pd.read_sql_query()`'),
              line: 6,
              severity: 'error',
              fixes: [
                {
                  title: 'Parameterize query',
                  output: dedent`
                import psycopg2
                import pandas as pd


                def handler(uid, name):
                    df = pd.read_sql_query("SELECT * FROM users WHERE name = %s", conn, params=(name,))
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
      ],
    });

    sql.run({
      invalid: [
        {
          name: 'executemany, without a fix',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                conn.executemany(f"INSERT INTO t (a, b) VALUES (?, '{name}')", rows)
          `,
          errors: [{ message: /executemany\(\) binds one row/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: 'executescript, without a fix',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                conn.executescript(f"DELETE FROM users WHERE id = {uid};")
          `,
          errors: [{ message: /executescript\(\) takes no parameters/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: 'Django extra(where=…), without a fix',
          code: dedent`
            from django.db import models


            def handler(uid, name):
                User.objects.extra(where=[f"name = '{name}'"])
          `,
          errors: [{ message: /extra\(params=/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: 'a plain string to session.execute (SQLAlchemy), without a fix',
          code: dedent`
            from sqlalchemy.orm import Session


            def handler(uid, name):
                session.execute(f"SELECT * FROM users WHERE id = {uid}")
          `,
          errors: [{ message: /SQLAlchemy wants text\(\)/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: 'psycopg sql.SQL built with an f-string, without a fix',
          code: dedent`
            from psycopg2 import sql


            def handler(uid, name):
                cur.execute(sql.SQL(f"SELECT * FROM users WHERE id = {uid}"))
          `,
          errors: [{ message: /sql\.Identifier/, line: 5, severity: 'error', fixes: [] }],
        },
      ],
    });

    it('MongoDB $where built from a value', async () => {
      const finding = await sql.only({
        code: dedent`
        import pymongo


        def handler(uid, name):
            db.users.find({"$where": f"this.owner == '{name}'"})
      `,
      });
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /MongoDB runs `\$where` as JavaScript on the server, and this one is built from `name`/);
    });

    it('MongoDB $function body built from a value', async () => {
      const text = dedent`
        import pymongo


        def handler(uid, name):
            db.users.find({"$expr": {"$function": {"body": "function() { return " + name + " }", "args": [], "lang": "js"}}})
      `;
      assert.match((await sql.only({ code: text })).message, /MongoDB runs `\$function`/);
    });
  });

  describe('not flagged', () => {
    sql.run({
      valid: [
        {
          name: 'qmark placeholders with params',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE id = ?", (uid,))
          `,
        },
        {
          name: '%s placeholders with params',
          code: dedent`
            import psycopg2


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE id = %s", (uid,))
          `,
        },
        {
          name: '%(name)s placeholders with a dict',
          code: dedent`
            import psycopg2


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE id = %(id)s", {"id": uid})
          `,
        },
        {
          name: ':name placeholders',
          code: dedent`
            import oracledb


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE id = :id", id=uid)
          `,
        },
        {
          name: '$1 placeholders',
          code: dedent`
            import asyncpg


            async def handler(uid):
                await conn.fetch("SELECT * FROM users WHERE id = $1", uid)
          `,
        },
        {
          name: 'a constant query',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute("SELECT * FROM users")
          `,
        },
        {
          name: 'a constant built with +',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                q = "SELECT * FROM users"
                q += " WHERE active = 1"
                cursor.execute(q)
          `,
        },
        {
          name: 'module constants in an f-string',
          code: dedent`
            import sqlite3
            TABLE = "users"
            LIMIT = 10


            def f():
                cursor.execute(f"SELECT * FROM {TABLE} LIMIT {LIMIT}")
          `,
        },
        {
          name: 'psycopg sql composition',
          code: dedent`
            from psycopg2 import sql


            def handler(uid, name):
                cur.execute(sql.SQL("SELECT * FROM {} WHERE id = %s").format(sql.Identifier(name)), (uid,))
          `,
        },
        {
          name: 'SQLAlchemy bindparam',
          code: dedent`
            from sqlalchemy import bindparam, text


            def handler(uid, name):
                session.execute(text("SELECT * FROM users WHERE id = :id").bindparams(bindparam("id", uid)))
          `,
        },
        {
          name: 'SQLAlchemy select()',
          code: dedent`
            from sqlalchemy import select


            def handler(uid, name):
                session.execute(select(User).where(User.name == name))
          `,
        },
        {
          name: 'Django ORM filter()',
          code: dedent`
            from django.db import models


            def handler(uid, name):
                User.objects.filter(name=name).first()
          `,
        },
        {
          name: 'a built string that is not SQL',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                runner.execute(f"Hello {name}, welcome back")
          `,
        },
        {
          name: 'an int() cast',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute(f"SELECT * FROM users WHERE id = {int(uid)}")
          `,
        },
        {
          name: 'a float() cast with +',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute("SELECT * FROM items WHERE price < " + str(float(name)))
          `,
        },
        {
          name: '%d formatting',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE id = %d" % uid)
          `,
        },
        {
          name: '{:d} formatting',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute("SELECT * FROM users WHERE id = {:d}".format(uid))
          `,
        },
        {
          name: 'a variable holding an int() cast',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                n = int(request.args["id"])
                cursor.execute(f"SELECT * FROM users WHERE id = {n}")
          `,
        },
        {
          name: 'an unknown string variable (no constant text to judge)',
          code: dedent`
            import sqlite3


            def handler(uid, name):
                cursor.execute(uid)
          `,
        },
      ],
    });

    shell.run({
      valid: [
        {
          name: 'command: subprocess.run with a list',
          code: dedent`
            import subprocess


            def handler(uid, name):
                subprocess.run(["convert", uid, name])
          `,
        },
        {
          name: 'command: a string without shell=True',
          code: dedent`
            import subprocess


            def handler(uid, name):
                subprocess.run(f"convert {uid} {name}")
          `,
        },
        {
          name: 'command: shell=False',
          code: dedent`
            import subprocess


            def handler(uid, name):
                subprocess.run(f"convert {uid}", shell=False)
          `,
        },
        {
          name: 'command: shlex.quote()d values',
          code: dedent`
            import shlex
            import subprocess


            def handler(uid, name):
                subprocess.run(f"convert {shlex.quote(uid)} {shlex.quote(name)}", shell=True)
          `,
        },
        {
          name: 'command: quote imported from shlex',
          code: dedent`
            import os
            from shlex import quote


            def handler(uid, name):
                os.system("tar czf backup.tgz " + quote(name))
          `,
        },
        {
          name: 'command: a constant command',
          code: dedent`
            import os


            def handler(uid, name):
                os.system("ls -la")
          `,
        },
        {
          name: 'command: an int() cast',
          code: dedent`
            import os


            def handler(uid, name):
                os.system(f"kill -9 {int(uid)}")
          `,
        },
      ],
    });
  });

  describe('severity', () => {
    it('a local value that is neither a parameter nor a request value: warning', async () => {
      const text = dedent`
        import sqlite3


        def report():
            name = current_user_name()
            cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /^SQL built from interpolated values: `name` is interpolated/);
    });

    it('a Django view reading request.GET: error naming the request value', async () => {
      const text = dedent`
        from django.db import connection


        def search(request):
            term = request.GET.get("q")
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT * FROM items WHERE title = '{term}'")
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /`term` \(request value request\.GET\)/);
    });

    it('a FastAPI route parameter: error naming the route parameter', async () => {
      const text = dedent`
        import asyncpg
        from fastapi import APIRouter

        router = APIRouter()


        @router.get("/users")
        async def users(order_by: str, name: str):
            return await conn.fetch(f"SELECT * FROM users WHERE name = '{name}'")
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /`name` \(route parameter name\)/);
    });

    it('Flask request.get_json() through two assignments', async () => {
      const text = dedent`
        import sqlite3
        from flask import request


        def create():
            body = request.get_json()
            email = body["email"]
            conn.execute("INSERT INTO users (email) VALUES ('" + email + "')")
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /`email` \(request value request\.get_json\(\)\)/);
    });

    it('a module-level script value: warning', async () => {
      const text = dedent`
        import sqlite3
        import sys

        conn = sqlite3.connect("x.db")
        conn.execute(f"DELETE FROM users WHERE name = '{sys.argv[1]}'")
      `;
      assert.equal((await sql.only({ code: text })).severity, 'warning');
    });
  });

  describe('identifier and fragment holes', () => {
    it('an ORDER BY column from a parameter: its own error, no fix', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute(f"SELECT * FROM users ORDER BY {name}")
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'error');
      assert.match(
        finding.message,
        /`name` \(parameter name\) is interpolated into the SQL .* as a table or column name, which cannot be parameterized: check it against an allowlist of known column names/,
      );
      assert.deepEqual(finding.fixes, []);
    });

    it('a table name and a value: two findings, neither with a fix', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute(f"SELECT * FROM {name} WHERE id = '{uid}'")
      `;
      const found = await sql.findings({ code: text });
      assert.equal(found.length, 2, JSON.stringify(found.map((finding) => finding.message)));
      assert.ok(found.some((finding) => /^SQL injection: `uid`/.test(finding.message) && finding.fixes.length === 0));
      assert.ok(found.some((finding) => /table or column name/.test(finding.message)));
      assert.notEqual(found[0].fingerprint, found[1].fingerprint);
    });

    it('an identifier from a non-parameter value: warning', async () => {
      const text = dedent`
        import sqlite3


        def f():
            column = settings.sort_column
            cursor.execute(f"SELECT * FROM users ORDER BY {column}")
      `;
      assert.equal((await sql.only({ code: text })).severity, 'warning');
    });

    it('a whole WHERE condition from a value: a fragment finding', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute(f"SELECT * FROM users WHERE {name}")
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /as a keyword or SQL fragment, which cannot be parameterized/);
      assert.deepEqual(finding.fixes, []);
    });
  });

  describe('parameterize fix details', () => {
    it('merges with existing positional params', async () => {
      const text = dedent`
        import psycopg2


        def handler(uid, name):
            cursor.execute(f"SELECT * FROM users WHERE id = %s AND name = '{name}'", (uid,))
      `;
      assert.equal(
        await fixed(text),
        dedent`
        import psycopg2


        def handler(uid, name):
            cursor.execute("SELECT * FROM users WHERE id = %s AND name = %s", (uid, name))
      `,
      );
    });

    it('merges with existing named params (SQLAlchemy text)', async () => {
      const text = dedent`
        from sqlalchemy import text


        def handler(uid, name):
            session.execute(text(f"SELECT * FROM users WHERE id = :id AND name = '{name}'"), {"id": uid})
      `;
      assert.equal(
        await fixed(text),
        dedent`
          from sqlalchemy import text


          def handler(uid, name):
              session.execute(text("SELECT * FROM users WHERE id = :id AND name = :name"), {"id": uid, "name": name})
        `,
      );
    });

    it('a LIKE pattern keeps its wildcards in the value', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute(f"SELECT * FROM products WHERE title LIKE '%{name}%'")
      `;
      assert.equal(
        await fixed(text),
        dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute("SELECT * FROM products WHERE title LIKE ?", (f"%{name}%",))
      `,
      );
    });

    it('doubles a literal % for the format style', async () => {
      const text = dedent`
        import psycopg2


        def handler(uid, name):
            cursor.execute(f"SELECT * FROM users WHERE name = '{name}' AND email LIKE '%@example.com'")
      `;
      assert.equal(
        await fixed(text),
        dedent`
          import psycopg2


          def handler(uid, name):
              cursor.execute("SELECT * FROM users WHERE name = %s AND email LIKE '%%@example.com'", (name,))
        `,
      );
    });

    it('merges with existing $n arguments (asyncpg)', async () => {
      const text = dedent`
        import asyncpg


        async def handler(uid, name):
            await conn.fetch(f"SELECT * FROM users WHERE id = $1 AND name = '{name}'", uid)
      `;
      assert.equal(
        await fixed(text),
        dedent`
          import asyncpg


          async def handler(uid, name):
              await conn.fetch("SELECT * FROM users WHERE id = $1 AND name = $2", uid, name)
        `,
      );
    });

    it('merges with an existing params list (Django raw)', async () => {
      const text = dedent`
        from django.db import models


        def handler(uid, name):
            User.objects.raw(f"SELECT * FROM auth_user WHERE id = %s AND username = '{name}'", [uid])
      `;
      assert.equal(
        await fixed(text),
        dedent`
          from django.db import models


          def handler(uid, name):
              User.objects.raw("SELECT * FROM auth_user WHERE id = %s AND username = %s", [uid, name])
        `,
      );
    });

    it('picks the quote that needs no escaping', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute(f'SELECT "name" FROM users WHERE id = {uid}')
      `;
      assert.equal(
        await fixed(text),
        dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute('SELECT "name" FROM users WHERE id = ?', (uid,))
      `,
      );
    });

    it('deletes every building line (with its trailing comment) and keeps unrelated comments', async () => {
      const text = dedent`
        import sqlite3


        def handler(uid, name):
            # build the query
            q = "SELECT * FROM users"  # base
            q += f" WHERE name = '{name}'"  # nosec
            cursor.execute(q)
      `;
      assert.equal(
        await fixed(text),
        dedent`
        import sqlite3


        def handler(uid, name):
            # build the query
            cursor.execute("SELECT * FROM users WHERE name = ?", (name,))
      `,
      );
    });

    it('no fix when no driver is imported: the message says what to do', async () => {
      const finding = await sql.only({
        code: dedent`



        def handler(uid, name):
            cursor.execute(f"SELECT * FROM users WHERE id = {uid}")
      `,
      });
      assert.match(finding.message, /no database driver is imported.*use your driver's placeholders and pass the values separately/);
      assert.deepEqual(finding.fixes, []);
    });

    it('no fix when several drivers are imported', async () => {
      const finding = await sql.only({
        code: dedent`
        import sqlite3
        import psycopg2


        def handler(uid, name):
            cursor.execute(f"SELECT * FROM users WHERE id = {uid}")
      `,
      });
      assert.match(finding.message, /several drivers are imported \(sqlite3, psycopg2\)/);
      assert.deepEqual(finding.fixes, []);
    });

    it('no fix when a value is reassigned between building and running', async () => {
      const finding = await sql.only({
        code: dedent`
        import sqlite3


        def handler(uid, name):
            q = f"SELECT * FROM users WHERE name = '{name}'"
            name = name.strip()
            cursor.execute(q)
      `,
      });
      assert.match(finding.message, /name changes between where the string is built and where it runs/);
      assert.deepEqual(finding.fixes, []);
    });

    it('no fix when the building statement shares its line', async () => {
      const finding = await sql.only({
        code: dedent`
        import sqlite3


        def handler(uid, name):
            q = f"SELECT * FROM users WHERE id = {uid}"; other = 1
            cursor.execute(q)
      `,
      });
      assert.deepEqual(finding.fixes, []);
    });

    it('no fix when the existing params are a variable', async () => {
      const finding = await sql.only({
        code: dedent`
        import psycopg2


        def handler(uid, name):
            cursor.execute(f"SELECT * FROM users WHERE id = %s AND name = '{name}'", params)
      `,
      });
      assert.match(finding.message, /not a tuple or list literal/);
      assert.deepEqual(finding.fixes, []);
    });

    it('no fix when the one %s value is a variable holding a tuple', async () => {
      const finding = await sql.only({
        code: dedent`
        import sqlite3


        def handler(uid, name):
            args = (name,)
            cursor.execute("SELECT * FROM users WHERE name = '%s'" % args)
      `,
      });
      assert.match(finding.message, /^SQL injection: `args`/);
      assert.deepEqual(finding.fixes, []);
    });

    it('no fix for values passed as a whole tuple', async () => {
      const finding = await sql.only({
        code: dedent`
        import sqlite3


        def handler(uid, name):
            cursor.execute("SELECT * FROM users WHERE id = %s AND name = '%s'" % uid)
      `,
      });
      assert.deepEqual(finding.fixes, []);
    });
  });

  describe('shell commands', () => {
    it('subprocess.run(f"…", shell=True) becomes an argument list', async () => {
      const text = dedent`
        import subprocess


        def handler(uid, name):
            subprocess.run(f"convert {uid} {name}", shell=True)
      `;
      const finding = await shell.only({ code: text });
      assert.equal(finding.severity, 'error');
      assert.equal(finding.category, 'string-built-command');
      assert.equal(
        finding.message,
        'Command injection: `uid` (parameter uid) and `name` (parameter name) are interpolated into the command line that `subprocess.run()` runs through a shell. ' +
          'A value containing `;`, `|`, `$( )` or quotes runs other commands: pass the program and its arguments as a list (subprocess.run([...]) without shell=True), or quote each value with shlex.quote().',
      );
      assert.equal(fixOf(finding).title, 'Run without a shell (argument list)');
      assert.equal(
        applyTextEdits(text, fixOf(finding).edits),
        dedent`
        import subprocess


        def handler(uid, name):
            subprocess.run(["convert", uid, name])
      `,
      );
    });

    it('keeps the other keywords', async () => {
      const text = dedent`
        import subprocess


        def handler(uid, name):
            out = subprocess.check_output("identify -format %w " + name, shell=True, text=True)
      `;
      assert.equal(
        await fixed(text, shell),
        dedent`
        import subprocess


        def handler(uid, name):
            out = subprocess.check_output(["identify", "-format", "%w", name], text=True)
      `,
      );
    });

    it('Popen through an inlined variable', async () => {
      const text = dedent`
        from subprocess import Popen


        def handler(uid, name):
            cmd = "ping -c 1 " + name
            proc = Popen(cmd, shell=True)
      `;
      assert.equal(
        await fixed(text, shell),
        dedent`
        from subprocess import Popen


        def handler(uid, name):
            proc = Popen(["ping", "-c", "1", name])
      `,
      );
    });

    it('unquotes shlex.quote()d values in the list', async () => {
      const text = dedent`
        import shlex
        import subprocess


        def handler(uid, name):
            subprocess.call(f"cp {shlex.quote(uid)} {name}", shell=True)
      `;
      const finding = await shell.only({ code: text });
      assert.match(finding.message, /: `name` \(parameter name\) is interpolated/);
      assert.equal(
        applyTextEdits(text, fixOf(finding).edits),
        dedent`
        import shlex
        import subprocess


        def handler(uid, name):
            subprocess.call(["cp", uid, name])
      `,
      );
    });

    it('os.system becomes subprocess.call, adding the import before the first one (after the docstring)', async () => {
      const text = dedent`
        """Backups."""
        import os


        def backup(path):
            os.system(f"tar czf backup.tgz {path}")
      `;
      assert.equal(
        await fixed(text, shell),
        dedent`
          """Backups."""
          import subprocess
          import os


          def backup(path):
              subprocess.call(["tar", "czf", "backup.tgz", path])
        `,
      );
    });

    it('os.system keeps __future__ imports first and reuses a subprocess alias', async () => {
      const text = dedent`
        from __future__ import annotations
        import os


        def backup(path):
            os.system("gzip " + path)
      `;
      assert.equal(
        await fixed(text, shell),
        dedent`
          from __future__ import annotations
          import subprocess
          import os


          def backup(path):
              subprocess.call(["gzip", path])
        `,
      );
      const aliased = dedent`
        import os
        import subprocess as sp


        def backup(path):
            os.system("gzip " + path)
      `;
      assert.equal(
        await fixed(aliased, shell),
        dedent`
        import os
        import subprocess as sp


        def backup(path):
            sp.call(["gzip", path])
      `,
      );
    });

    it('asyncio.create_subprocess_shell becomes create_subprocess_exec', async () => {
      const text = dedent`
        import asyncio


        async def handler(uid, name):
            proc = await asyncio.create_subprocess_shell(f"convert {uid} {name}", stdout=PIPE)
      `;
      assert.equal(
        await fixed(text, shell),
        dedent`
          import asyncio


          async def handler(uid, name):
              proc = await asyncio.create_subprocess_exec("convert", uid, name, stdout=PIPE)
        `,
      );
    });

    shell.run({
      invalid: [
        {
          name: 'without a command fix: a pipe',
          code: dedent`
            import os


            def handler(uid, name):
                os.system(f"cat {name} | grep error")
          `,
          errors: [{ message: /shell syntax/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a command fix: a redirection',
          code: dedent`
            import os


            def handler(uid, name):
                os.system(f"echo {name} > /tmp/out")
          `,
          errors: [{ message: /shell syntax/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a command fix: quotes',
          code: dedent`
            import os


            def handler(uid, name):
                os.system(f"echo '{name}'")
          `,
          errors: [{ message: /shell syntax/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a command fix: a value glued to text',
          code: dedent`
            import os


            def handler(uid, name):
                os.system(f"convert --out={name}")
          `,
          errors: [{ message: /glued/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a command fix: os.popen',
          code: dedent`
            import os


            def handler(uid, name):
                os.popen(f"ls {name}")
          `,
          errors: [{ message: /no list form/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a command fix: an environment assignment',
          code: dedent`
            import os


            def handler(uid, name):
                os.system(f"LANG=C sort {name}")
          `,
          errors: [{ message: /variable assignment/, line: 5, severity: 'error', fixes: [] }],
        },
      ],
    });

    it('a non-parameter value: warning', async () => {
      const text = dedent`
        import os


        def clean():
            path = config.tmp_dir
            os.system("rm -rf " + path)
      `;
      assert.equal((await shell.only({ code: text })).severity, 'warning');
    });

    it('args= and shell=True as keywords', async () => {
      const text = dedent`
        import subprocess


        def handler(uid, name):
            subprocess.run(args=f"convert {uid} out.png", shell=True)
      `;
      assert.equal(
        await fixed(text, shell),
        dedent`
        import subprocess


        def handler(uid, name):
            subprocess.run(args=["convert", uid, "out.png"])
      `,
      );
    });

    it('no command fix when the command variable is also used elsewhere', async () => {
      const finding = await shell.only({
        code: dedent`
        import subprocess


        def handler(uid, name):
            cmd = f"convert {uid} {name}"
            print(cmd)
            subprocess.run(cmd, shell=True)
      `,
      });
      assert.match(finding.message, /cmd is also used elsewhere/);
      assert.deepEqual(finding.fixes, []);
    });

    it('commands.getoutput and subprocess.getoutput always use a shell', async () => {
      const text = dedent`
        import subprocess


        def handler(uid, name):
            subprocess.getoutput(f"whois {name}")
      `;
      assert.match((await shell.only({ code: text })).message, /subprocess\.getoutput\(\)/);
    });
  });

  describe('the gate before parsing (mayHoldSink)', () => {
    // Every sink findSinks reads must pass the gate, whatever the spacing: these go through the
    // real rules, so a gate that dropped them would lose the finding.
    const reported: [string, string, 'sql' | 'shell'][] = [
      [
        'spaces around the . and the (',
        dedent`



        def handler(uid, name):
            cur . execute (f"SELECT * FROM users WHERE id = {uid}")
      `,
        'sql',
      ],
      [
        'the method on the next line of a bracketed call',
        dedent`



        def handler(uid, name):
            rows = (cur.
                execute(f"SELECT * FROM users WHERE name = '{name}'"))
      `,
        'sql',
      ],
      [
        'a backslash continuation before the (',
        dedent`



        def handler(uid, name):
            cur.executemany \\
                (f"DELETE FROM t WHERE id = {uid}", rows)
      `,
        'sql',
      ],
      [
        'sqlalchemy text() imported under another name',
        dedent`
          from sqlalchemy import text as sql_text


          def handler(uid, name):
              db.execute(sql_text(f"SELECT * FROM t WHERE id = {uid}"))
        `,
        'sql',
      ],
      [
        'shell = True spaced and on its own line',
        dedent`
          import subprocess


          def handler(uid, name):
              subprocess.run(f"convert {uid} {name}",
                             shell = True)
        `,
        'shell',
      ],
      [
        'os.system through a module imported under another name',
        dedent`
        import os as o


        def handler(uid, name):
            o.system(f"convert {uid} {name}")
      `,
        'shell',
      ],
      // The rule's old gate asked for `system(`, so a renamed import was never analysed.
      [
        'os.system imported under another name',
        dedent`
        from os import system as run_command


        def handler(uid, name):
            run_command(f"convert {uid} {name}")
      `,
        'shell',
      ],
      [
        'os.popen imported under another name, in parentheses',
        dedent`
        from os import (
            popen as open_pipe,
        )


        def handler(uid, name):
            open_pipe(f"ls {name}")
      `,
        'shell',
      ],
    ];
    for (const [name, text, family] of reported) {
      it(`lets through and reports: ${name}`, async () => {
        assert.equal(mayHoldSink(text, family), true);
        assert.equal((await testers[family].findings({ code: text })).length, 1);
      });
    }

    const skipped: [string, string, 'sql' | 'shell'][] = [
      [
        'words that are no sink call',
        dedent`
        extra = raw + fetch_size
        # exec the SQL later
        executor = None
      `,
        'sql',
      ],
      [
        'subprocess without shell=True',
        dedent`
        import subprocess
        subprocess.run(["ls", path])
        shell = False
      `,
        'shell',
      ],
      [
        'shell function names in prose',
        dedent`
        "Runs on any operating system; see popen and getoutput."
      `,
        'shell',
      ],
      ['a line of # after a dot', `x = a. ${'#'.repeat(2000)}\ny = 1\n`, 'sql'],
    ];
    for (const [name, text, family] of skipped) {
      it(`keeps out: ${name}`, () => {
        assert.equal(mayHoldSink(text, family), false);
      });
    }
  });

  describe('syntax errors', () => {
    it('no crash and no finding from an ERROR region', async () => {
      const text = dedent`
        import sqlite3

        def f(uid):
            cursor.execute(f"SELECT * FROM users WHERE id = {uid}" +)
            )))
      `;
      // Both rules in one run, as the scan runs them (the tester asserts no rule failed).
      const both = new RuleTester({ rules: [stringBuiltQuery, stringBuiltCommand], path: 'app/x.py' });
      assert.deepEqual(await both.findings({ code: text }), []);
    });

    it('a valid function in a file with an error elsewhere is still checked and fixed', async () => {
      const text = dedent`
        import sqlite3


        def f(uid):
            cursor.execute(f"SELECT * FROM users WHERE id = {uid}")


        def broken(:
            pass
      `;
      const finding = await sql.only({ code: text });
      assert.equal(
        applyTextEdits(text, fixOf(finding).edits),
        text.replace(`f"SELECT * FROM users WHERE id = {uid}")`, `"SELECT * FROM users WHERE id = ?", (uid,))`),
      );
    });
  });
});
