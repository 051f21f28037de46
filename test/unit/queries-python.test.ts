// The Python analysis behind string-built-query / string-built-command, end to end through the
// engine: which sinks and building forms are found, which look-alikes are not, severity from
// taint, identifier/fragment holes, and the exact text of every fix (or why none is offered).
import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../src/core/edits';
import { analyze } from '../../src/core/engine';
import stringBuiltCommand from '../../src/core/rules/string-built-command';
import stringBuiltQuery from '../../src/core/rules/string-built-query';
import { mayHoldSink } from '../../src/core/queries/python/sinks';
import type { Finding, Fix } from '../../src/core/types';

// The real rules, so every case also goes through their pre-filters (a gate that drops a file
// the analyzer would report is a recall bug, and these tables catch it).
const SQL_RULE = stringBuiltQuery;
const SHELL_RULE = stringBuiltCommand;

async function findings(text: string, family: 'sql' | 'shell' = 'sql'): Promise<Finding[]> {
  const result = await analyze({ path: 'app/x.py', text }, { rules: [family === 'sql' ? SQL_RULE : SHELL_RULE] });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

async function only(text: string, family: 'sql' | 'shell' = 'sql'): Promise<Finding> {
  const found = await findings(text, family);
  assert.equal(
    found.length,
    1,
    JSON.stringify(
      found.map((finding) => finding.message),
      null,
      1,
    ),
  );
  return found[0];
}

function fixOf(finding: Finding): Fix {
  assert.equal(finding.fixes.length, 1, `expected one fix; message: ${finding.message}`);
  return finding.fixes[0];
}

async function fixed(text: string, family: 'sql' | 'shell' = 'sql'): Promise<string> {
  const fix = fixOf(await only(text, family));
  assert.equal(fix.safe, false);
  return applyTextEdits(text, fix.edits);
}

/** A module around a function body (4-space indented lines). */
function module(imports: string, body: string, signature = 'def handler(uid, name):'): string {
  return `${imports}\n\n\n${signature}\n${body.replace(/^(?=.)/gm, '    ')}`;
}

function flaggedText(text: string, finding: Finding): string {
  const lines = text.split('\n');
  const { start, end } = finding.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
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
    const text =
      'import sqlite3\n\ndef find(conn, uid):\n    query = ("SELECT id, name "\n             "FROM users WHERE id = " + uid)\n    return conn.execute(query)\n';
    const [finding] = await findings(text);
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
        const finding = await only(text);
        assert.equal(finding.severity, 'error');
        assert.equal(finding.category, 'string-built-query');
        assert.equal(flaggedText(text, finding), 'cursor.execute(query)');
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
    const cases: { name: string; body: string; expected: string }[] = [
      {
        name: 'f-string in the call',
        body: `cursor.execute(f"SELECT * FROM users WHERE id = {uid}")\n`,
        expected: `cursor.execute("SELECT * FROM users WHERE id = ?", (uid,))\n`,
      },
      {
        name: '% with a tuple',
        body: `cursor.execute("SELECT * FROM users WHERE name = '%s' AND id = %s" % (name, uid))\n`,
        expected: `cursor.execute("SELECT * FROM users WHERE name = ? AND id = ?", (name, uid))\n`,
      },
      {
        name: '% with one value',
        body: `cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)\n`,
        expected: `cursor.execute("SELECT * FROM users WHERE name = ?", (name,))\n`,
      },
      {
        name: '%(name)s with a dict',
        body: `cursor.execute("SELECT * FROM users WHERE name = '%(n)s' AND id = %(i)s" % {"n": name, "i": uid})\n`,
        expected: `cursor.execute("SELECT * FROM users WHERE name = ? AND id = ?", (name, uid))\n`,
      },
      {
        name: '.format() with {}',
        body: `cursor.execute("SELECT * FROM users WHERE name = '{}' AND id = {}".format(name, uid))\n`,
        expected: `cursor.execute("SELECT * FROM users WHERE name = ? AND id = ?", (name, uid))\n`,
      },
      {
        name: '.format() with {1} {0}',
        body: `cursor.execute("SELECT * FROM users WHERE name = '{1}' AND id = {0}".format(uid, name))\n`,
        expected: `cursor.execute("SELECT * FROM users WHERE name = ? AND id = ?", (name, uid))\n`,
      },
      {
        name: '.format() with named fields',
        body: `cursor.execute("SELECT * FROM users WHERE name = '{n}'".format(n=name))\n`,
        expected: `cursor.execute("SELECT * FROM users WHERE name = ?", (name,))\n`,
      },
      {
        name: '+ concatenation',
        body: `cursor.execute("SELECT * FROM users WHERE id = " + uid)\n`,
        expected: `cursor.execute("SELECT * FROM users WHERE id = ?", (uid,))\n`,
      },
      {
        name: '+= across lines through a local variable',
        body: `q = "SELECT * FROM users"\nq += " WHERE id = " + uid\ncursor.execute(q)\n`,
        expected: `cursor.execute("SELECT * FROM users WHERE id = ?", (uid,))\n`,
      },
      {
        name: '" ".join([...]) of built parts',
        body: `cursor.execute(" ".join(["SELECT * FROM users WHERE name =", "'" + name + "'"]))\n`,
        expected: `cursor.execute("SELECT * FROM users WHERE name = ?", (name,))\n`,
      },
      {
        name: 'an f-string through a variable into a with block',
        body: `sql = f"DELETE FROM sessions WHERE user_id = {uid}"\nwith conn:\n    conn.execute(sql)\n`,
        expected: `with conn:\n    conn.execute("DELETE FROM sessions WHERE user_id = ?", (uid,))\n`,
      },
    ];
    for (const { name, body, expected } of cases) {
      it(name, async () => {
        const text = module('import sqlite3', body);
        const finding = await only(text);
        assert.equal(finding.severity, 'error');
        assert.equal(applyTextEdits(text, fixOf(finding).edits), module('import sqlite3', expected));
      });
    }

    it('a plain string after an f-string is constant (no interpolation in it)', async () => {
      assert.deepEqual(await findings(module('import sqlite3', `cursor.execute(f"SELECT * FROM users " "WHERE id = {uid}")\n`)), []);
    });

    it('" ".join(parts) of a local list: a finding without a fix', async () => {
      const text = module('import sqlite3', `parts = ["SELECT * FROM users"]\nparts.append("WHERE id = " + uid)\ncursor.execute(" ".join(parts))\n`);
      const finding = await only(text);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /assembled through other variables/);
      assert.deepEqual(finding.fixes, []);
    });

    it('a multi-line triple-quoted query stays triple-quoted', async () => {
      const text = module('import psycopg2', `query = f"""\n    SELECT *\n    FROM users\n    WHERE name = '{name}'\n"""\ncursor.execute(query)\n`);
      assert.equal(await fixed(text), module('import psycopg2', `cursor.execute("""\n    SELECT *\n    FROM users\n    WHERE name = %s\n""", (name,))\n`));
    });

    it('a variable used elsewhere too is rewritten in place, the params go to the sink', async () => {
      const text = module('import sqlite3', `query = f"SELECT * FROM users WHERE id = {uid}"\nlog.info(query)\ncursor.execute(query)\n`);
      assert.equal(await fixed(text), module('import sqlite3', `query = "SELECT * FROM users WHERE id = ?"\nlog.info(query)\ncursor.execute(query, (uid,))\n`));
    });

    it('a module constant is constant: only the value is a hole (no fix: the constant would be inlined)', async () => {
      const text = `import sqlite3\nTABLE = "users"\n\n\ndef get(uid):\n    cursor.execute(f"SELECT * FROM {TABLE} WHERE id = {uid}")\n`;
      const finding = await only(text);
      assert.match(finding.message, /^SQL injection: `uid` \(parameter uid\) is interpolated/);
      assert.deepEqual(finding.fixes, []);
    });

    it('a local constant never reassigned is constant', async () => {
      assert.deepEqual(await findings(module('import sqlite3', `table = "users"\ncursor.execute(f"SELECT * FROM {table}")\n`)), []);
    });

    it('a variable assigned in two branches: each candidate is analysed, no fix', async () => {
      const text = module(
        'import sqlite3',
        `if uid:\n    q = f"SELECT * FROM users WHERE id = {uid}"\nelse:\n    q = f"SELECT * FROM users WHERE name = '{name}'"\ncursor.execute(q)\n`,
      );
      const finding = await only(text);
      assert.match(finding.message, /`uid` \(parameter uid\) and `name` \(parameter name\)/);
      assert.match(finding.message, /differs per branch/);
      assert.deepEqual(finding.fixes, []);
    });

    it('a conditional += is included (conservative), without a fix', async () => {
      const text = module('import sqlite3', `q = "SELECT * FROM users WHERE active = 1"\nif name:\n    q += f" AND name = '{name}'"\ncursor.execute(q)\n`);
      const finding = await only(text);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /branches or loops/);
      assert.deepEqual(finding.fixes, []);
    });
  });

  describe('reading strings and flows', () => {
    it('a single-line literal with an escaped line break stays single-line', async () => {
      const text = module('import sqlite3', `cursor.execute("SELECT * FROM users\\nWHERE id = " + uid)\n`);
      assert.equal(await fixed(text), module('import sqlite3', `cursor.execute("SELECT * FROM users\\nWHERE id = ?", (uid,))\n`));
    });

    it('a raw string keeps its backslashes as text', async () => {
      const text = module('import sqlite3', `cursor.execute(rf"SELECT * FROM files WHERE path = 'C:\\tmp' AND id = {uid}")\n`);
      assert.equal(await fixed(text), module('import sqlite3', `cursor.execute("SELECT * FROM files WHERE path = 'C:\\\\tmp' AND id = ?", (uid,))\n`));
    });

    it('a loop appending conditions: the column is an identifier, the value a value', async () => {
      const text = `import sqlite3\n\n\ndef search(filters):\n    q = "SELECT * FROM users WHERE 1 = 1"\n    for column, value in filters.items():\n        q += f" AND {column} = '{value}'"\n    cursor.execute(q)\n`;
      const found = await findings(text);
      assert.equal(found.length, 2, JSON.stringify(found.map((finding) => finding.message)));
      assert.ok(found.every((finding) => finding.severity === 'error' && finding.fixes.length === 0));
      assert.ok(found.some((finding) => /^SQL injection: `value` \(parameter filters\) is interpolated/.test(finding.message)));
      assert.ok(found.some((finding) => /^`column` \(parameter filters\) is interpolated into the SQL .* as a table or column name/.test(finding.message)));
    });

    it('a condition built in another variable is read through it (value, not fragment), without a fix', async () => {
      const text = module('import sqlite3', `where = f"id = {uid}"\ncursor.execute(f"SELECT * FROM users WHERE {where}")\n`);
      const finding = await only(text);
      assert.match(finding.message, /^SQL injection: `uid` \(parameter uid\)/);
      assert.deepEqual(finding.fixes, []);
      assert.equal(finding.related?.filter((location) => location.message === 'SQL built here').length, 2);
    });

    it('every building site is a related location', async () => {
      const text = module('import sqlite3', `q = "SELECT * FROM users"\nq += " WHERE id = " + uid\ncursor.execute(q)\n`);
      const sites = ((await only(text)).related ?? []).filter((location) => / here$/.test(location.message));
      assert.deepEqual(
        sites.map((location) => [location.message, location.range.start.line]),
        [
          ['SQL built here', 4],
          ['appended here', 5],
        ],
      );
    });

    it('textwrap.dedent(): read through, no fix', async () => {
      const text = module('import sqlite3\nimport textwrap', `cursor.execute(textwrap.dedent(f"""\n    SELECT * FROM users WHERE id = {uid}\n"""))\n`);
      assert.deepEqual((await only(text)).fixes, []);
    });

    it('.format(**values): the fields are findings without a fix', async () => {
      const finding = await only(module('import sqlite3', `cursor.execute("SELECT * FROM users WHERE name = '{name}'".format(**uid))\n`));
      assert.match(finding.message, /some values are passed as a whole sequence or mapping/);
    });

    it("a closure sees the enclosing function's parameters as tainted", async () => {
      const text = `import sqlite3\n\n\ndef outer(code):\n    def inner():\n        cursor.execute(f"SELECT * FROM coupons WHERE code = '{code}'")\n    return inner\n`;
      const finding = await only(text);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /`code` \(parameter code\)/);
    });

    it('a %-template held in a module constant: found, no fix (the constant would be inlined)', async () => {
      const text = `import sqlite3\nQUERY = "SELECT * FROM users WHERE name = '%s'"\n\n\ndef find(name):\n    cursor.execute(QUERY % name)\n`;
      const finding = await only(text);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.fixes, []);
    });

    it('CRLF line endings and non-ASCII text before the sink', async () => {
      const text = `import sqlite3\r\n# Größe – ☃\r\n\r\ndef f(uid):\r\n    q = f"SELECT * FROM users WHERE id = {uid}"  # nosec\r\n    cursor.execute(q)\r\n`;
      assert.equal(await fixed(text), `import sqlite3\r\n# Größe – ☃\r\n\r\ndef f(uid):\r\n    cursor.execute("SELECT * FROM users WHERE id = ?", (uid,))\r\n`);
    });
  });

  describe('sinks and driver styles', () => {
    const cases: { name: string; imports: string; body: string; expected: string; signature?: string }[] = [
      {
        name: 'sqlite3 connection.execute',
        imports: 'import sqlite3',
        body: `conn.execute(f"UPDATE users SET name = '{name}' WHERE id = {uid}")\n`,
        expected: `conn.execute("UPDATE users SET name = ? WHERE id = ?", (name, uid))\n`,
      },
      {
        name: 'psycopg (3)',
        imports: 'import psycopg',
        body: `cur.execute(f"INSERT INTO users (name) VALUES ('{name}')")\n`,
        expected: `cur.execute("INSERT INTO users (name) VALUES (%s)", (name,))\n`,
      },
      {
        name: 'PyMySQL',
        imports: 'import pymysql',
        body: `cur.execute("SELECT * FROM users WHERE id = %s" % uid)\n`,
        expected: `cur.execute("SELECT * FROM users WHERE id = %s", (uid,))\n`,
      },
      {
        name: 'MySQLdb',
        imports: 'import MySQLdb',
        body: `cur.execute(f"SELECT * FROM users WHERE id = {uid}")\n`,
        expected: `cur.execute("SELECT * FROM users WHERE id = %s", (uid,))\n`,
      },
      {
        name: 'mysql.connector',
        imports: 'import mysql.connector',
        body: `cur.execute(f"SELECT * FROM users WHERE id = {uid}")\n`,
        expected: `cur.execute("SELECT * FROM users WHERE id = %s", (uid,))\n`,
      },
      {
        name: 'pyodbc',
        imports: 'import pyodbc',
        body: `cur.execute(f"SELECT * FROM users WHERE id = {uid}")\n`,
        expected: `cur.execute("SELECT * FROM users WHERE id = ?", (uid,))\n`,
      },
      {
        name: 'oracledb (named :binds with a dict)',
        imports: 'import oracledb',
        body: `cur.execute(f"SELECT * FROM users WHERE name = '{name}'")\n`,
        expected: `cur.execute("SELECT * FROM users WHERE name = :name", {"name": name})\n`,
      },
      {
        name: 'cx_Oracle',
        imports: 'import cx_Oracle',
        body: `cur.execute(f"SELECT * FROM users WHERE id = {uid}")\n`,
        expected: `cur.execute("SELECT * FROM users WHERE id = :uid", {"uid": uid})\n`,
      },
      {
        name: 'asyncpg fetch ($n and positional arguments)',
        imports: 'import asyncpg',
        signature: 'async def handler(uid, name):',
        body: `rows = await conn.fetch(f"SELECT * FROM users WHERE id = {uid} AND name = '{name}'")\n`,
        expected: `rows = await conn.fetch("SELECT * FROM users WHERE id = $1 AND name = $2", uid, name)\n`,
      },
      {
        name: 'asyncpg fetchrow',
        imports: 'import asyncpg',
        signature: 'async def handler(uid, name):',
        body: `row = await conn.fetchrow(f"SELECT * FROM users WHERE id = {uid}")\n`,
        expected: `row = await conn.fetchrow("SELECT * FROM users WHERE id = $1", uid)\n`,
      },
      {
        name: 'asyncpg fetchval',
        imports: 'import asyncpg',
        signature: 'async def handler(uid, name):',
        body: `n = await conn.fetchval(f"SELECT count(*) FROM users WHERE name = '{name}'")\n`,
        expected: `n = await conn.fetchval("SELECT count(*) FROM users WHERE name = $1", name)\n`,
      },
      {
        name: 'asyncpg execute',
        imports: 'import asyncpg',
        signature: 'async def handler(uid, name):',
        body: `await conn.execute(f"DELETE FROM users WHERE id = {uid}")\n`,
        expected: `await conn.execute("DELETE FROM users WHERE id = $1", uid)\n`,
      },
      {
        name: 'aiosqlite',
        imports: 'import aiosqlite',
        signature: 'async def handler(uid, name):',
        body: `await db.execute(f"DELETE FROM users WHERE id = {uid}")\n`,
        expected: `await db.execute("DELETE FROM users WHERE id = ?", (uid,))\n`,
      },
      {
        name: 'SQLAlchemy text() inside execute (:name and a dict)',
        imports: 'from sqlalchemy import text',
        body: `session.execute(text(f"SELECT * FROM users WHERE name = '{name}'"))\n`,
        expected: `session.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name})\n`,
      },
      {
        name: 'SQLAlchemy exec_driver_sql (the driver underneath decides)',
        imports: 'import psycopg2\nimport sqlalchemy',
        body: `engine.connect().exec_driver_sql(f"SELECT * FROM users WHERE id = {uid}")\n`,
        expected: `engine.connect().exec_driver_sql("SELECT * FROM users WHERE id = %s", (uid,))\n`,
      },
      {
        name: 'Django Model.objects.raw (a list)',
        imports: 'from django.db import models',
        body: `User.objects.raw(f"SELECT * FROM auth_user WHERE username = '{name}'")\n`,
        expected: `User.objects.raw("SELECT * FROM auth_user WHERE username = %s", [name])\n`,
      },
      {
        name: 'Django connection.cursor().execute',
        imports: 'from django.db import connection',
        body: `connection.cursor().execute(f"SELECT * FROM auth_user WHERE id = {uid}")\n`,
        expected: `connection.cursor().execute("SELECT * FROM auth_user WHERE id = %s", (uid,))\n`,
      },
      {
        name: 'Django RawSQL (merged into its params)',
        imports: 'from django.db.models.expressions import RawSQL',
        body: `qs = User.objects.annotate(n=RawSQL(f"SELECT count(*) FROM orders WHERE owner = '{name}'", ()))\n`,
        expected: `qs = User.objects.annotate(n=RawSQL("SELECT count(*) FROM orders WHERE owner = %s", (name,)))\n`,
      },
      {
        name: 'pandas read_sql (params= keyword)',
        imports: 'import sqlite3\nimport pandas as pd',
        body: `df = pd.read_sql(f"SELECT * FROM users WHERE id = {uid}", conn)\n`,
        expected: `df = pd.read_sql("SELECT * FROM users WHERE id = ?", conn, params=(uid,))\n`,
      },
      {
        name: 'pandas read_sql_query',
        imports: 'import psycopg2\nimport pandas as pd',
        body: `df = pd.read_sql_query("SELECT * FROM users WHERE name = '" + name + "'", conn)\n`,
        expected: `df = pd.read_sql_query("SELECT * FROM users WHERE name = %s", conn, params=(name,))\n`,
      },
    ];
    for (const { name, imports, body, expected, signature } of cases) {
      it(name, async () => {
        const text = module(imports, body, signature);
        assert.equal(await fixed(text), module(imports, expected, signature));
      });
    }

    const unfixable: { name: string; imports: string; body: string; reason: RegExp }[] = [
      {
        name: 'executemany',
        imports: 'import sqlite3',
        body: `conn.executemany(f"INSERT INTO t (a, b) VALUES (?, '{name}')", rows)\n`,
        reason: /executemany\(\) binds one row/,
      },
      {
        name: 'executescript',
        imports: 'import sqlite3',
        body: `conn.executescript(f"DELETE FROM users WHERE id = {uid};")\n`,
        reason: /executescript\(\) takes no parameters/,
      },
      {
        name: 'Django extra(where=…)',
        imports: 'from django.db import models',
        body: `User.objects.extra(where=[f"name = '{name}'"])\n`,
        reason: /extra\(params=/,
      },
      {
        name: 'a plain string to session.execute (SQLAlchemy)',
        imports: 'from sqlalchemy.orm import Session',
        body: `session.execute(f"SELECT * FROM users WHERE id = {uid}")\n`,
        reason: /SQLAlchemy wants text\(\)/,
      },
      {
        name: 'psycopg sql.SQL built with an f-string',
        imports: 'from psycopg2 import sql',
        body: `cur.execute(sql.SQL(f"SELECT * FROM users WHERE id = {uid}"))\n`,
        reason: /sql\.Identifier/,
      },
    ];
    for (const { name, imports, body, reason } of unfixable) {
      it(`${name}: a finding without a fix`, async () => {
        const finding = await only(module(imports, body));
        assert.equal(finding.severity, 'error');
        assert.match(finding.message, reason);
        assert.deepEqual(finding.fixes, []);
      });
    }

    it('MongoDB $where built from a value', async () => {
      const finding = await only(module('import pymongo', `db.users.find({"$where": f"this.owner == '{name}'"})\n`));
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /MongoDB runs `\$where` as JavaScript on the server, and this one is built from `name`/);
    });

    it('MongoDB $function body built from a value', async () => {
      const text = module(
        'import pymongo',
        `db.users.find({"$expr": {"$function": {"body": "function() { return " + name + " }", "args": [], "lang": "js"}}})\n`,
      );
      assert.match((await only(text)).message, /MongoDB runs `\$function`/);
    });
  });

  describe('not flagged', () => {
    const safe: { name: string; text: string }[] = [
      { name: 'qmark placeholders with params', text: module('import sqlite3', `cursor.execute("SELECT * FROM users WHERE id = ?", (uid,))\n`) },
      { name: '%s placeholders with params', text: module('import psycopg2', `cursor.execute("SELECT * FROM users WHERE id = %s", (uid,))\n`) },
      { name: '%(name)s placeholders with a dict', text: module('import psycopg2', `cursor.execute("SELECT * FROM users WHERE id = %(id)s", {"id": uid})\n`) },
      { name: ':name placeholders', text: module('import oracledb', `cursor.execute("SELECT * FROM users WHERE id = :id", id=uid)\n`) },
      { name: '$1 placeholders', text: module('import asyncpg', `await conn.fetch("SELECT * FROM users WHERE id = $1", uid)\n`, 'async def handler(uid):') },
      { name: 'a constant query', text: module('import sqlite3', `cursor.execute("SELECT * FROM users")\n`) },
      { name: 'a constant built with +', text: module('import sqlite3', `q = "SELECT * FROM users"\nq += " WHERE active = 1"\ncursor.execute(q)\n`) },
      {
        name: 'module constants in an f-string',
        text: `import sqlite3\nTABLE = "users"\nLIMIT = 10\n\n\ndef f():\n    cursor.execute(f"SELECT * FROM {TABLE} LIMIT {LIMIT}")\n`,
      },
      {
        name: 'psycopg sql composition',
        text: module('from psycopg2 import sql', `cur.execute(sql.SQL("SELECT * FROM {} WHERE id = %s").format(sql.Identifier(name)), (uid,))\n`),
      },
      {
        name: 'SQLAlchemy bindparam',
        text: module(
          'from sqlalchemy import bindparam, text',
          `session.execute(text("SELECT * FROM users WHERE id = :id").bindparams(bindparam("id", uid)))\n`,
        ),
      },
      { name: 'SQLAlchemy select()', text: module('from sqlalchemy import select', `session.execute(select(User).where(User.name == name))\n`) },
      { name: 'Django ORM filter()', text: module('from django.db import models', `User.objects.filter(name=name).first()\n`) },
      { name: 'a built string that is not SQL', text: module('import sqlite3', `runner.execute(f"Hello {name}, welcome back")\n`) },
      { name: 'an int() cast', text: module('import sqlite3', `cursor.execute(f"SELECT * FROM users WHERE id = {int(uid)}")\n`) },
      { name: 'a float() cast with +', text: module('import sqlite3', `cursor.execute("SELECT * FROM items WHERE price < " + str(float(name)))\n`) },
      { name: '%d formatting', text: module('import sqlite3', `cursor.execute("SELECT * FROM users WHERE id = %d" % uid)\n`) },
      { name: '{:d} formatting', text: module('import sqlite3', `cursor.execute("SELECT * FROM users WHERE id = {:d}".format(uid))\n`) },
      {
        name: 'a variable holding an int() cast',
        text: module('import sqlite3', `n = int(request.args["id"])\ncursor.execute(f"SELECT * FROM users WHERE id = {n}")\n`),
      },
      { name: 'an unknown string variable (no constant text to judge)', text: module('import sqlite3', `cursor.execute(uid)\n`) },
    ];
    for (const { name, text } of safe) {
      it(name, async () => {
        assert.deepEqual(await findings(text), []);
      });
    }

    const safeCommands: { name: string; text: string }[] = [
      { name: 'subprocess.run with a list', text: module('import subprocess', `subprocess.run(["convert", uid, name])\n`) },
      { name: 'a string without shell=True', text: module('import subprocess', `subprocess.run(f"convert {uid} {name}")\n`) },
      { name: 'shell=False', text: module('import subprocess', `subprocess.run(f"convert {uid}", shell=False)\n`) },
      {
        name: 'shlex.quote()d values',
        text: module('import shlex\nimport subprocess', `subprocess.run(f"convert {shlex.quote(uid)} {shlex.quote(name)}", shell=True)\n`),
      },
      { name: 'quote imported from shlex', text: module('import os\nfrom shlex import quote', `os.system("tar czf backup.tgz " + quote(name))\n`) },
      { name: 'a constant command', text: module('import os', `os.system("ls -la")\n`) },
      { name: 'an int() cast', text: module('import os', `os.system(f"kill -9 {int(uid)}")\n`) },
    ];
    for (const { name, text } of safeCommands) {
      it(`command: ${name}`, async () => {
        assert.deepEqual(await findings(text, 'shell'), []);
      });
    }
  });

  describe('severity', () => {
    it('a local value that is neither a parameter nor a request value: warning', async () => {
      const text = `import sqlite3\n\n\ndef report():\n    name = current_user_name()\n    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")\n`;
      const finding = await only(text);
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /^SQL built from interpolated values: `name` is interpolated/);
    });

    it('a Django view reading request.GET: error naming the request value', async () => {
      const text = `from django.db import connection\n\n\ndef search(request):\n    term = request.GET.get("q")\n    with connection.cursor() as cursor:\n        cursor.execute(f"SELECT * FROM items WHERE title = '{term}'")\n`;
      const finding = await only(text);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /`term` \(request value request\.GET\)/);
    });

    it('a FastAPI route parameter: error naming the route parameter', async () => {
      const text = `import asyncpg\nfrom fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.get("/users")\nasync def users(order_by: str, name: str):\n    return await conn.fetch(f"SELECT * FROM users WHERE name = '{name}'")\n`;
      const finding = await only(text);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /`name` \(route parameter name\)/);
    });

    it('Flask request.get_json() through two assignments', async () => {
      const text = `import sqlite3\nfrom flask import request\n\n\ndef create():\n    body = request.get_json()\n    email = body["email"]\n    conn.execute("INSERT INTO users (email) VALUES ('" + email + "')")\n`;
      const finding = await only(text);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /`email` \(request value request\.get_json\(\)\)/);
    });

    it('a module-level script value: warning', async () => {
      const text = `import sqlite3\nimport sys\n\nconn = sqlite3.connect("x.db")\nconn.execute(f"DELETE FROM users WHERE name = '{sys.argv[1]}'")\n`;
      assert.equal((await only(text)).severity, 'warning');
    });
  });

  describe('identifier and fragment holes', () => {
    it('an ORDER BY column from a parameter: its own error, no fix', async () => {
      const text = module('import sqlite3', `cursor.execute(f"SELECT * FROM users ORDER BY {name}")\n`);
      const finding = await only(text);
      assert.equal(finding.severity, 'error');
      assert.match(
        finding.message,
        /`name` \(parameter name\) is interpolated into the SQL .* as a table or column name, which cannot be parameterized: check it against an allowlist of known column names/,
      );
      assert.deepEqual(finding.fixes, []);
    });

    it('a table name and a value: two findings, neither with a fix', async () => {
      const text = module('import sqlite3', `cursor.execute(f"SELECT * FROM {name} WHERE id = '{uid}'")\n`);
      const found = await findings(text);
      assert.equal(found.length, 2, JSON.stringify(found.map((finding) => finding.message)));
      assert.ok(found.some((finding) => /^SQL injection: `uid`/.test(finding.message) && finding.fixes.length === 0));
      assert.ok(found.some((finding) => /table or column name/.test(finding.message)));
      assert.notEqual(found[0].fingerprint, found[1].fingerprint);
    });

    it('an identifier from a non-parameter value: warning', async () => {
      const text = `import sqlite3\n\n\ndef f():\n    column = settings.sort_column\n    cursor.execute(f"SELECT * FROM users ORDER BY {column}")\n`;
      assert.equal((await only(text)).severity, 'warning');
    });

    it('a whole WHERE condition from a value: a fragment finding', async () => {
      const text = module('import sqlite3', `cursor.execute(f"SELECT * FROM users WHERE {name}")\n`);
      const finding = await only(text);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /as a keyword or SQL fragment, which cannot be parameterized/);
      assert.deepEqual(finding.fixes, []);
    });
  });

  describe('parameterize fix details', () => {
    it('merges with existing positional params', async () => {
      const text = module('import psycopg2', `cursor.execute(f"SELECT * FROM users WHERE id = %s AND name = '{name}'", (uid,))\n`);
      assert.equal(await fixed(text), module('import psycopg2', `cursor.execute("SELECT * FROM users WHERE id = %s AND name = %s", (uid, name))\n`));
    });

    it('merges with existing named params (SQLAlchemy text)', async () => {
      const text = module('from sqlalchemy import text', `session.execute(text(f"SELECT * FROM users WHERE id = :id AND name = '{name}'"), {"id": uid})\n`);
      assert.equal(
        await fixed(text),
        module('from sqlalchemy import text', `session.execute(text("SELECT * FROM users WHERE id = :id AND name = :name"), {"id": uid, "name": name})\n`),
      );
    });

    it('a LIKE pattern keeps its wildcards in the value', async () => {
      const text = module('import sqlite3', `cursor.execute(f"SELECT * FROM products WHERE title LIKE '%{name}%'")\n`);
      assert.equal(await fixed(text), module('import sqlite3', `cursor.execute("SELECT * FROM products WHERE title LIKE ?", (f"%{name}%",))\n`));
    });

    it('doubles a literal % for the format style', async () => {
      const text = module('import psycopg2', `cursor.execute(f"SELECT * FROM users WHERE name = '{name}' AND email LIKE '%@example.com'")\n`);
      assert.equal(
        await fixed(text),
        module('import psycopg2', `cursor.execute("SELECT * FROM users WHERE name = %s AND email LIKE '%%@example.com'", (name,))\n`),
      );
    });

    it('merges with existing $n arguments (asyncpg)', async () => {
      const signature = 'async def handler(uid, name):';
      const text = module('import asyncpg', `await conn.fetch(f"SELECT * FROM users WHERE id = $1 AND name = '{name}'", uid)\n`, signature);
      assert.equal(await fixed(text), module('import asyncpg', `await conn.fetch("SELECT * FROM users WHERE id = $1 AND name = $2", uid, name)\n`, signature));
    });

    it('merges with an existing params list (Django raw)', async () => {
      const text = module('from django.db import models', `User.objects.raw(f"SELECT * FROM auth_user WHERE id = %s AND username = '{name}'", [uid])\n`);
      assert.equal(
        await fixed(text),
        module('from django.db import models', `User.objects.raw("SELECT * FROM auth_user WHERE id = %s AND username = %s", [uid, name])\n`),
      );
    });

    it('picks the quote that needs no escaping', async () => {
      const text = module('import sqlite3', `cursor.execute(f'SELECT "name" FROM users WHERE id = {uid}')\n`);
      assert.equal(await fixed(text), module('import sqlite3', `cursor.execute('SELECT "name" FROM users WHERE id = ?', (uid,))\n`));
    });

    it('deletes every building line (with its trailing comment) and keeps unrelated comments', async () => {
      const text = module(
        'import sqlite3',
        `# build the query\nq = "SELECT * FROM users"  # base\nq += f" WHERE name = '{name}'"  # nosec\ncursor.execute(q)\n`,
      );
      assert.equal(await fixed(text), module('import sqlite3', `# build the query\ncursor.execute("SELECT * FROM users WHERE name = ?", (name,))\n`));
    });

    it('no fix when no driver is imported: the message says what to do', async () => {
      const finding = await only(module('', `cursor.execute(f"SELECT * FROM users WHERE id = {uid}")\n`));
      assert.match(finding.message, /no database driver is imported.*use your driver's placeholders and pass the values separately/);
      assert.deepEqual(finding.fixes, []);
    });

    it('no fix when several drivers are imported', async () => {
      const finding = await only(module('import sqlite3\nimport psycopg2', `cursor.execute(f"SELECT * FROM users WHERE id = {uid}")\n`));
      assert.match(finding.message, /several drivers are imported \(sqlite3, psycopg2\)/);
      assert.deepEqual(finding.fixes, []);
    });

    it('no fix when a value is reassigned between building and running', async () => {
      const finding = await only(module('import sqlite3', `q = f"SELECT * FROM users WHERE name = '{name}'"\nname = name.strip()\ncursor.execute(q)\n`));
      assert.match(finding.message, /name changes between where the string is built and where it runs/);
      assert.deepEqual(finding.fixes, []);
    });

    it('no fix when the building statement shares its line', async () => {
      const finding = await only(module('import sqlite3', `q = f"SELECT * FROM users WHERE id = {uid}"; other = 1\ncursor.execute(q)\n`));
      assert.deepEqual(finding.fixes, []);
    });

    it('no fix when the existing params are a variable', async () => {
      const finding = await only(module('import psycopg2', `cursor.execute(f"SELECT * FROM users WHERE id = %s AND name = '{name}'", params)\n`));
      assert.match(finding.message, /not a tuple or list literal/);
      assert.deepEqual(finding.fixes, []);
    });

    it('no fix when the one %s value is a variable holding a tuple', async () => {
      const finding = await only(module('import sqlite3', `args = (name,)\ncursor.execute("SELECT * FROM users WHERE name = '%s'" % args)\n`));
      assert.match(finding.message, /^SQL injection: `args`/);
      assert.deepEqual(finding.fixes, []);
    });

    it('no fix for values passed as a whole tuple', async () => {
      const finding = await only(module('import sqlite3', `cursor.execute("SELECT * FROM users WHERE id = %s AND name = '%s'" % uid)\n`));
      assert.deepEqual(finding.fixes, []);
    });
  });

  describe('shell commands', () => {
    it('subprocess.run(f"…", shell=True) becomes an argument list', async () => {
      const text = module('import subprocess', `subprocess.run(f"convert {uid} {name}", shell=True)\n`);
      const finding = await only(text, 'shell');
      assert.equal(finding.severity, 'error');
      assert.equal(finding.category, 'string-built-command');
      assert.equal(
        finding.message,
        'Command injection: `uid` (parameter uid) and `name` (parameter name) are interpolated into the command line that `subprocess.run()` runs through a shell. ' +
          'A value containing `;`, `|`, `$( )` or quotes runs other commands: pass the program and its arguments as a list (subprocess.run([...]) without shell=True), or quote each value with shlex.quote().',
      );
      assert.equal(fixOf(finding).title, 'Run without a shell (argument list)');
      assert.equal(applyTextEdits(text, fixOf(finding).edits), module('import subprocess', `subprocess.run(["convert", uid, name])\n`));
    });

    it('keeps the other keywords', async () => {
      const text = module('import subprocess', `out = subprocess.check_output("identify -format %w " + name, shell=True, text=True)\n`);
      assert.equal(await fixed(text, 'shell'), module('import subprocess', `out = subprocess.check_output(["identify", "-format", "%w", name], text=True)\n`));
    });

    it('Popen through an inlined variable', async () => {
      const text = module('from subprocess import Popen', `cmd = "ping -c 1 " + name\nproc = Popen(cmd, shell=True)\n`);
      assert.equal(await fixed(text, 'shell'), module('from subprocess import Popen', `proc = Popen(["ping", "-c", "1", name])\n`));
    });

    it('unquotes shlex.quote()d values in the list', async () => {
      const text = module('import shlex\nimport subprocess', `subprocess.call(f"cp {shlex.quote(uid)} {name}", shell=True)\n`);
      const finding = await only(text, 'shell');
      assert.match(finding.message, /: `name` \(parameter name\) is interpolated/);
      assert.equal(applyTextEdits(text, fixOf(finding).edits), module('import shlex\nimport subprocess', `subprocess.call(["cp", uid, name])\n`));
    });

    it('os.system becomes subprocess.call, adding the import before the first one (after the docstring)', async () => {
      const text = `"""Backups."""\nimport os\n\n\ndef backup(path):\n    os.system(f"tar czf backup.tgz {path}")\n`;
      assert.equal(
        await fixed(text, 'shell'),
        `"""Backups."""\nimport subprocess\nimport os\n\n\ndef backup(path):\n    subprocess.call(["tar", "czf", "backup.tgz", path])\n`,
      );
    });

    it('os.system keeps __future__ imports first and reuses a subprocess alias', async () => {
      const text = `from __future__ import annotations\nimport os\n\n\ndef backup(path):\n    os.system("gzip " + path)\n`;
      assert.equal(
        await fixed(text, 'shell'),
        `from __future__ import annotations\nimport subprocess\nimport os\n\n\ndef backup(path):\n    subprocess.call(["gzip", path])\n`,
      );
      const aliased = `import os\nimport subprocess as sp\n\n\ndef backup(path):\n    os.system("gzip " + path)\n`;
      assert.equal(await fixed(aliased, 'shell'), `import os\nimport subprocess as sp\n\n\ndef backup(path):\n    sp.call(["gzip", path])\n`);
    });

    it('asyncio.create_subprocess_shell becomes create_subprocess_exec', async () => {
      const text = module(
        'import asyncio',
        `proc = await asyncio.create_subprocess_shell(f"convert {uid} {name}", stdout=PIPE)\n`,
        'async def handler(uid, name):',
      );
      assert.equal(
        await fixed(text, 'shell'),
        module('import asyncio', `proc = await asyncio.create_subprocess_exec("convert", uid, name, stdout=PIPE)\n`, 'async def handler(uid, name):'),
      );
    });

    const refused: { name: string; body: string; reason: RegExp }[] = [
      { name: 'a pipe', body: `os.system(f"cat {name} | grep error")\n`, reason: /shell syntax/ },
      { name: 'a redirection', body: `os.system(f"echo {name} > /tmp/out")\n`, reason: /shell syntax/ },
      { name: 'quotes', body: `os.system(f"echo '{name}'")\n`, reason: /shell syntax/ },
      { name: 'a value glued to text', body: `os.system(f"convert --out={name}")\n`, reason: /glued/ },
      { name: 'os.popen', body: `os.popen(f"ls {name}")\n`, reason: /no list form/ },
      { name: 'an environment assignment', body: `os.system(f"LANG=C sort {name}")\n`, reason: /variable assignment/ },
    ];
    for (const { name, body, reason } of refused) {
      it(`no command fix with ${name}`, async () => {
        const finding = await only(module('import os', body), 'shell');
        assert.match(finding.message, reason);
        assert.deepEqual(finding.fixes, []);
      });
    }

    it('a non-parameter value: warning', async () => {
      const text = `import os\n\n\ndef clean():\n    path = config.tmp_dir\n    os.system("rm -rf " + path)\n`;
      assert.equal((await only(text, 'shell')).severity, 'warning');
    });

    it('args= and shell=True as keywords', async () => {
      const text = module('import subprocess', `subprocess.run(args=f"convert {uid} out.png", shell=True)\n`);
      assert.equal(await fixed(text, 'shell'), module('import subprocess', `subprocess.run(args=["convert", uid, "out.png"])\n`));
    });

    it('no command fix when the command variable is also used elsewhere', async () => {
      const finding = await only(module('import subprocess', `cmd = f"convert {uid} {name}"\nprint(cmd)\nsubprocess.run(cmd, shell=True)\n`), 'shell');
      assert.match(finding.message, /cmd is also used elsewhere/);
      assert.deepEqual(finding.fixes, []);
    });

    it('commands.getoutput and subprocess.getoutput always use a shell', async () => {
      const text = module('import subprocess', `subprocess.getoutput(f"whois {name}")\n`);
      assert.match((await only(text, 'shell')).message, /subprocess\.getoutput\(\)/);
    });
  });

  describe('the gate before parsing (mayHoldSink)', () => {
    // Every sink findSinks reads must pass the gate, whatever the spacing: these go through the
    // real rules, so a gate that dropped them would lose the finding.
    const reported: [string, string, 'sql' | 'shell'][] = [
      ['spaces around the . and the (', module('', `cur . execute (f"SELECT * FROM users WHERE id = {uid}")\n`), 'sql'],
      ['the method on the next line of a bracketed call', module('', `rows = (cur.\n    execute(f"SELECT * FROM users WHERE name = '{name}'"))\n`), 'sql'],
      ['a backslash continuation before the (', module('', `cur.executemany \\\n    (f"DELETE FROM t WHERE id = {uid}", rows)\n`), 'sql'],
      [
        'sqlalchemy text() imported under another name',
        module('from sqlalchemy import text as sql_text', `db.execute(sql_text(f"SELECT * FROM t WHERE id = {uid}"))\n`),
        'sql',
      ],
      [
        'shell = True spaced and on its own line',
        module('import subprocess', `subprocess.run(f"convert {uid} {name}",\n               shell = True)\n`),
        'shell',
      ],
      ['os.system through a module imported under another name', module('import os as o', `o.system(f"convert {uid} {name}")\n`), 'shell'],
      // The rule's old gate asked for `system(`, so a renamed import was never analysed.
      ['os.system imported under another name', module('from os import system as run_command', `run_command(f"convert {uid} {name}")\n`), 'shell'],
      ['os.popen imported under another name, in parentheses', module('from os import (\n    popen as open_pipe,\n)', `open_pipe(f"ls {name}")\n`), 'shell'],
    ];
    for (const [name, text, family] of reported) {
      it(`lets through and reports: ${name}`, async () => {
        assert.equal(mayHoldSink(text, family), true);
        assert.equal((await findings(text, family)).length, 1);
      });
    }

    const skipped: [string, string, 'sql' | 'shell'][] = [
      ['words that are no sink call', 'extra = raw + fetch_size\n# exec the SQL later\nexecutor = None\n', 'sql'],
      ['subprocess without shell=True', 'import subprocess\nsubprocess.run(["ls", path])\nshell = False\n', 'shell'],
      ['shell function names in prose', '"Runs on any operating system; see popen and getoutput."\n', 'shell'],
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
      const text = `import sqlite3\n\ndef f(uid):\n    cursor.execute(f"SELECT * FROM users WHERE id = {uid}" +)\n    )))\n`;
      const result = await analyze({ path: 'app/x.py', text }, { rules: [SQL_RULE, SHELL_RULE] });
      assert.deepEqual(result.ruleErrors, []);
      assert.deepEqual(result.findings, []);
    });

    it('a valid function in a file with an error elsewhere is still checked and fixed', async () => {
      const text = `import sqlite3\n\n\ndef f(uid):\n    cursor.execute(f"SELECT * FROM users WHERE id = {uid}")\n\n\ndef broken(:\n    pass\n`;
      const finding = await only(text);
      assert.equal(
        applyTextEdits(text, fixOf(finding).edits),
        text.replace(`f"SELECT * FROM users WHERE id = {uid}")`, `"SELECT * FROM users WHERE id = ?", (uid,))`),
      );
    });
  });
});
