// The JS/TS analysis behind string-built-query and string-built-command, run through the real
// engine: which sinks and building forms are found, what is left alone, severity and taint, the
// findings for identifier/fragment holes, and every quick fix's exact output (or why there is none).
import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../src/core/edits';
import { analyze } from '../../src/core/engine';
import type { Rule } from '../../src/core/rule';
import stringBuiltCommand from '../../src/core/rules/string-built-command';
import stringBuiltQuery from '../../src/core/rules/string-built-query';
import type { Finding } from '../../src/core/types';

type Family = 'sql' | 'shell';

// The real rules, so every case also goes through their pre-filters (a gate that drops a file
// the analyzer would report is a recall bug, and these tables catch it).
const RULES: Record<Family, Rule> = { sql: stringBuiltQuery, shell: stringBuiltCommand };

interface Options {
  family?: Family;
  path?: string;
}

async function findings(text: string, { family = 'sql', path = 'src/x.ts' }: Options = {}): Promise<Finding[]> {
  const result = await analyze({ path, text }, { rules: [RULES[family]] });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

async function only(text: string, options: Options = {}): Promise<Finding> {
  const found = await findings(text, options);
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

function fixed(text: string, finding: Finding): string {
  assert.equal(finding.fixes.length, 1, `expected a fix: ${finding.message}`);
  return applyTextEdits(text, finding.fixes[0].edits);
}

function flaggedText(text: string, finding: Finding): string {
  const lines = text.split('\n');
  const { start, end } = finding.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

const PG = `import { Pool } from 'pg';\nconst pool = new Pool();\n`;

describe('queries: JavaScript/TypeScript', () => {
  describe('the Express coupon example', () => {
    const text = [
      `import { Pool } from 'pg';`,
      `const pool = new Pool();`,
      `app.get('/coupons', async (req, res) => {`,
      `  const code = req.query.code;`,
      `  const result = await pool.query(\`SELECT * FROM coupons WHERE code = '\${code}' AND expires_at > NOW()\`);`,
      `  res.json(result.rows);`,
      `});`,
      ``,
    ].join('\n');

    it('is one error at pool.query naming code from req.query', async () => {
      const finding = await only(text);
      assert.equal(finding.severity, 'error');
      assert.equal(finding.category, 'string-built-query');
      assert.match(flaggedText(text, finding), /^pool\.query\(`SELECT/);
      assert.match(finding.message, /`code` \(request value req\.query\.code\)/);
      assert.ok(finding.related?.some((related) => related.message.includes('req.query.code') && related.range.start.line === 3));
    });

    it("is parameterized with $1 and a values array, in the file's prevailing (single) quotes", async () => {
      const finding = await only(text);
      assert.equal(finding.fixes[0].title, 'Parameterize query');
      assert.equal(finding.fixes[0].safe, true);
      assert.equal(
        fixed(text, finding),
        text.replace(
          "pool.query(`SELECT * FROM coupons WHERE code = '${code}' AND expires_at > NOW()`)",
          "pool.query('SELECT * FROM coupons WHERE code = $1 AND expires_at > NOW()', [code])",
        ),
      );
    });

    it('uses double quotes in a file that prefers them', async () => {
      const double = text.replace(/'pg'/, '"pg"').replace("'/coupons'", '"/coupons"');
      const finding = await only(double);
      assert.match(fixed(double, finding), /pool\.query\("SELECT \* FROM coupons WHERE code = \$1 AND expires_at > NOW\(\)", \[code\]\);/);
    });
  });

  describe('building forms', () => {
    const cases: { name: string; body: string; holes: string[] }[] = [
      { name: 'template literal', body: 'return pool.query(`SELECT * FROM users WHERE id = ${id}`);', holes: ['id'] },
      { name: '+ concatenation', body: 'return pool.query("SELECT * FROM users WHERE id = " + id);', holes: ['id'] },
      {
        name: '+= across lines through a local variable',
        body: 'let q = "SELECT * FROM users";\n  q += " WHERE id = " + id;\n  return pool.query(q);',
        holes: ['id'],
      },
      { name: 'q = q + … reassignment', body: 'let q = "SELECT * FROM users";\n  q = q + " WHERE id = " + id;\n  return pool.query(q);', holes: ['id'] },
      { name: '.concat()', body: 'return pool.query("SELECT * FROM users WHERE id = ".concat(id));', holes: ['id'] },
      { name: 'util.format', body: 'return pool.query(util.format("SELECT * FROM users WHERE name = \'%s\'", id));', holes: ['id'] },
      { name: 'String.raw', body: 'return pool.query(String.raw`SELECT * FROM users WHERE id = ${id}`);', holes: ['id'] },
      { name: '[…].join(" ")', body: 'return pool.query(["SELECT * FROM users", "WHERE id =", id].join(" "));', holes: ['id'] },
      {
        name: 'parts pushed then joined',
        body: 'const where = [];\n  if (id) where.push(`id = ${id}`);\n  return pool.query("SELECT * FROM users WHERE " + where.join(" AND "));',
        holes: ['id'],
      },
      {
        name: 'a local const holding a fragment',
        body: 'const filter = `id = ${id}`;\n  return pool.query(`SELECT * FROM users WHERE ${filter}`);',
        holes: ['id'],
      },
      {
        name: 'conditional appends',
        body: 'let q = "SELECT * FROM users WHERE 1 = 1";\n  if (id) q += " AND id = " + id;\n  return pool.query(q);',
        holes: ['id'],
      },
    ];
    for (const { name, body, holes } of cases) {
      it(name, async () => {
        const text = `import util from 'util';\n${PG}export function find(id: string) {\n  ${body}\n}\n`;
        const finding = await only(text);
        for (const hole of holes) assert.match(finding.message, new RegExp(`\`${hole}\` \\(parameter ${hole}\\)`));
        assert.equal(finding.severity, 'error');
      });
    }

    it('format imported from util', async () => {
      const text = `import { format } from 'node:util';\n${PG}export const find = (name: string) => pool.query(format("SELECT * FROM users WHERE name = '%s'", name));\n`;
      assert.match((await only(text)).message, /`name`/);
    });

    it('folds module constants into the text', async () => {
      const text = `${PG}const TABLE = 'users';\nconst BASE = \`SELECT * FROM \${TABLE}\`;\nexport const find = (id: string) => pool.query(BASE + " WHERE id = " + id);\n`;
      const finding = await only(text);
      assert.match(finding.message, /`id`/);
      assert.doesNotMatch(finding.message, /TABLE|BASE/);
      assert.equal(finding.fixes[0].safe, false, 'an inlined named constant makes the fix unsafe');
      assert.match(fixed(text, finding), /pool\.query\('SELECT \* FROM users WHERE id = \$1', \[id\]\)/);
    });

    it('gives up when the base differs per branch', async () => {
      const text = `${PG}export function find(id: string, admin: boolean) {\n  let q;\n  if (admin) q = "SELECT * FROM users WHERE id = " + id;\n  else q = "SELECT name FROM users WHERE id = " + id;\n  return pool.query(q);\n}\n`;
      assert.deepEqual(await findings(text), []);
    });

    it('reports a build inside the sink through the related locations of the building statements', async () => {
      const text = `${PG}export async function find(id: string) {\n  let q = "SELECT * FROM users";\n  q += " WHERE id = " + id;\n  return pool.query(q);\n}\n`;
      const finding = await only(text);
      assert.deepEqual(
        finding.related?.map((related) => [related.message, related.range.start.line]),
        [
          ['`id` comes from parameter id', 2],
          ['SQL built here', 3],
          ['appended here', 4],
        ],
      );
    });
  });

  describe('sinks', () => {
    const cases: { name: string; text: string; flagged: RegExp }[] = [
      {
        name: 'pg Client',
        text: `import { Client } from 'pg';\nconst client = new Client();\nexport const f = (id: string) => client.query("DELETE FROM users WHERE id = " + id);\n`,
        flagged: /^client\.query/,
      },
      {
        name: 'mysql2 query',
        text: `import mysql from 'mysql2/promise';\nexport const f = (conn: any, id: string) => conn.query(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        flagged: /^conn\.query/,
      },
      {
        name: 'mysql2 execute',
        text: `import mysql from 'mysql2/promise';\nexport const f = (conn: any, id: string) => conn.execute(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        flagged: /^conn\.execute/,
      },
      {
        name: 'sqlite3 all',
        text: `import sqlite3 from 'sqlite3';\nexport const f = (db: any, id: string) => db.all(\`SELECT * FROM t WHERE id = \${id}\`, cb);\n`,
        flagged: /^db\.all/,
      },
      {
        name: 'sqlite3 run',
        text: `import sqlite3 from 'sqlite3';\nexport const f = (db: any, id: string) => db.run(\`UPDATE t SET seen = 1 WHERE id = \${id}\`);\n`,
        flagged: /^db\.run/,
      },
      {
        name: 'sqlite3 get',
        text: `const sqlite3 = require('sqlite3');\nexports.f = (db, id) => db.get("SELECT * FROM t WHERE id = " + id, cb);\n`,
        flagged: /^db\.get/,
      },
      {
        name: 'sqlite3 each',
        text: `const sqlite3 = require('sqlite3');\nexports.f = (db, id) => db.each("SELECT * FROM t WHERE id = " + id, cb);\n`,
        flagged: /^db\.each/,
      },
      {
        name: 'better-sqlite3 exec',
        text: `import Database from 'better-sqlite3';\nexport const f = (db: any, id: string) => db.exec(\`DELETE FROM t WHERE id = \${id}\`);\n`,
        flagged: /^db\.exec/,
      },
      {
        name: 'better-sqlite3 prepare',
        text: `import Database from 'better-sqlite3';\nexport const f = (db: any, id: string) => db.prepare(\`SELECT * FROM t WHERE id = \${id}\`).get();\n`,
        flagged: /^db\.prepare/,
      },
      {
        name: 'knex.raw',
        text: `import knex from 'knex';\nexport const f = (id: string) => knex.raw(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        flagged: /^knex\.raw/,
      },
      {
        name: 'knex whereRaw',
        text: `import knex from 'knex';\nexport const f = (db: any, id: string) => db('t').whereRaw(\`id = \${id}\`);\n`,
        flagged: /^db\('t'\)\.whereRaw/,
      },
      {
        name: 'knex havingRaw',
        text: `import knex from 'knex';\nexport const f = (db: any, n: string) => db('t').groupBy('a').havingRaw(\`count(*) > \${n}\`);\n`,
        flagged: /havingRaw/,
      },
      {
        name: 'knex joinRaw',
        text: `import knex from 'knex';\nexport const f = (db: any, id: string) => db('t').joinRaw(\`JOIN u ON u.id = t.uid AND u.org = '\${id}'\`);\n`,
        flagged: /joinRaw/,
      },
      {
        name: 'sequelize.query',
        text: `import { Sequelize } from 'sequelize';\nexport const f = (sequelize: Sequelize, id: string) => sequelize.query(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        flagged: /^sequelize\.query/,
      },
      {
        name: 'Sequelize.literal',
        text: `import { Sequelize } from 'sequelize';\nexport const f = (id: string) => ({ where: Sequelize.literal(\`id = \${id}\`) });\n`,
        flagged: /^Sequelize\.literal/,
      },
      {
        name: 'Prisma $queryRawUnsafe',
        text: `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport const f = (id: string) => prisma.$queryRawUnsafe(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        flagged: /^prisma\.\$queryRawUnsafe/,
      },
      {
        name: 'Prisma $executeRawUnsafe',
        text: `import { prisma } from './db';\nexport const f = (id: string) => prisma.$executeRawUnsafe("DELETE FROM t WHERE id = " + id);\n`,
        flagged: /^prisma\.\$executeRawUnsafe/,
      },
      {
        name: 'TypeORM DataSource.query',
        text: `import { DataSource } from 'typeorm';\nexport const f = (ds: DataSource, id: string) => ds.query(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        flagged: /^ds\.query/,
      },
      {
        name: 'TypeORM query builder where',
        text: `import { DataSource } from 'typeorm';\nexport const f = (ds: DataSource, id: string) => ds.createQueryBuilder('user').where(\`user.id = \${id}\`).getOne();\n`,
        flagged: /\.where$|where\(`user/,
      },
      {
        name: 'mssql request.query',
        text: `import sql from 'mssql';\nexport const f = async (id: string) => (await sql.connect(cfg)).request().query(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        flagged: /request\(\)\.query/,
      },
      {
        name: 'Drizzle sql.raw',
        text: `import { sql } from 'drizzle-orm';\nexport const f = (db: any, id: string) => db.execute(sql.raw(\`SELECT * FROM t WHERE id = \${id}\`));\n`,
        flagged: /^sql\.raw/,
      },
      {
        name: 'a bare query() helper',
        text: `import { query } from './db';\nexport const f = (id: string) => query(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        flagged: /^query\(/,
      },
      {
        name: 'pg config object',
        text: `${PG}export const f = (id: string) => pool.query({ text: \`SELECT * FROM t WHERE id = \${id}\` });\n`,
        flagged: /^pool\.query/,
      },
    ];
    for (const { name, text, flagged } of cases) {
      it(name, async () => {
        const found = await findings(text);
        assert.ok(found.length >= 1, 'no finding');
        assert.ok(
          found.some((finding) => flagged.test(flaggedText(text, finding))),
          found.map((finding) => flaggedText(text, finding)).join(' | '),
        );
        assert.ok(found.every((finding) => finding.severity === 'error'));
      });
    }

    it('Mongo $where with a built string', async () => {
      const text = `export const f = (users: any, name: string) => users.find({ $where: \`this.name === '\${name}'\` });\n`;
      const finding = await only(text);
      assert.match(finding.message, /\$where/);
      assert.match(flaggedText(text, finding), /^\$where:/);
      assert.equal(finding.severity, 'error');
    });
  });

  describe('left alone', () => {
    const cases: { name: string; text: string }[] = [
      { name: 'pg placeholders with values', text: `${PG}export const f = (id: string) => pool.query('SELECT * FROM t WHERE id = $1', [id]);\n` },
      {
        name: 'mysql ? with values',
        text: `import mysql from 'mysql2';\nexport const f = (c: any, id: string) => c.query('SELECT * FROM t WHERE id = ?', [id]);\n`,
      },
      {
        name: 'named :name replacements',
        text: `import { Sequelize } from 'sequelize';\nexport const f = (s: Sequelize, id: string) => s.query('SELECT * FROM t WHERE id = :id', { replacements: { id } });\n`,
      },
      {
        name: 'mssql @name input',
        text: `import sql from 'mssql';\nexport const f = (r: any, id: string) => r.input('id', id).query('SELECT * FROM t WHERE id = @id');\n`,
      },
      { name: 'constant-only strings', text: `${PG}export const f = () => pool.query("SELECT * FROM t WHERE a = " + "1");\n` },
      {
        name: 'module constants',
        text: `${PG}const TABLE = 'users';\nconst COLS = \`id, name\`;\nexport const f = () => pool.query(\`SELECT \${COLS} FROM \${TABLE}\`);\n`,
      },
      {
        name: 'Prisma tagged $queryRaw',
        text: `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport const f = (id: string) => prisma.$queryRaw\`SELECT * FROM t WHERE id = \${id}\`;\n`,
      },
      {
        name: 'slonik sql tag',
        text: `import { sql } from 'slonik';\nexport const f = (pool: any, id: string) => pool.query(sql.typeAlias('id')\`SELECT * FROM t WHERE id = \${id}\`);\n`,
      },
      {
        name: 'postgres.js sql tag',
        text: `import postgres from 'postgres';\nconst sql = postgres();\nexport const f = (id: string) => sql\`SELECT * FROM t WHERE id = \${id}\`;\n`,
      },
      {
        name: 'drizzle sql tag',
        text: `import { sql } from 'drizzle-orm';\nexport const f = (db: any, id: string) => db.execute(sql\`SELECT * FROM t WHERE id = \${id}\`);\n`,
      },
      {
        name: '@vercel/postgres sql tag',
        text: `import { sql } from '@vercel/postgres';\nexport const f = (id: string) => sql\`SELECT * FROM t WHERE id = \${id}\`;\n`,
      },
      { name: 'knex raw with bindings', text: `import knex from 'knex';\nexport const f = (id: string) => knex.raw('SELECT * FROM t WHERE id = ?', [id]);\n` },
      { name: 'query builder where(column, value)', text: `import knex from 'knex';\nexport const f = (db: any, id: string) => db('t').where('id', id);\n` },
      { name: 'query builder where({ id })', text: `import knex from 'knex';\nexport const f = (db: any, id: string) => db('t').where({ id });\n` },
      { name: 'a built string that is not SQL', text: `export const f = (cache: any, id: string) => cache.get(\`user:\${id}\`);\n` },
      { name: 'a query() that is not SQL', text: `export const f = (api: any, id: string) => api.query(\`users/\${id}/orders\`);\n` },
      { name: 'Number() around the value', text: `${PG}export const f = (id: string) => pool.query(\`SELECT * FROM t WHERE id = \${Number(id)}\`);\n` },
      {
        name: 'parseInt(x, 10) around the value',
        text: `${PG}export const f = (req: any) => pool.query("SELECT * FROM t LIMIT " + parseInt(req.query.limit, 10));\n`,
      },
      {
        name: 'placeholder numbers from an array length',
        text: `${PG}export function f(values: string[], id: string) {\n  values.push(id);\n  return pool.query(\`SELECT * FROM t WHERE id = $\${values.length}\`, values);\n}\n`,
      },
      {
        name: 'a choice between constants',
        text: `${PG}export const f = (asc: boolean) => pool.query(\`SELECT * FROM t ORDER BY id \${asc ? 'ASC' : 'DESC'}\`);\n`,
      },
      {
        name: 'mysql escape()',
        text: `import mysql from 'mysql';\nexport const f = (c: any, id: string) => c.query("SELECT * FROM t WHERE id = " + c.escape(id));\n`,
      },
      { name: 'a whole query from elsewhere (nothing built here)', text: `${PG}export const f = (text: string) => pool.query(text);\n` },
      {
        name: 'a column from a constant map',
        text: `${PG}const SORTS = { newest: 'created_at DESC', oldest: 'created_at ASC' } as const;\nexport const f = (key: keyof typeof SORTS) => pool.query(\`SELECT * FROM t ORDER BY \${SORTS[key]}\`);\n`,
      },
      {
        name: 'a column checked with includes() in a conditional',
        text: `${PG}const COLUMNS = ['name', 'created_at'];\nexport const f = (sort: string) => pool.query(\`SELECT * FROM t ORDER BY \${COLUMNS.includes(sort) ? sort : 'name'}\`);\n`,
      },
      {
        name: 'a column checked by an earlier guard',
        text: `${PG}const COLUMNS = new Set(['name', 'created_at']);\nexport async function f(sort: string) {\n  if (!COLUMNS.has(sort)) throw new Error('bad sort');\n  return pool.query(\`SELECT * FROM t ORDER BY \${sort}\`);\n}\n`,
      },
      {
        name: 'a value checked by an anchored word regex',
        text: `${PG}export async function f(table: string) {\n  if (!/^[a-z_]+$/.test(table)) return null;\n  return pool.query(\`SELECT * FROM \${table}\`);\n}\n`,
      },
      {
        name: 'an imported UPPER_CASE constant and an enum member',
        text: `${PG}import { USERS_TABLE } from './schema';\nenum Status { Open = 'open' }\nexport const f = () => pool.query(\`SELECT * FROM \${USERS_TABLE} WHERE status = '\${Status.Open}'\`);\n`,
      },
      {
        name: 'Mongo $where given a function',
        text: `export const f = (users: any, name: string) => users.find({ $where: function () { return this.name === name; } });\n`,
      },
      { name: 'a .where() that is not TypeORM', text: `export const f = (list: any, name: string) => list.where(\`name = \${name}\`);\n` },
    ];
    for (const { name, text } of cases) {
      it(name, async () =>
        assert.deepEqual(
          (await findings(text)).map((finding) => finding.message),
          [],
        ),
      );
    }

    it('execFile with an argument array and no shell', async () => {
      const text = `import { execFile } from 'child_process';\nexport const f = (file: string) => execFile('convert', [file, 'out.png']);\n`;
      assert.deepEqual(await findings(text, { family: 'shell' }), []);
    });

    it('a file with syntax errors (no AST, no crash)', async () => {
      const text = `${PG}export const f = (id: string) => pool.query(\`SELECT * FROM t WHERE id = \${id}\`\n  if (\n`;
      assert.deepEqual(await findings(text), []);
      assert.deepEqual(await findings(text, { family: 'shell' }), []);
    });
  });

  describe('severity and taint', () => {
    const errors: { name: string; text: string; taint: RegExp }[] = [
      {
        name: 'destructured request params',
        text: `${PG}app.get('/u/:id', async (req, res) => {\n  const { id } = req.params;\n  res.json(await pool.query(\`SELECT * FROM users WHERE id = \${id}\`));\n});\n`,
        taint: /`id` \(request value req\.params\.id\)/,
      },
      {
        name: 'Koa ctx.request.body',
        text: `${PG}router.post('/u', async (ctx) => {\n  const name = ctx.request.body.name;\n  ctx.body = await pool.query("SELECT * FROM users WHERE name = '" + name + "'");\n});\n`,
        taint: /`name` \(request value ctx\.request\.body\.name\)/,
      },
      {
        name: 'Koa ctx.query',
        text: `${PG}router.get('/u', async (ctx) => {\n  ctx.body = await pool.query(\`SELECT * FROM users WHERE name = '\${ctx.query.name}'\`);\n});\n`,
        taint: /request value ctx\.query\.name/,
      },
      {
        name: 'Fastify request.query',
        text: `${PG}fastify.get('/u', async (request) => pool.query(\`SELECT * FROM users WHERE id = \${request.query.id}\`));\n`,
        taint: /request value request\.query\.id/,
      },
      {
        name: 'NestJS @Param()',
        text: `${PG}class C {\n  @Get(':id')\n  find(@Param('id') id: string) {\n    return pool.query(\`SELECT * FROM users WHERE id = \${id}\`);\n  }\n}\n`,
        taint: /request value @Param\('id'\) id/,
      },
      {
        name: 'NestJS @Body() member',
        text: `${PG}class C {\n  @Post()\n  create(@Body() dto: Dto) {\n    return pool.query(\`INSERT INTO users (name) VALUES ('\${dto.name}')\`);\n  }\n}\n`,
        taint: /request value @Body\(\) dto/,
      },
      {
        name: 'a plain function parameter',
        text: `${PG}export async function byEmail(email: string) {\n  return pool.query("SELECT * FROM users WHERE email = '" + email + "'");\n}\n`,
        taint: /`email` \(parameter email\)/,
      },
      {
        name: 'Hono c.req.query()',
        text: `${PG}app.get('/s', async (c) => c.json(await pool.query(\`SELECT * FROM t WHERE q = '\${c.req.query('q')}'\`)));\n`,
        taint: /request value c\.req\.query\('q'\)/,
      },
      {
        name: 'JSON.stringify does not make a value safe',
        text: `${PG}export const f = (data: unknown) => pool.query(\`INSERT INTO t (doc) VALUES ('\${JSON.stringify(data)}')\`);\n`,
        taint: /`JSON\.stringify\(data\)` \(parameter data\)/,
      },
      {
        name: 'through a local assignment chain',
        text: `${PG}export async function f(req: any) {\n  let term = req.body.term;\n  term = term.trim();\n  return pool.query(\`SELECT * FROM t WHERE a = '\${term}'\`);\n}\n`,
        taint: /`term` \(request value req\.body\.term\)/,
      },
    ];
    for (const { name, text, taint } of errors) {
      it(`error: ${name}`, async () => {
        const finding = await only(text);
        assert.equal(finding.severity, 'error');
        assert.match(finding.message, taint);
      });
    }

    it('error: Next.js searchParams', async () => {
      const text = `${PG}export async function GET(request: Request) {\n  const q = request.nextUrl.searchParams.get('q');\n  return Response.json(await pool.query(\`SELECT * FROM t WHERE name = '\${q}'\`));\n}\n`;
      const finding = await only(text);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /`q` \(request value request\.nextUrl\.searchParams\.get\('q'\)\)/);
    });

    it('warning: the result of an awaited lookup is not the argument it was given', async () => {
      const text = `${PG}export async function f(id: string) {\n  const user = await loadUser(id);\n  return pool.query(\`SELECT * FROM orders WHERE owner = '\${user.name}'\`);\n}\n`;
      const finding = await only(text);
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /`user\.name`/);
    });

    it('warning when only other non-constant values are interpolated', async () => {
      const text = `${PG}let current = 'x';\nexport async function f() {\n  const day = new Date().toISOString();\n  return pool.query(\`SELECT * FROM t WHERE a = '\${current}' AND d = '\${day}'\`);\n}\n`;
      const finding = await only(text);
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /^SQL built from interpolated values: `current` and `day`/);
    });
  });

  describe('identifier and fragment holes', () => {
    it('an ORDER BY column gets its own finding, without a fix', async () => {
      const text = `${PG}export const f = (sort: string, id: string) => pool.query(\`SELECT * FROM t WHERE id = \${id} ORDER BY \${sort}\`);\n`;
      const found = await findings(text);
      assert.equal(found.length, 2, found.map((finding) => finding.message).join('\n'));
      const identifier = found.find((finding) => /allowlist/.test(finding.message));
      const value = found.find((finding) => /Pass values as query parameters/.test(finding.message));
      assert.ok(identifier && value);
      assert.equal(flaggedText(text, identifier), 'sort');
      assert.equal(identifier.severity, 'error');
      assert.deepEqual(identifier.fixes, []);
      assert.match(identifier.message, /cannot be parameterized: check it against an allowlist of known column names/);
      assert.deepEqual(value.fixes, []);
      assert.match(value.message, /No automatic fix: the query also takes SQL syntax from `sort`/);
    });

    it('an untainted table name is a warning', async () => {
      const text = `${PG}const tables = new Map();\nexport async function f() {\n  const table = tables.get('x');\n  return pool.query(\`SELECT * FROM \${table}\`);\n}\n`;
      const finding = await only(text);
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /table or column name/);
    });

    it('a whole condition is a fragment finding', async () => {
      const text = `${PG}export const f = (filter: string) => pool.query(\`SELECT * FROM t WHERE \${filter}\`);\n`;
      const finding = await only(text);
      assert.match(finding.message, /keyword or SQL fragment/);
      assert.equal(flaggedText(text, finding), 'filter');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.fixes, []);
    });

    it('knex orderByRaw of a column', async () => {
      const text = `import knex from 'knex';\nexport const f = (db: any, column: string) => db('t').orderByRaw(\`\${column} DESC\`);\n`;
      const finding = await only(text);
      assert.match(finding.message, /allowlist/);
    });
  });

  describe('Parameterize query', () => {
    const cases: { name: string; before: string; after: string }[] = [
      {
        name: 'pg: merges into an existing values array',
        before: `${PG}export const f = (a: string, b: string) => pool.query("SELECT * FROM t WHERE a = $1 AND b = '" + b + "'", [a]);\n`,
        // Three double-quoted strings against one single-quoted import: double quotes prevail here.
        after: `${PG}export const f = (a: string, b: string) => pool.query("SELECT * FROM t WHERE a = $1 AND b = $2", [a, b]);\n`,
      },
      {
        name: 'pg: inserts the values before a callback',
        before: `${PG}export const f = (id: string) => pool.query(\`SELECT * FROM t WHERE id = \${id}\`, (err, res) => {});\n`,
        after: `${PG}export const f = (id: string) => pool.query('SELECT * FROM t WHERE id = $1', [id], (err, res) => {});\n`,
      },
      {
        name: 'pg: LIKE with wildcards around the value',
        before: `${PG}export const f = (term: string) => pool.query(\`SELECT * FROM t WHERE name LIKE '%\${term}%'\`);\n`,
        after: `${PG}export const f = (term: string) => pool.query('SELECT * FROM t WHERE name LIKE $1', [\`%\${term}%\`]);\n`,
      },
      {
        name: 'pg: a variable used only at the sink is inlined and its building lines deleted',
        before: `${PG}export async function f(id: string, name: string) {\n  let q = "SELECT * FROM t";\n  q += " WHERE id = " + id;\n  q += " AND name = '" + name + "'";\n  return pool.query(q);\n}\n`,
        after: `${PG}export async function f(id: string, name: string) {\n  return pool.query("SELECT * FROM t WHERE id = $1 AND name = $2", [id, name]);\n}\n`,
      },
      {
        name: 'pg: a variable also used elsewhere is rewritten in place',
        before: `${PG}export async function f(id: string) {\n  const q = \`SELECT * FROM t WHERE id = \${id}\`;\n  console.log(q);\n  return pool.query(q);\n}\n`,
        after: `${PG}export async function f(id: string) {\n  const q = 'SELECT * FROM t WHERE id = $1';\n  console.log(q);\n  return pool.query(q, [id]);\n}\n`,
      },
      {
        name: 'pg: a multi-line template stays a template literal',
        before: `${PG}export const f = (id: string) => pool.query(\`\n  SELECT *\n  FROM t\n  WHERE id = '\${id}'\n\`);\n`,
        after: `${PG}export const f = (id: string) => pool.query(\`\n  SELECT *\n  FROM t\n  WHERE id = $1\n\`, [id]);\n`,
      },
      {
        name: 'pg: SQL with its own quotes switches to the other quote',
        before: `${PG}export const f = (id: string) => pool.query(\`SELECT * FROM t WHERE status = 'open' AND id = \${id}\`);\n`,
        after: `${PG}export const f = (id: string) => pool.query("SELECT * FROM t WHERE status = 'open' AND id = $1", [id]);\n`,
      },
      {
        name: 'pg: a query config text is left, a direct string is rewritten (CRLF file)',
        before: `import { Pool } from 'pg';\r\nconst pool = new Pool();\r\nexport async function f(id: string) {\r\n  let q = 'SELECT * FROM t';\r\n  q += ' WHERE id = ' + id;\r\n  return pool.query(q);\r\n}\r\n`,
        after: `import { Pool } from 'pg';\r\nconst pool = new Pool();\r\nexport async function f(id: string) {\r\n  return pool.query('SELECT * FROM t WHERE id = $1', [id]);\r\n}\r\n`,
      },
      {
        name: 'mysql2: ? and an array',
        before: `import mysql from 'mysql2/promise';\nexport const f = (c: any, id: string) => c.execute(\`SELECT * FROM t WHERE id = '\${id}'\`);\n`,
        after: `import mysql from 'mysql2/promise';\nexport const f = (c: any, id: string) => c.execute('SELECT * FROM t WHERE id = ?', [id]);\n`,
      },
      {
        name: 'sqlite3: the values go before the callback',
        before: `import sqlite3 from 'sqlite3';\nfunction done(err: Error) {}\nexport const f = (db: any, id: string) => db.all('SELECT * FROM t WHERE id = ' + id, done);\n`,
        after: `import sqlite3 from 'sqlite3';\nfunction done(err: Error) {}\nexport const f = (db: any, id: string) => db.all('SELECT * FROM t WHERE id = ?', [id], done);\n`,
      },
      {
        name: 'sqlite3: an array appended when there is none',
        before: `import sqlite3 from 'sqlite3';\nexport const f = (db: any, a: string) => db.run(\`DELETE FROM t WHERE a = '\${a}'\`);\n`,
        after: `import sqlite3 from 'sqlite3';\nexport const f = (db: any, a: string) => db.run('DELETE FROM t WHERE a = ?', [a]);\n`,
      },
      {
        name: 'sqlite3: merged into the values already passed',
        before: `import sqlite3 from 'sqlite3';\nexport const f = (db: any, a: string, b: string) => db.get(\`SELECT * FROM t WHERE a = ? AND b = \${b}\`, [a], () => {});\n`,
        after: `import sqlite3 from 'sqlite3';\nexport const f = (db: any, a: string, b: string) => db.get('SELECT * FROM t WHERE a = ? AND b = ?', [a, b], () => {});\n`,
      },
      {
        name: 'better-sqlite3: the values go to the statement call',
        before: `import Database from 'better-sqlite3';\nexport const f = (db: any, id: string) => db.prepare(\`SELECT * FROM t WHERE id = \${id}\`).get();\n`,
        after: `import Database from 'better-sqlite3';\nexport const f = (db: any, id: string) => db.prepare('SELECT * FROM t WHERE id = ?').get(id);\n`,
      },
      {
        name: 'knex raw: bindings array',
        before: `import knex from 'knex';\nexport const f = (id: string) => knex.raw(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        after: `import knex from 'knex';\nexport const f = (id: string) => knex.raw('SELECT * FROM t WHERE id = ?', [id]);\n`,
      },
      {
        name: 'knex whereRaw: bindings array',
        before: `import knex from 'knex';\nexport const f = (db: any, id: string) => db('t').whereRaw(\`id = '\${id}'\`);\n`,
        after: `import knex from 'knex';\nexport const f = (db: any, id: string) => db('t').whereRaw('id = ?', [id]);\n`,
      },
      {
        name: 'better-sqlite3: merged with values already passed to the statement',
        before: `import Database from 'better-sqlite3';\nexport const f = (db: any, a: string, b: string) => db.prepare("SELECT * FROM t WHERE a = ? AND b = '" + b + "'").all(a);\n`,
        after: `import Database from 'better-sqlite3';\nexport const f = (db: any, a: string, b: string) => db.prepare("SELECT * FROM t WHERE a = ? AND b = ?").all(a, b);\n`,
      },
      {
        name: 'knex whereRaw: merged into existing bindings',
        before: `import knex from 'knex';\nexport const f = (db: any, a: string, b: string) => db('t').whereRaw(\`a = ? AND b = '\${b}'\`, [a]);\n`,
        after: `import knex from 'knex';\nexport const f = (db: any, a: string, b: string) => db('t').whereRaw('a = ? AND b = ?', [a, b]);\n`,
      },
      {
        name: 'Sequelize: replacements in a new options object',
        before: `import { Sequelize } from 'sequelize';\nexport const f = (sequelize: Sequelize, id: string) => sequelize.query(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        after: `import { Sequelize } from 'sequelize';\nexport const f = (sequelize: Sequelize, id: string) => sequelize.query('SELECT * FROM t WHERE id = ?', { replacements: [id] });\n`,
      },
      {
        name: 'Sequelize: replacements merged into existing options',
        before: `import { Sequelize, QueryTypes } from 'sequelize';\nexport const f = (sequelize: Sequelize, id: string) => sequelize.query(\`SELECT * FROM t WHERE id = \${id}\`, { type: QueryTypes.SELECT });\n`,
        after: `import { Sequelize, QueryTypes } from 'sequelize';\nexport const f = (sequelize: Sequelize, id: string) => sequelize.query('SELECT * FROM t WHERE id = ?', { replacements: [id], type: QueryTypes.SELECT });\n`,
      },
      {
        name: 'Sequelize: replacements merged into existing replacements, multi-line options kept',
        before: `import { Sequelize, QueryTypes } from 'sequelize';\nexport const f = (sequelize: Sequelize, a: string, b: string) =>\n  sequelize.query(\`SELECT * FROM t WHERE a = ? AND b = \${b}\`, {\n    replacements: [a],\n    type: QueryTypes.SELECT,\n  });\n`,
        after: `import { Sequelize, QueryTypes } from 'sequelize';\nexport const f = (sequelize: Sequelize, a: string, b: string) =>\n  sequelize.query('SELECT * FROM t WHERE a = ? AND b = ?', {\n    replacements: [a, b],\n    type: QueryTypes.SELECT,\n  });\n`,
      },
      {
        name: 'Sequelize: a property added on its own line in a multi-line options object',
        before: `import { Sequelize, QueryTypes } from 'sequelize';\nexport const f = (sequelize: Sequelize, b: string) =>\n  sequelize.query(\`SELECT * FROM t WHERE b = \${b}\`, {\n    type: QueryTypes.SELECT,\n  });\n`,
        after: `import { Sequelize, QueryTypes } from 'sequelize';\nexport const f = (sequelize: Sequelize, b: string) =>\n  sequelize.query('SELECT * FROM t WHERE b = ?', {\n    replacements: [b],\n    type: QueryTypes.SELECT,\n  });\n`,
      },
      {
        name: 'Prisma: $queryRawUnsafe becomes the tagged $queryRaw',
        before: `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport const f = (code: string) => prisma.$queryRawUnsafe<Coupon[]>(\`SELECT * FROM coupons WHERE code = '\${code}'\`);\n`,
        after: `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport const f = (code: string) => prisma.$queryRaw<Coupon[]>\`SELECT * FROM coupons WHERE code = \${code}\`;\n`,
      },
      {
        name: 'Prisma: $executeRawUnsafe becomes $executeRaw',
        before: `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport const f = (id: string) => prisma.$executeRawUnsafe("DELETE FROM t WHERE id = " + id);\n`,
        after: `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport const f = (id: string) => prisma.$executeRaw\`DELETE FROM t WHERE id = \${id}\`;\n`,
      },
      {
        name: 'mssql: inputs chained before .query on a request',
        before: `import sql from 'mssql';\nexport const f = (pool: any, req: any) => pool.request().query(\`SELECT * FROM t WHERE code = '\${req.query.code}'\`);\n`,
        after: `import sql from 'mssql';\nexport const f = (pool: any, req: any) => pool.request().input('code', req.query.code).query('SELECT * FROM t WHERE code = @code');\n`,
      },
      {
        name: 'mssql: a request held in a const, two inputs',
        before: `import sql from 'mssql';\nexport async function f(pool: any, name: string, city: string) {\n  const request = pool.request();\n  return request.query("SELECT * FROM t WHERE name = '" + name + "' AND city = '" + city + "'");\n}\n`,
        // Four double-quoted strings against one single-quoted import: the new literals use double quotes.
        after: `import sql from 'mssql';\nexport async function f(pool: any, name: string, city: string) {\n  const request = pool.request();\n  return request.input("name", name).input("city", city).query("SELECT * FROM t WHERE name = @name AND city = @city");\n}\n`,
      },
      {
        name: 'mssql: a pool query becomes the tagged form',
        before: `import sql from 'mssql';\nexport const f = (id: string) => sql.query(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        after: `import sql from 'mssql';\nexport const f = (id: string) => sql.query\`SELECT * FROM t WHERE id = \${id}\`;\n`,
      },
      {
        name: 'Drizzle: sql.raw becomes the sql tag',
        before: `import { sql } from 'drizzle-orm';\nexport const f = (db: any, id: string) => db.execute(sql.raw(\`SELECT * FROM t WHERE id = '\${id}'\`));\n`,
        after: `import { sql } from 'drizzle-orm';\nexport const f = (db: any, id: string) => db.execute(sql\`SELECT * FROM t WHERE id = \${id}\`);\n`,
      },
    ];
    for (const { name, before, after } of cases) {
      it(name, async () => {
        const finding = await only(before);
        assert.equal(finding.fixes[0]?.title, 'Parameterize query', finding.message);
        assert.equal(fixed(before, finding), after);
      });
    }

    const refused: { name: string; text: string; reason: RegExp }[] = [
      {
        name: 'unknown driver',
        text: `import { db } from './db';\nexport const f = (id: string) => db.query(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        reason: /could not be identified/,
      },
      {
        name: 'several drivers',
        text: `import pg from 'pg';\nimport mysql from 'mysql2';\nexport const f = (db: any, id: string) => db.query(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        reason: /several database libraries/,
      },
      {
        name: 'conditional appends',
        text: `${PG}export function f(id: string, name: string) {\n  let q = "SELECT * FROM t WHERE 1 = 1";\n  if (name) q += " AND name = '" + name + "'";\n  return pool.query(q + " AND id = " + id);\n}\n`,
        reason: /branches or loops/,
      },
      {
        name: 'several variables',
        text: `${PG}export function f(id: string) {\n  const where = "id = " + id;\n  let q = "SELECT * FROM t WHERE " + where;\n  return pool.query(q);\n}\n`,
        reason: /several variables/,
      },
      {
        name: 'TypeORM',
        text: `import { DataSource } from 'typeorm';\nexport const f = (ds: DataSource, id: string) => ds.query(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        reason: /TypeORM/,
      },
      {
        name: 'Sequelize.literal',
        text: `import { Sequelize } from 'sequelize';\nexport const f = (id: string) => Sequelize.literal(\`id = \${id}\`);\n`,
        reason: /literal takes no replacements/,
      },
      {
        name: 'better-sqlite3 exec',
        text: `import Database from 'better-sqlite3';\nexport const f = (db: any, id: string) => db.exec(\`DELETE FROM t WHERE id = \${id}\`);\n`,
        reason: /exec\(\) runs SQL without parameters/,
      },
      {
        name: 'util.format',
        text: `import util from 'util';\n${PG}export const f = (id: string) => pool.query(util.format('SELECT * FROM t WHERE id = %s', id));\n`,
        reason: /util\.format/,
      },
      {
        name: 'an IN list',
        text: `${PG}export const f = (ids: string[]) => pool.query(\`SELECT * FROM t WHERE id IN (\${ids.join(',')})\`);\n`,
        reason: /IN \(…\) list/,
      },
      {
        name: 'existing placeholders of another style',
        text: `${PG}export const f = (a: string, b: string) => pool.query('SELECT * FROM t WHERE a = ? AND b = ' + b, [a]);\n`,
        reason: /already uses qmark placeholders/,
      },
      {
        name: 'values passed as a variable',
        text: `${PG}export const f = (values: string[], b: string) => pool.query('SELECT * FROM t WHERE b = ' + b, values);\n`,
        reason: /not written as an array/,
      },
      {
        name: 'a variable extended and also used elsewhere',
        text: `${PG}export function f(id: string) {\n  let q = 'SELECT * FROM t';\n  q += ' WHERE id = ' + id;\n  console.log(q);\n  return pool.query(q);\n}\n`,
        reason: /extended in several statements and also used elsewhere/,
      },
      {
        name: 'a value reassigned between building and running',
        text: `${PG}export function f(id: string) {\n  const q = 'SELECT * FROM t WHERE id = ' + id;\n  id = id.trim();\n  return pool.query(q);\n}\n`,
        reason: /`id` would be read at a different point/,
      },
      {
        name: 'building statements sharing a line',
        text: `${PG}export function f(id: string) {\n  let q = 'SELECT * FROM t'; q += ' WHERE id = ' + id;\n  return pool.query(q);\n}\n`,
        reason: /share their lines/,
      },
      {
        name: 'a rewrite that would not parse (tagged template in an optional chain)',
        text: `import { PrismaClient } from '@prisma/client';\nexport const f = (db: { client?: PrismaClient }, id: string) => db?.client.$queryRawUnsafe(\`SELECT * FROM t WHERE id = \${id}\`);\n`,
        reason: /would not parse/,
      },
    ];
    for (const { name, text, reason } of refused) {
      it(`no fix: ${name}`, async () => {
        const finding = await only(text);
        assert.deepEqual(finding.fixes, []);
        assert.match(finding.message, reason);
      });
    }
  });

  describe('commands', () => {
    const cases: { name: string; before: string; after?: string; severity?: 'error' | 'warning'; reason?: RegExp }[] = [
      {
        name: 'exec → execFile (named import renamed when exec has no other use)',
        before: `import { exec } from 'child_process';\nexport const f = (src: string, dst: string) => exec(\`convert \${src} \${dst}\`);\n`,
        after: `import { execFile } from 'child_process';\nexport const f = (src: string, dst: string) => execFile('convert', [src, dst]);\n`,
      },
      {
        name: 'exec → execFile added beside an exec still used elsewhere, callback kept',
        before: `import { exec } from 'node:child_process';\nexec('ls');\nexport const f = (src: string) => exec('convert ' + src + ' out.png', (err) => {});\n`,
        after: `import { exec, execFile } from 'node:child_process';\nexec('ls');\nexport const f = (src: string) => execFile('convert', [src, 'out.png'], (err) => {});\n`,
      },
      {
        name: 'execSync → execFileSync through a destructured require, options kept',
        before: `const { execSync } = require('child_process');\nexports.f = (dir) => execSync(\`ls -la \${dir}\`, { encoding: 'utf8' });\n`,
        after: `const { execFileSync } = require('child_process');\nexports.f = (dir) => execFileSync('ls', ['-la', dir], { encoding: 'utf8' });\n`,
      },
      {
        name: 'child_process.exec member call',
        before: `const child_process = require('child_process');\nexports.f = (dir) => child_process.exec('ls ' + dir);\n`,
        after: `const child_process = require('child_process');\nexports.f = (dir) => child_process.execFile('ls', [dir]);\n`,
      },
      {
        name: 'a command variable used only at the sink is inlined',
        before: `import { exec } from 'child_process';\nexport function f(file: string) {\n  const cmd = \`gzip -k \${file}\`;\n  return exec(cmd);\n}\n`,
        after: `import { execFile } from 'child_process';\nexport function f(file: string) {\n  return execFile('gzip', ['-k', file]);\n}\n`,
      },
      {
        name: 'spawn with shell: true',
        before: `import { spawn } from 'child_process';\nexport const f = (dir: string) => spawn(\`ls \${dir}\`, { shell: true });\n`,
        after: `import { spawn } from 'child_process';\nexport const f = (dir: string) => spawn('ls', [dir]);\n`,
      },
      {
        name: 'spawn with an args array and shell: true among other options',
        before: `import { spawn } from 'child_process';\nexport const f = (branch: string) => spawn('git', ['log', branch], { cwd: '/repo', shell: true });\n`,
        after: `import { spawn } from 'child_process';\nexport const f = (branch: string) => spawn('git', ['log', branch], { cwd: '/repo' });\n`,
      },
      {
        name: 'execaCommand → execa',
        before: `import { execaCommand } from 'execa';\nexport const f = (file: string) => execaCommand(\`prettier --write \${file}\`);\n`,
        after: `import { execa } from 'execa';\nexport const f = (file: string) => execa('prettier', ['--write', file]);\n`,
      },
      {
        name: 'a quoted value is one argument; an aliased exec gets execFile added',
        before: `import { exec as run } from 'child_process';\nexport const f = (file: string) => run(\`cat "\${file}" 'two words'\`);\n`,
        after: `import { exec as run, execFile } from 'child_process';\nexport const f = (file: string) => execFile('cat', [file, 'two words']);\n`,
      },
      {
        name: 'an execFile already imported is reused',
        before: `const { exec, execFile } = require('child_process');\nexports.f = (file) => exec(\`wc -l \${file}\`);\n`,
        after: `const { exec, execFile } = require('child_process');\nexports.f = (file) => execFile('wc', ['-l', file]);\n`,
      },
      {
        name: 'execa with shell: true',
        before: `import { execa } from 'execa';\nexport const f = (dir: string) => execa(\`du -sh \${dir}\`, { shell: true });\n`,
        after: `import { execa } from 'execa';\nexport const f = (dir: string) => execa('du', ['-sh', dir]);\n`,
      },
      {
        name: 'exec with a shell option: no fix',
        before: `import { exec } from 'child_process';\nexport const f = (dir: string) => exec(\`ls \${dir}\`, { shell: '/bin/bash' });\n`,
        reason: /options ask for a shell/,
      },
      {
        name: 'shell expansion inside double quotes: no fix',
        before: `import { exec } from 'child_process';\nexport const f = (dir: string) => exec(\`ls "$HOME/\${dir}"\`);\n`,
        reason: /shell syntax \(`\$`\)/,
      },
      {
        name: 'execFile is already another name in the file: no fix',
        before: `import { exec } from 'child_process';\nconst execFile = 1;\nexport const f = (dir: string) => exec(\`ls \${dir}\`);\n`,
        reason: /`execFile` is already a name in this file/,
      },
      {
        name: 'a command line joined from values with blanks',
        before: `import { execSync } from 'child_process';\nexport const f = (tool: string, file: string) => execSync(tool + ' ' + file);\n`,
        after: `import { execFileSync } from 'child_process';\nexport const f = (tool: string, file: string) => execFileSync(tool, [file]);\n`,
      },
      {
        name: 'shell metacharacters: no fix',
        before: `import { exec } from 'child_process';\nexport const f = (dir: string) => exec(\`ls \${dir} | wc -l\`);\n`,
        reason: /shell syntax \(`\|`\)/,
      },
      {
        name: 'a value glued to other text: no fix',
        before: `import { exec } from 'child_process';\nexport const f = (out: string) => exec(\`tar -czf --file=\${out} .\`);\n`,
        reason: /shares an argument with other text/,
      },
      {
        name: 'promisified exec: found, no fix',
        before: `import { exec } from 'child_process';\nimport { promisify } from 'util';\nconst run = promisify(exec);\nexport const f = (dir: string) => run(\`ls \${dir}\`);\n`,
        reason: /promisify/,
      },
      {
        name: 'zx with its quoting replaced',
        before: `import { $ } from 'zx';\n$.quote = (s) => s;\nexport const f = (dir: string) => $\`ls \${dir}\`;\n`,
        reason: /zx/,
      },
      {
        name: 'zx $({ quote })',
        before: `import { $ } from 'zx';\nexport const f = (dir: string) => $({ quote: (s: string) => s })\`ls \${dir}\`;\n`,
        reason: /zx/,
      },
      {
        name: 'zx given a pre-built string',
        before: `import { $ } from 'zx';\nexport const f = (dir: string) => $([\`ls \${dir}\`] as any);\n`,
        reason: /zx/,
      },
      {
        name: 'an untainted value is a warning',
        before: `import { exec } from 'child_process';\nconst home = process.env.HOME;\nexec(\`ls \${home}\`);\n`,
        severity: 'warning',
        after: `import { execFile } from 'child_process';\nconst home = process.env.HOME;\nexecFile('ls', [home]);\n`,
      },
    ];
    for (const { name, before, after, severity, reason } of cases) {
      it(name, async () => {
        const finding = await only(before, { family: 'shell' });
        assert.equal(finding.category, 'string-built-command');
        assert.equal(finding.severity, severity ?? 'error');
        if (after) {
          assert.equal(finding.fixes[0]?.title, 'Run without a shell');
          assert.equal(finding.fixes[0].safe, false);
          assert.equal(fixed(before, finding), after);
        } else {
          assert.deepEqual(finding.fixes, []);
          assert.match(finding.message, reason!);
        }
      });
    }

    const safe: { name: string; text: string }[] = [
      { name: 'zx template with default quoting', text: `import { $ } from 'zx';\nexport const f = (dir: string) => $\`ls \${dir}\`;\n` },
      { name: 'execa template', text: `import { $ } from 'execa';\nexport const f = (dir: string) => $\`ls \${dir}\`;\n` },
      { name: 'execa with an argument array', text: `import { execa } from 'execa';\nexport const f = (dir: string) => execa('ls', [dir]);\n` },
      { name: 'spawn without a shell', text: `import { spawn } from 'child_process';\nexport const f = (dir: string) => spawn('ls', [dir]);\n` },
      { name: 'a constant command', text: `import { exec } from 'child_process';\nconst FLAGS = '-la';\nexec(\`ls \${FLAGS}\`);\n` },
      { name: 'an exec that is not child_process', text: `export const f = (re: RegExp, s: string) => re.exec(\`x \${s}\`);\n` },
      {
        name: 'a numeric value',
        text: `import { execSync } from 'child_process';\nexport const f = (pid: string) => execSync(\`kill -9 \${Number(pid)}\`);\n`,
      },
    ];
    for (const { name, text } of safe) {
      it(`left alone: ${name}`, async () =>
        assert.deepEqual(
          (await findings(text, { family: 'shell' })).map((finding) => finding.message),
          [],
        ));
    }

    it('driver escaping protects SQL only: an escaped value in a shell command is reported', async () => {
      const text = `import { exec } from 'child_process';\nimport mysql from 'mysql';\nexport const f = (name: string) => exec(\`tar czf backup.tgz \${mysql.escape(name)}\`);\n`;
      assert.deepEqual(
        (await findings(text, { family: 'shell' })).map((finding) => [finding.ruleId, finding.severity]),
        [['string-built-command', 'error']],
      );
    });

    it("the two families do not report each other's sinks", async () => {
      const text = `import { exec } from 'child_process';\n${PG}export const f = (id: string) => { exec(\`rm \${id}\`); return pool.query(\`SELECT * FROM t WHERE id = \${id}\`); };\n`;
      assert.equal((await findings(text, { family: 'sql' })).length, 1);
      assert.equal((await findings(text, { family: 'shell' })).length, 1);
    });
  });

  describe('languages', () => {
    it('JSX files', async () => {
      const text = `import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function Page({ id }) {\n  const rows = await pool.query(\`SELECT * FROM t WHERE id = \${id}\`);\n  return <div>{rows.length}</div>;\n}\n`;
      const finding = await only(text, { path: 'src/page.jsx' });
      assert.match(finding.message, /`id` \(parameter id\)/);
    });

    it('TSX files', async () => {
      const text = `import mysql from 'mysql2/promise';\nexport async function List({ conn, q }: Props) {\n  const [rows] = await conn.query(\`SELECT * FROM t WHERE name LIKE '\${q}%'\`);\n  return <ul>{rows.map((row) => <li>{row.name}</li>)}</ul>;\n}\n`;
      const finding = await only(text, { path: 'src/List.tsx' });
      assert.equal(
        fixed(text, finding),
        text.replace(`conn.query(\`SELECT * FROM t WHERE name LIKE '\${q}%'\`)`, "conn.query('SELECT * FROM t WHERE name LIKE ?', [`${q}%`])"),
      );
    });

    it('plain JavaScript with require', async () => {
      const text = `const { Pool } = require("pg");\nconst pool = new Pool();\nmodule.exports = (id) => pool.query("SELECT * FROM t WHERE id = " + id);\n`;
      const finding = await only(text, { path: 'lib/x.js' });
      assert.equal(fixed(text, finding), text.replace('"SELECT * FROM t WHERE id = " + id', '"SELECT * FROM t WHERE id = $1", [id]'));
    });
  });
});
