// The JS/TS analysis behind string-built-query and string-built-command, run through the real
// engine: which sinks and building forms are found, what is left alone, severity and taint, the
// findings for identifier/fragment holes, and every quick fix's exact output (or why there is none).
import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../src/core/edits';
import stringBuiltCommand from '../../src/core/rules/string-built-command';
import stringBuiltQuery from '../../src/core/rules/string-built-query';
import type { Finding } from '../../src/core/types';
import { dedent, RuleTester, startsWith, textOf } from './rule-tester';

// The real rules, so every case also goes through their pre-filters (a gate that drops a file
// the analyzer would report is a recall bug, and these tables catch it).
const sql = new RuleTester({ rules: [stringBuiltQuery], path: 'src/x.ts' });
const shell = new RuleTester({ rules: [stringBuiltCommand], path: 'src/x.ts' });

/** The text after the finding's one fix. */
function fixed(text: string, finding: Finding): string {
  assert.equal(finding.fixes.length, 1, `expected a fix: ${finding.message}`);
  return applyTextEdits(text, finding.fixes[0].edits);
}

describe('queries: JavaScript/TypeScript', () => {
  describe('the Express coupon example', () => {
    const text = dedent`
      import { Pool } from 'pg';
      const pool = new Pool();
      app.get('/coupons', async (req, res) => {
        const code = req.query.code;
        const result = await pool.query(\`SELECT * FROM coupons WHERE code = '\${code}' AND expires_at > NOW()\`);
        res.json(result.rows);
      });
    `;

    it('is one error at pool.query naming code from req.query', async () => {
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'error');
      assert.equal(finding.category, 'string-built-query');
      assert.match(textOf(text, finding.range), /^pool\.query\(`SELECT/);
      assert.match(finding.message, /`code` \(request value req\.query\.code\)/);
      assert.ok(finding.related?.some((related) => related.message.includes('req.query.code') && related.range.start.line === 3));
    });

    it("is parameterized with $1 and a values array, in the file's prevailing (single) quotes", async () => {
      const finding = await sql.only({ code: text });
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
      const finding = await sql.only({ code: double });
      assert.match(fixed(double, finding), /pool\.query\("SELECT \* FROM coupons WHERE code = \$1 AND expires_at > NOW\(\)", \[code\]\);/);
    });
  });

  describe('building forms', () => {
    sql.run({
      invalid: [
        {
          name: 'template literal',
          code: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              return pool.query(\`SELECT * FROM users WHERE id = \${id}\`);
            }
          `,
          errors: [{ message: /`id` \(parameter id\)/, line: 5, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              return pool.query('SELECT * FROM users WHERE id = $1', [id]);
            }
          `,
        },
        {
          name: '+ concatenation',
          code: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              return pool.query("SELECT * FROM users WHERE id = " + id);
            }
          `,
          errors: [{ message: /`id` \(parameter id\)/, line: 5, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              return pool.query('SELECT * FROM users WHERE id = $1', [id]);
            }
          `,
        },
        {
          name: '+= across lines through a local variable',
          code: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              let q = "SELECT * FROM users";
              q += " WHERE id = " + id;
              return pool.query(q);
            }
          `,
          errors: [{ message: /`id` \(parameter id\)/, line: 7, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              return pool.query('SELECT * FROM users WHERE id = $1', [id]);
            }
          `,
        },
        {
          name: 'q = q + … reassignment',
          code: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              let q = "SELECT * FROM users";
              q = q + " WHERE id = " + id;
              return pool.query(q);
            }
          `,
          errors: [{ message: /`id` \(parameter id\)/, line: 7, severity: 'error', fixes: [] }],
        },
        {
          name: '.concat()',
          code: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              return pool.query("SELECT * FROM users WHERE id = ".concat(id));
            }
          `,
          errors: [{ message: /`id` \(parameter id\)/, line: 5, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              return pool.query('SELECT * FROM users WHERE id = $1', [id]);
            }
          `,
        },
        {
          name: 'util.format',
          code: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              return pool.query(util.format("SELECT * FROM users WHERE name = '%s'", id));
            }
          `,
          errors: [{ message: /`id` \(parameter id\)/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: 'String.raw',
          code: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              return pool.query(String.raw\`SELECT * FROM users WHERE id = \${id}\`);
            }
          `,
          errors: [{ message: /`id` \(parameter id\)/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: '[…].join(" ")',
          code: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              return pool.query(["SELECT * FROM users", "WHERE id =", id].join(" "));
            }
          `,
          errors: [{ message: /`id` \(parameter id\)/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: 'parts pushed then joined',
          code: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              const where = [];
              if (id) where.push(\`id = \${id}\`);
              return pool.query("SELECT * FROM users WHERE " + where.join(" AND "));
            }
          `,
          errors: [{ message: /`id` \(parameter id\)/, line: 7, severity: 'error', fixes: [] }],
        },
        {
          name: 'a local const holding a fragment',
          code: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              const filter = \`id = \${id}\`;
              return pool.query(\`SELECT * FROM users WHERE \${filter}\`);
            }
          `,
          errors: [{ message: /`id` \(parameter id\)/, line: 6, severity: 'error', fixes: [] }],
        },
        {
          name: 'conditional appends',
          code: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export function find(id: string) {
              let q = "SELECT * FROM users WHERE 1 = 1";
              if (id) q += " AND id = " + id;
              return pool.query(q);
            }
          `,
          errors: [{ message: /`id` \(parameter id\)/, line: 7, severity: 'error', fixes: [] }],
        },
      ],
    });

    it('format imported from util', async () => {
      const text = dedent`
        import { format } from 'node:util';
        import { Pool } from 'pg';
        const pool = new Pool();
        export const find = (name: string) => pool.query(format("SELECT * FROM users WHERE name = '%s'", name));
      `;
      assert.match((await sql.only({ code: text })).message, /`name`/);
    });

    it('folds module constants into the text', async () => {
      const text = dedent`
        import { Pool } from 'pg';
        const pool = new Pool();
        const TABLE = 'users';
        const BASE = \`SELECT * FROM \${TABLE}\`;
        export const find = (id: string) => pool.query(BASE + " WHERE id = " + id);
      `;
      const finding = await sql.only({ code: text });
      assert.match(finding.message, /`id`/);
      assert.doesNotMatch(finding.message, /TABLE|BASE/);
      assert.equal(finding.fixes[0].safe, false, 'an inlined named constant makes the fix unsafe');
      assert.match(fixed(text, finding), /pool\.query\('SELECT \* FROM users WHERE id = \$1', \[id\]\)/);
    });

    it('gives up when the base differs per branch', async () => {
      const text = dedent`
        import { Pool } from 'pg';
        const pool = new Pool();
        export function find(id: string, admin: boolean) {
          let q;
          if (admin) q = "SELECT * FROM users WHERE id = " + id;
          else q = "SELECT name FROM users WHERE id = " + id;
          return pool.query(q);
        }
      `;
      assert.deepEqual(await sql.findings({ code: text }), []);
    });

    it('reports a build inside the sink through the related locations of the building statements', async () => {
      const text = dedent`
        import { Pool } from 'pg';
        const pool = new Pool();
        export async function find(id: string) {
          let q = "SELECT * FROM users";
          q += " WHERE id = " + id;
          return pool.query(q);
        }
      `;
      const finding = await sql.only({ code: text });
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
    sql.run({
      invalid: [
        {
          name: 'pg Client',
          code: dedent`
            import { Client } from 'pg';
            const client = new Client();
            export const f = (id: string) => client.query("DELETE FROM users WHERE id = " + id);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `client.query`'),
              line: 3,
              severity: 'error',
              flagged: 'client.query("DELETE FROM users WHERE id = " + id)',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Client } from 'pg';
            const client = new Client();
            export const f = (id: string) => client.query('DELETE FROM users WHERE id = $1', [id]);
          `,
        },
        {
          name: 'mysql2 query',
          code: dedent`
            import mysql from 'mysql2/promise';
            export const f = (conn: any, id: string) => conn.query(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `conn.query`'),
              line: 2,
              severity: 'error',
              flagged: 'conn.query(`SELECT * FROM t WHERE id = ${id}`)',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import mysql from 'mysql2/promise';
            export const f = (conn: any, id: string) => conn.query('SELECT * FROM t WHERE id = ?', [id]);
          `,
        },
        {
          name: 'mysql2 execute',
          code: dedent`
            import mysql from 'mysql2/promise';
            export const f = (conn: any, id: string) => conn.execute(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `conn.execute`'),
              line: 2,
              severity: 'error',
              flagged: 'conn.execute(`SELECT * FROM t WHERE id = ${id}`)',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import mysql from 'mysql2/promise';
            export const f = (conn: any, id: string) => conn.execute('SELECT * FROM t WHERE id = ?', [id]);
          `,
        },
        {
          name: 'sqlite3 all',
          code: dedent`
            import sqlite3 from 'sqlite3';
            export const f = (db: any, id: string) => db.all(\`SELECT * FROM t WHERE id = \${id}\`, cb);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `db.all`'),
              line: 2,
              severity: 'error',
              flagged: 'db.all(`SELECT * FROM t WHERE id = ${id}`, cb)',
              fixes: [],
            },
          ],
        },
        {
          name: 'sqlite3 run',
          code: dedent`
            import sqlite3 from 'sqlite3';
            export const f = (db: any, id: string) => db.run(\`UPDATE t SET seen = 1 WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `db.run`'),
              line: 2,
              severity: 'error',
              flagged: 'db.run(`UPDATE t SET seen = 1 WHERE id = ${id}`)',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import sqlite3 from 'sqlite3';
            export const f = (db: any, id: string) => db.run('UPDATE t SET seen = 1 WHERE id = ?', [id]);
          `,
        },
        {
          name: 'sqlite3 get',
          code: dedent`
            const sqlite3 = require('sqlite3');
            exports.f = (db, id) => db.get("SELECT * FROM t WHERE id = " + id, cb);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `db.get`'),
              line: 2,
              severity: 'error',
              flagged: 'db.get("SELECT * FROM t WHERE id = " + id, cb)',
              fixes: [],
            },
          ],
        },
        {
          name: 'sqlite3 each',
          code: dedent`
            const sqlite3 = require('sqlite3');
            exports.f = (db, id) => db.each("SELECT * FROM t WHERE id = " + id, cb);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `db.each`'),
              line: 2,
              severity: 'error',
              flagged: 'db.each("SELECT * FROM t WHERE id = " + id, cb)',
              fixes: [],
            },
          ],
        },
        {
          name: 'better-sqlite3 exec',
          code: dedent`
            import Database from 'better-sqlite3';
            export const f = (db: any, id: string) => db.exec(\`DELETE FROM t WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `db.exec`'),
              line: 2,
              severity: 'error',
              flagged: 'db.exec(`DELETE FROM t WHERE id = ${id}`)',
              fixes: [],
            },
          ],
        },
        {
          name: 'better-sqlite3 prepare',
          code: dedent`
            import Database from 'better-sqlite3';
            export const f = (db: any, id: string) => db.prepare(\`SELECT * FROM t WHERE id = \${id}\`).get();
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `db.prepare`'),
              line: 2,
              severity: 'error',
              flagged: 'db.prepare(`SELECT * FROM t WHERE id = ${id}`)',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import Database from 'better-sqlite3';
            export const f = (db: any, id: string) => db.prepare('SELECT * FROM t WHERE id = ?').get(id);
          `,
        },
        {
          name: 'knex.raw',
          code: dedent`
            import knex from 'knex';
            export const f = (id: string) => knex.raw(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `knex.raw`'),
              line: 2,
              severity: 'error',
              flagged: 'knex.raw(`SELECT * FROM t WHERE id = ${id}`)',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import knex from 'knex';
            export const f = (id: string) => knex.raw('SELECT * FROM t WHERE id = ?', [id]);
          `,
        },
        {
          name: 'knex whereRaw',
          code: dedent`
            import knex from 'knex';
            export const f = (db: any, id: string) => db('t').whereRaw(\`id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `db(…).whereRaw`'),
              line: 2,
              severity: 'error',
              flagged: "db('t').whereRaw(`id = ${id}`)",
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import knex from 'knex';
            export const f = (db: any, id: string) => db('t').whereRaw('id = ?', [id]);
          `,
        },
        {
          name: 'knex havingRaw',
          code: dedent`
            import knex from 'knex';
            export const f = (db: any, n: string) => db('t').groupBy('a').havingRaw(\`count(*) > \${n}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `n` (parameter n) is interpolated into the SQL passed to `groupBy(…).havingRaw`'),
              line: 2,
              severity: 'error',
              flagged: "db('t').groupBy('a').havingRaw(`count(*) > ${n}`)",
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import knex from 'knex';
            export const f = (db: any, n: string) => db('t').groupBy('a').havingRaw('count(*) > ?', [n]);
          `,
        },
        {
          name: 'knex joinRaw',
          code: dedent`
            import knex from 'knex';
            export const f = (db: any, id: string) => db('t').joinRaw(\`JOIN u ON u.id = t.uid AND u.org = '\${id}'\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `db(…).joinRaw`'),
              line: 2,
              severity: 'error',
              flagged: "db('t').joinRaw(`JOIN u ON u.id = t.uid AND u.org = '${id}'`)",
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import knex from 'knex';
            export const f = (db: any, id: string) => db('t').joinRaw('JOIN u ON u.id = t.uid AND u.org = ?', [id]);
          `,
        },
        {
          name: 'sequelize.query',
          code: dedent`
            import { Sequelize } from 'sequelize';
            export const f = (sequelize: Sequelize, id: string) => sequelize.query(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `sequelize.query`'),
              line: 2,
              severity: 'error',
              flagged: 'sequelize.query(`SELECT * FROM t WHERE id = ${id}`)',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Sequelize } from 'sequelize';
            export const f = (sequelize: Sequelize, id: string) => sequelize.query('SELECT * FROM t WHERE id = ?', { replacements: [id] });
          `,
        },
        {
          name: 'Sequelize.literal',
          code: dedent`
            import { Sequelize } from 'sequelize';
            export const f = (id: string) => ({ where: Sequelize.literal(\`id = \${id}\`) });
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `Sequelize.literal`'),
              line: 2,
              severity: 'error',
              flagged: 'Sequelize.literal(`id = ${id}`)',
              fixes: [],
            },
          ],
        },
        {
          name: 'Prisma $queryRawUnsafe',
          code: dedent`
            import { PrismaClient } from '@prisma/client';
            const prisma = new PrismaClient();
            export const f = (id: string) => prisma.$queryRawUnsafe(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `prisma.$queryRawUnsafe`'),
              line: 3,
              severity: 'error',
              flagged: 'prisma.$queryRawUnsafe(`SELECT * FROM t WHERE id = ${id}`)',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { PrismaClient } from '@prisma/client';
            const prisma = new PrismaClient();
            export const f = (id: string) => prisma.$queryRaw\`SELECT * FROM t WHERE id = \${id}\`;
          `,
        },
        {
          name: 'Prisma $executeRawUnsafe',
          code: dedent`
            import { prisma } from './db';
            export const f = (id: string) => prisma.$executeRawUnsafe("DELETE FROM t WHERE id = " + id);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `prisma.$executeRawUnsafe`'),
              line: 2,
              severity: 'error',
              flagged: 'prisma.$executeRawUnsafe("DELETE FROM t WHERE id = " + id)',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { prisma } from './db';
            export const f = (id: string) => prisma.$executeRaw\`DELETE FROM t WHERE id = \${id}\`;
          `,
        },
        {
          name: 'TypeORM DataSource.query',
          code: dedent`
            import { DataSource } from 'typeorm';
            export const f = (ds: DataSource, id: string) => ds.query(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `ds.query`'),
              line: 2,
              severity: 'error',
              flagged: 'ds.query(`SELECT * FROM t WHERE id = ${id}`)',
              fixes: [],
            },
          ],
        },
        {
          name: 'TypeORM query builder where',
          code: dedent`
            import { DataSource } from 'typeorm';
            export const f = (ds: DataSource, id: string) => ds.createQueryBuilder('user').where(\`user.id = \${id}\`).getOne();
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `createQueryBuilder(…).where`'),
              line: 2,
              severity: 'error',
              flagged: "ds.createQueryBuilder('user').where(`user.id = ${id}`)",
              fixes: [],
            },
          ],
        },
        {
          name: 'mssql request.query',
          code: dedent`
            import sql from 'mssql';
            export const f = async (id: string) => (await sql.connect(cfg)).request().query(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `request().query`'),
              line: 2,
              severity: 'error',
              flagged: '(await sql.connect(cfg)).request().query(`SELECT * FROM t WHERE id = ${id}`)',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import sql from 'mssql';
            export const f = async (id: string) => (await sql.connect(cfg)).request().input('id', id).query('SELECT * FROM t WHERE id = @id');
          `,
        },
        {
          name: 'Drizzle sql.raw',
          code: dedent`
            import { sql } from 'drizzle-orm';
            export const f = (db: any, id: string) => db.execute(sql.raw(\`SELECT * FROM t WHERE id = \${id}\`));
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `sql.raw`'),
              line: 2,
              severity: 'error',
              flagged: 'sql.raw(`SELECT * FROM t WHERE id = ${id}`)',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { sql } from 'drizzle-orm';
            export const f = (db: any, id: string) => db.execute(sql\`SELECT * FROM t WHERE id = \${id}\`);
          `,
        },
        {
          name: 'a bare query() helper',
          code: dedent`
            import { query } from './db';
            export const f = (id: string) => query(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `query`'),
              line: 2,
              severity: 'error',
              flagged: 'query(`SELECT * FROM t WHERE id = ${id}`)',
              fixes: [],
            },
          ],
        },
        {
          name: 'pg config object',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (id: string) => pool.query({ text: \`SELECT * FROM t WHERE id = \${id}\` });
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `pool.query`'),
              line: 3,
              severity: 'error',
              flagged: 'pool.query({ text: `SELECT * FROM t WHERE id = ${id}` })',
              fixes: [],
            },
          ],
        },
      ],
    });

    it('Mongo $where with a built string', async () => {
      const text = dedent`
        export const f = (users: any, name: string) => users.find({ $where: \`this.name === '\${name}'\` });
      `;
      const finding = await sql.only({ code: text });
      assert.match(finding.message, /\$where/);
      assert.match(textOf(text, finding.range), /^\$where:/);
      assert.equal(finding.severity, 'error');
    });
  });

  describe('left alone', () => {
    sql.run({
      valid: [
        {
          name: 'pg placeholders with values',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (id: string) => pool.query('SELECT * FROM t WHERE id = $1', [id]);
          `,
        },
        {
          name: 'mysql ? with values',
          code: dedent`
            import mysql from 'mysql2';
            export const f = (c: any, id: string) => c.query('SELECT * FROM t WHERE id = ?', [id]);
          `,
        },
        {
          name: 'named :name replacements',
          code: dedent`
            import { Sequelize } from 'sequelize';
            export const f = (s: Sequelize, id: string) => s.query('SELECT * FROM t WHERE id = :id', { replacements: { id } });
          `,
        },
        {
          name: 'mssql @name input',
          code: dedent`
            import sql from 'mssql';
            export const f = (r: any, id: string) => r.input('id', id).query('SELECT * FROM t WHERE id = @id');
          `,
        },
        {
          name: 'constant-only strings',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = () => pool.query("SELECT * FROM t WHERE a = " + "1");
          `,
        },
        {
          name: 'module constants',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            const TABLE = 'users';
            const COLS = \`id, name\`;
            export const f = () => pool.query(\`SELECT \${COLS} FROM \${TABLE}\`);
          `,
        },
        {
          name: 'Prisma tagged $queryRaw',
          code: dedent`
            import { PrismaClient } from '@prisma/client';
            const prisma = new PrismaClient();
            export const f = (id: string) => prisma.$queryRaw\`SELECT * FROM t WHERE id = \${id}\`;
          `,
        },
        {
          name: 'slonik sql tag',
          code: dedent`
            import { sql } from 'slonik';
            export const f = (pool: any, id: string) => pool.query(sql.typeAlias('id')\`SELECT * FROM t WHERE id = \${id}\`);
          `,
        },
        {
          name: 'postgres.js sql tag',
          code: dedent`
            import postgres from 'postgres';
            const sql = postgres();
            export const f = (id: string) => sql\`SELECT * FROM t WHERE id = \${id}\`;
          `,
        },
        {
          name: 'drizzle sql tag',
          code: dedent`
            import { sql } from 'drizzle-orm';
            export const f = (db: any, id: string) => db.execute(sql\`SELECT * FROM t WHERE id = \${id}\`);
          `,
        },
        {
          name: '@vercel/postgres sql tag',
          code: dedent`
            import { sql } from '@vercel/postgres';
            export const f = (id: string) => sql\`SELECT * FROM t WHERE id = \${id}\`;
          `,
        },
        {
          name: 'knex raw with bindings',
          code: dedent`
            import knex from 'knex';
            export const f = (id: string) => knex.raw('SELECT * FROM t WHERE id = ?', [id]);
          `,
        },
        {
          name: 'query builder where(column, value)',
          code: dedent`
            import knex from 'knex';
            export const f = (db: any, id: string) => db('t').where('id', id);
          `,
        },
        {
          name: 'query builder where({ id })',
          code: dedent`
            import knex from 'knex';
            export const f = (db: any, id: string) => db('t').where({ id });
          `,
        },
        {
          name: 'a built string that is not SQL',
          code: dedent`
            export const f = (cache: any, id: string) => cache.get(\`user:\${id}\`);
          `,
        },
        {
          name: 'a query() that is not SQL',
          code: dedent`
            export const f = (api: any, id: string) => api.query(\`users/\${id}/orders\`);
          `,
        },
        {
          name: 'Number() around the value',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (id: string) => pool.query(\`SELECT * FROM t WHERE id = \${Number(id)}\`);
          `,
        },
        {
          name: 'parseInt(x, 10) around the value',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (req: any) => pool.query("SELECT * FROM t LIMIT " + parseInt(req.query.limit, 10));
          `,
        },
        {
          name: 'placeholder numbers from an array length',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export function f(values: string[], id: string) {
              values.push(id);
              return pool.query(\`SELECT * FROM t WHERE id = $\${values.length}\`, values);
            }
          `,
        },
        {
          name: 'a choice between constants',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (asc: boolean) => pool.query(\`SELECT * FROM t ORDER BY id \${asc ? 'ASC' : 'DESC'}\`);
          `,
        },
        {
          name: 'mysql escape()',
          code: dedent`
            import mysql from 'mysql';
            export const f = (c: any, id: string) => c.query("SELECT * FROM t WHERE id = " + c.escape(id));
          `,
        },
        {
          name: 'a whole query from elsewhere (nothing built here)',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (text: string) => pool.query(text);
          `,
        },
        {
          name: 'a column from a constant map',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            const SORTS = { newest: 'created_at DESC', oldest: 'created_at ASC' } as const;
            export const f = (key: keyof typeof SORTS) => pool.query(\`SELECT * FROM t ORDER BY \${SORTS[key]}\`);
          `,
        },
        {
          name: 'a column checked with includes() in a conditional',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            const COLUMNS = ['name', 'created_at'];
            export const f = (sort: string) => pool.query(\`SELECT * FROM t ORDER BY \${COLUMNS.includes(sort) ? sort : 'name'}\`);
          `,
        },
        {
          name: 'a column checked by an earlier guard',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            const COLUMNS = new Set(['name', 'created_at']);
            export async function f(sort: string) {
              if (!COLUMNS.has(sort)) throw new Error('bad sort');
              return pool.query(\`SELECT * FROM t ORDER BY \${sort}\`);
            }
          `,
        },
        {
          name: 'a value checked by an anchored word regex',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export async function f(table: string) {
              if (!/^[a-z_]+$/.test(table)) return null;
              return pool.query(\`SELECT * FROM \${table}\`);
            }
          `,
        },
        {
          name: 'an imported UPPER_CASE constant and an enum member',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            import { USERS_TABLE } from './schema';
            enum Status { Open = 'open' }
            export const f = () => pool.query(\`SELECT * FROM \${USERS_TABLE} WHERE status = '\${Status.Open}'\`);
          `,
        },
        {
          name: 'Mongo $where given a function',
          code: dedent`
            export const f = (users: any, name: string) => users.find({ $where: function () { return this.name === name; } });
          `,
        },
        {
          name: 'a .where() that is not TypeORM',
          code: dedent`
            export const f = (list: any, name: string) => list.where(\`name = \${name}\`);
          `,
        },
      ],
    });

    it('execFile with an argument array and no shell', async () => {
      const text = dedent`
        import { execFile } from 'child_process';
        export const f = (file: string) => execFile('convert', [file, 'out.png']);
      `;
      assert.deepEqual(await shell.findings({ code: text }), []);
    });

    it('a file with syntax errors (no AST, no crash)', async () => {
      const text = dedent`
        import { Pool } from 'pg';
        const pool = new Pool();
        export const f = (id: string) => pool.query(\`SELECT * FROM t WHERE id = \${id}\`
          if (
      `;
      assert.deepEqual(await sql.findings({ code: text }), []);
      assert.deepEqual(await shell.findings({ code: text }), []);
    });
  });

  describe('severity and taint', () => {
    sql.run({
      invalid: [
        {
          name: 'as an error: destructured request params',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            app.get('/u/:id', async (req, res) => {
              const { id } = req.params;
              res.json(await pool.query(\`SELECT * FROM users WHERE id = \${id}\`));
            });
          `,
          errors: [{ message: /`id` \(request value req\.params\.id\)/, line: 5, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            app.get('/u/:id', async (req, res) => {
              const { id } = req.params;
              res.json(await pool.query('SELECT * FROM users WHERE id = $1', [id]));
            });
          `,
        },
        {
          name: 'as an error: Koa ctx.request.body',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            router.post('/u', async (ctx) => {
              const name = ctx.request.body.name;
              ctx.body = await pool.query("SELECT * FROM users WHERE name = '" + name + "'");
            });
          `,
          errors: [{ message: /`name` \(request value ctx\.request\.body\.name\)/, line: 5, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            router.post('/u', async (ctx) => {
              const name = ctx.request.body.name;
              ctx.body = await pool.query('SELECT * FROM users WHERE name = $1', [name]);
            });
          `,
        },
        {
          name: 'as an error: Koa ctx.query',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            router.get('/u', async (ctx) => {
              ctx.body = await pool.query(\`SELECT * FROM users WHERE name = '\${ctx.query.name}'\`);
            });
          `,
          errors: [{ message: /request value ctx\.query\.name/, line: 4, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            router.get('/u', async (ctx) => {
              ctx.body = await pool.query('SELECT * FROM users WHERE name = $1', [ctx.query.name]);
            });
          `,
        },
        {
          name: 'as an error: Fastify request.query',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            fastify.get('/u', async (request) => pool.query(\`SELECT * FROM users WHERE id = \${request.query.id}\`));
          `,
          errors: [{ message: /request value request\.query\.id/, line: 3, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            fastify.get('/u', async (request) => pool.query('SELECT * FROM users WHERE id = $1', [request.query.id]));
          `,
        },
        {
          name: 'as an error: NestJS @Param()',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            class C {
              @Get(':id')
              find(@Param('id') id: string) {
                return pool.query(\`SELECT * FROM users WHERE id = \${id}\`);
              }
            }
          `,
          errors: [{ message: /request value @Param\('id'\) id/, line: 6, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            class C {
              @Get(':id')
              find(@Param('id') id: string) {
                return pool.query('SELECT * FROM users WHERE id = $1', [id]);
              }
            }
          `,
        },
        {
          name: 'as an error: NestJS @Body() member',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            class C {
              @Post()
              create(@Body() dto: Dto) {
                return pool.query(\`INSERT INTO users (name) VALUES ('\${dto.name}')\`);
              }
            }
          `,
          errors: [{ message: /request value @Body\(\) dto/, line: 6, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            class C {
              @Post()
              create(@Body() dto: Dto) {
                return pool.query('INSERT INTO users (name) VALUES ($1)', [dto.name]);
              }
            }
          `,
        },
        {
          name: 'as an error: a plain function parameter',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export async function byEmail(email: string) {
              return pool.query("SELECT * FROM users WHERE email = '" + email + "'");
            }
          `,
          errors: [{ message: /`email` \(parameter email\)/, line: 4, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export async function byEmail(email: string) {
              return pool.query("SELECT * FROM users WHERE email = $1", [email]);
            }
          `,
        },
        {
          name: 'as an error: Hono c.req.query()',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            app.get('/s', async (c) => c.json(await pool.query(\`SELECT * FROM t WHERE q = '\${c.req.query('q')}'\`)));
          `,
          errors: [{ message: /request value c\.req\.query\('q'\)/, line: 3, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            app.get('/s', async (c) => c.json(await pool.query('SELECT * FROM t WHERE q = $1', [c.req.query('q')])));
          `,
        },
        {
          name: 'as an error: JSON.stringify does not make a value safe',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (data: unknown) => pool.query(\`INSERT INTO t (doc) VALUES ('\${JSON.stringify(data)}')\`);
          `,
          errors: [{ message: /`JSON\.stringify\(data\)` \(parameter data\)/, line: 3, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (data: unknown) => pool.query('INSERT INTO t (doc) VALUES ($1)', [JSON.stringify(data)]);
          `,
        },
        {
          name: 'as an error: through a local assignment chain',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export async function f(req: any) {
              let term = req.body.term;
              term = term.trim();
              return pool.query(\`SELECT * FROM t WHERE a = '\${term}'\`);
            }
          `,
          errors: [{ message: /`term` \(request value req\.body\.term\)/, line: 6, severity: 'error', fixes: ['Parameterize query'] }],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export async function f(req: any) {
              let term = req.body.term;
              term = term.trim();
              return pool.query('SELECT * FROM t WHERE a = $1', [term]);
            }
          `,
        },
      ],
    });

    it('error: Next.js searchParams', async () => {
      const text = dedent`
        import { Pool } from 'pg';
        const pool = new Pool();
        export async function GET(request: Request) {
          const q = request.nextUrl.searchParams.get('q');
          return Response.json(await pool.query(\`SELECT * FROM t WHERE name = '\${q}'\`));
        }
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /`q` \(request value request\.nextUrl\.searchParams\.get\('q'\)\)/);
    });

    it('warning: the result of an awaited lookup is not the argument it was given', async () => {
      const text = dedent`
        import { Pool } from 'pg';
        const pool = new Pool();
        export async function f(id: string) {
          const user = await loadUser(id);
          return pool.query(\`SELECT * FROM orders WHERE owner = '\${user.name}'\`);
        }
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /`user\.name`/);
    });

    it('warning when only other non-constant values are interpolated', async () => {
      const text = dedent`
        import { Pool } from 'pg';
        const pool = new Pool();
        let current = 'x';
        export async function f() {
          const day = new Date().toISOString();
          return pool.query(\`SELECT * FROM t WHERE a = '\${current}' AND d = '\${day}'\`);
        }
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /^SQL built from interpolated values: `current` and `day`/);
    });
  });

  describe('identifier and fragment holes', () => {
    it('an ORDER BY column gets its own finding, without a fix', async () => {
      const text = dedent`
        import { Pool } from 'pg';
        const pool = new Pool();
        export const f = (sort: string, id: string) => pool.query(\`SELECT * FROM t WHERE id = \${id} ORDER BY \${sort}\`);
      `;
      const found = await sql.findings({ code: text });
      assert.equal(found.length, 2, found.map((finding) => finding.message).join('\n'));
      const identifier = found.find((finding) => /allowlist/.test(finding.message));
      const value = found.find((finding) => /Pass values as query parameters/.test(finding.message));
      assert.ok(identifier && value);
      assert.equal(textOf(text, identifier.range), 'sort');
      assert.equal(identifier.severity, 'error');
      assert.deepEqual(identifier.fixes, []);
      assert.match(identifier.message, /cannot be parameterized: check it against an allowlist of known column names/);
      assert.deepEqual(value.fixes, []);
      assert.match(value.message, /No automatic fix: the query also takes SQL syntax from `sort`/);
    });

    it('an untainted table name is a warning', async () => {
      const text = dedent`
        import { Pool } from 'pg';
        const pool = new Pool();
        const tables = new Map();
        export async function f() {
          const table = tables.get('x');
          return pool.query(\`SELECT * FROM \${table}\`);
        }
      `;
      const finding = await sql.only({ code: text });
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /table or column name/);
    });

    it('a whole condition is a fragment finding', async () => {
      const text = dedent`
        import { Pool } from 'pg';
        const pool = new Pool();
        export const f = (filter: string) => pool.query(\`SELECT * FROM t WHERE \${filter}\`);
      `;
      const finding = await sql.only({ code: text });
      assert.match(finding.message, /keyword or SQL fragment/);
      assert.equal(textOf(text, finding.range), 'filter');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.fixes, []);
    });

    it('knex orderByRaw of a column', async () => {
      const text = dedent`
        import knex from 'knex';
        export const f = (db: any, column: string) => db('t').orderByRaw(\`\${column} DESC\`);
      `;
      const finding = await sql.only({ code: text });
      assert.match(finding.message, /allowlist/);
    });
  });

  describe('Parameterize query', () => {
    sql.run({
      invalid: [
        {
          name: 'pg: merges into an existing values array',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (a: string, b: string) => pool.query("SELECT * FROM t WHERE a = $1 AND b = '" + b + "'", [a]);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `b` (parameter b) is interpolated into the SQL passed to `pool.query`'),
              line: 3,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          // Three double-quoted strings against one single-quoted import: double quotes prevail here.
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (a: string, b: string) => pool.query("SELECT * FROM t WHERE a = $1 AND b = $2", [a, b]);
          `,
        },
        {
          name: 'pg: inserts the values before a callback',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (id: string) => pool.query(\`SELECT * FROM t WHERE id = \${id}\`, (err, res) => {});
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `pool.query`'),
              line: 3,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (id: string) => pool.query('SELECT * FROM t WHERE id = $1', [id], (err, res) => {});
          `,
        },
        {
          name: 'pg: LIKE with wildcards around the value',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (term: string) => pool.query(\`SELECT * FROM t WHERE name LIKE '%\${term}%'\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `term` (parameter term) is interpolated into the SQL passed to `pool.query`'),
              line: 3,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (term: string) => pool.query('SELECT * FROM t WHERE name LIKE $1', [\`%\${term}%\`]);
          `,
        },
        {
          name: 'pg: a variable used only at the sink is inlined and its building lines deleted',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export async function f(id: string, name: string) {
              let q = "SELECT * FROM t";
              q += " WHERE id = " + id;
              q += " AND name = '" + name + "'";
              return pool.query(q);
            }
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) and `name` (parameter name) are interpolated into the SQL passed to `pool.query`'),
              line: 7,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export async function f(id: string, name: string) {
              return pool.query("SELECT * FROM t WHERE id = $1 AND name = $2", [id, name]);
            }
          `,
        },
        {
          name: 'pg: a variable also used elsewhere is rewritten in place',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export async function f(id: string) {
              const q = \`SELECT * FROM t WHERE id = \${id}\`;
              console.log(q);
              return pool.query(q);
            }
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `pool.query`'),
              line: 6,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export async function f(id: string) {
              const q = 'SELECT * FROM t WHERE id = $1';
              console.log(q);
              return pool.query(q, [id]);
            }
          `,
        },
        {
          name: 'pg: a multi-line template stays a template literal',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (id: string) => pool.query(\`
              SELECT *
              FROM t
              WHERE id = '\${id}'
            \`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `pool.query`'),
              line: 3,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (id: string) => pool.query(\`
              SELECT *
              FROM t
              WHERE id = $1
            \`, [id]);
          `,
        },
        {
          name: 'pg: SQL with its own quotes switches to the other quote',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (id: string) => pool.query(\`SELECT * FROM t WHERE status = 'open' AND id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `pool.query`'),
              line: 3,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (id: string) => pool.query("SELECT * FROM t WHERE status = 'open' AND id = $1", [id]);
          `,
        },
        {
          name: 'pg: a query config text is left, a direct string is rewritten (CRLF file)',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export async function f(id: string) {
              let q = 'SELECT * FROM t';
              q += ' WHERE id = ' + id;
              return pool.query(q);
            }
          `.replace(/\n/g, '\r\n'),
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `pool.query`'),
              line: 6,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export async function f(id: string) {
              return pool.query('SELECT * FROM t WHERE id = $1', [id]);
            }
          `.replace(/\n/g, '\r\n'),
        },
        {
          name: 'mysql2: ? and an array',
          code: dedent`
            import mysql from 'mysql2/promise';
            export const f = (c: any, id: string) => c.execute(\`SELECT * FROM t WHERE id = '\${id}'\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `c.execute`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import mysql from 'mysql2/promise';
            export const f = (c: any, id: string) => c.execute('SELECT * FROM t WHERE id = ?', [id]);
          `,
        },
        {
          name: 'sqlite3: the values go before the callback',
          code: dedent`
            import sqlite3 from 'sqlite3';
            function done(err: Error) {}
            export const f = (db: any, id: string) => db.all('SELECT * FROM t WHERE id = ' + id, done);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `db.all`'),
              line: 3,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import sqlite3 from 'sqlite3';
            function done(err: Error) {}
            export const f = (db: any, id: string) => db.all('SELECT * FROM t WHERE id = ?', [id], done);
          `,
        },
        {
          name: 'sqlite3: an array appended when there is none',
          code: dedent`
            import sqlite3 from 'sqlite3';
            export const f = (db: any, a: string) => db.run(\`DELETE FROM t WHERE a = '\${a}'\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `a` (parameter a) is interpolated into the SQL passed to `db.run`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import sqlite3 from 'sqlite3';
            export const f = (db: any, a: string) => db.run('DELETE FROM t WHERE a = ?', [a]);
          `,
        },
        {
          name: 'sqlite3: merged into the values already passed',
          code: dedent`
            import sqlite3 from 'sqlite3';
            export const f = (db: any, a: string, b: string) => db.get(\`SELECT * FROM t WHERE a = ? AND b = \${b}\`, [a], () => {});
          `,
          errors: [
            {
              message: startsWith('SQL injection: `b` (parameter b) is interpolated into the SQL passed to `db.get`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import sqlite3 from 'sqlite3';
            export const f = (db: any, a: string, b: string) => db.get('SELECT * FROM t WHERE a = ? AND b = ?', [a, b], () => {});
          `,
        },
        {
          name: 'better-sqlite3: the values go to the statement call',
          code: dedent`
            import Database from 'better-sqlite3';
            export const f = (db: any, id: string) => db.prepare(\`SELECT * FROM t WHERE id = \${id}\`).get();
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `db.prepare`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import Database from 'better-sqlite3';
            export const f = (db: any, id: string) => db.prepare('SELECT * FROM t WHERE id = ?').get(id);
          `,
        },
        {
          name: 'knex raw: bindings array',
          code: dedent`
            import knex from 'knex';
            export const f = (id: string) => knex.raw(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `knex.raw`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import knex from 'knex';
            export const f = (id: string) => knex.raw('SELECT * FROM t WHERE id = ?', [id]);
          `,
        },
        {
          name: 'knex whereRaw: bindings array',
          code: dedent`
            import knex from 'knex';
            export const f = (db: any, id: string) => db('t').whereRaw(\`id = '\${id}'\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `db(…).whereRaw`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import knex from 'knex';
            export const f = (db: any, id: string) => db('t').whereRaw('id = ?', [id]);
          `,
        },
        {
          name: 'better-sqlite3: merged with values already passed to the statement',
          code: dedent`
            import Database from 'better-sqlite3';
            export const f = (db: any, a: string, b: string) => db.prepare("SELECT * FROM t WHERE a = ? AND b = '" + b + "'").all(a);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `b` (parameter b) is interpolated into the SQL passed to `db.prepare`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import Database from 'better-sqlite3';
            export const f = (db: any, a: string, b: string) => db.prepare("SELECT * FROM t WHERE a = ? AND b = ?").all(a, b);
          `,
        },
        {
          name: 'knex whereRaw: merged into existing bindings',
          code: dedent`
            import knex from 'knex';
            export const f = (db: any, a: string, b: string) => db('t').whereRaw(\`a = ? AND b = '\${b}'\`, [a]);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `b` (parameter b) is interpolated into the SQL passed to `db(…).whereRaw`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import knex from 'knex';
            export const f = (db: any, a: string, b: string) => db('t').whereRaw('a = ? AND b = ?', [a, b]);
          `,
        },
        {
          name: 'Sequelize: replacements in a new options object',
          code: dedent`
            import { Sequelize } from 'sequelize';
            export const f = (sequelize: Sequelize, id: string) => sequelize.query(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `sequelize.query`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Sequelize } from 'sequelize';
            export const f = (sequelize: Sequelize, id: string) => sequelize.query('SELECT * FROM t WHERE id = ?', { replacements: [id] });
          `,
        },
        {
          name: 'Sequelize: replacements merged into existing options',
          code: dedent`
            import { Sequelize, QueryTypes } from 'sequelize';
            export const f = (sequelize: Sequelize, id: string) => sequelize.query(\`SELECT * FROM t WHERE id = \${id}\`, { type: QueryTypes.SELECT });
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `sequelize.query`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Sequelize, QueryTypes } from 'sequelize';
            export const f = (sequelize: Sequelize, id: string) => sequelize.query('SELECT * FROM t WHERE id = ?', { replacements: [id], type: QueryTypes.SELECT });
          `,
        },
        {
          name: 'Sequelize: replacements merged into existing replacements, multi-line options kept',
          code: dedent`
            import { Sequelize, QueryTypes } from 'sequelize';
            export const f = (sequelize: Sequelize, a: string, b: string) =>
              sequelize.query(\`SELECT * FROM t WHERE a = ? AND b = \${b}\`, {
                replacements: [a],
                type: QueryTypes.SELECT,
              });
          `,
          errors: [
            {
              message: startsWith('SQL injection: `b` (parameter b) is interpolated into the SQL passed to `sequelize.query`'),
              line: 3,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Sequelize, QueryTypes } from 'sequelize';
            export const f = (sequelize: Sequelize, a: string, b: string) =>
              sequelize.query('SELECT * FROM t WHERE a = ? AND b = ?', {
                replacements: [a, b],
                type: QueryTypes.SELECT,
              });
          `,
        },
        {
          name: 'Sequelize: a property added on its own line in a multi-line options object',
          code: dedent`
            import { Sequelize, QueryTypes } from 'sequelize';
            export const f = (sequelize: Sequelize, b: string) =>
              sequelize.query(\`SELECT * FROM t WHERE b = \${b}\`, {
                type: QueryTypes.SELECT,
              });
          `,
          errors: [
            {
              message: startsWith('SQL injection: `b` (parameter b) is interpolated into the SQL passed to `sequelize.query`'),
              line: 3,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { Sequelize, QueryTypes } from 'sequelize';
            export const f = (sequelize: Sequelize, b: string) =>
              sequelize.query('SELECT * FROM t WHERE b = ?', {
                replacements: [b],
                type: QueryTypes.SELECT,
              });
          `,
        },
        {
          name: 'Prisma: $queryRawUnsafe becomes the tagged $queryRaw',
          code: dedent`
            import { PrismaClient } from '@prisma/client';
            const prisma = new PrismaClient();
            export const f = (code: string) => prisma.$queryRawUnsafe<Coupon[]>(\`SELECT * FROM coupons WHERE code = '\${code}'\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `code` (parameter code) is interpolated into the SQL passed to `prisma.$queryRawUnsafe`'),
              line: 3,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { PrismaClient } from '@prisma/client';
            const prisma = new PrismaClient();
            export const f = (code: string) => prisma.$queryRaw<Coupon[]>\`SELECT * FROM coupons WHERE code = \${code}\`;
          `,
        },
        {
          name: 'Prisma: $executeRawUnsafe becomes $executeRaw',
          code: dedent`
            import { PrismaClient } from '@prisma/client';
            const prisma = new PrismaClient();
            export const f = (id: string) => prisma.$executeRawUnsafe("DELETE FROM t WHERE id = " + id);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `prisma.$executeRawUnsafe`'),
              line: 3,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { PrismaClient } from '@prisma/client';
            const prisma = new PrismaClient();
            export const f = (id: string) => prisma.$executeRaw\`DELETE FROM t WHERE id = \${id}\`;
          `,
        },
        {
          name: 'mssql: inputs chained before .query on a request',
          code: dedent`
            import sql from 'mssql';
            export const f = (pool: any, req: any) => pool.request().query(\`SELECT * FROM t WHERE code = '\${req.query.code}'\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `req.query.code` (request value req.query.code) is interpolated into the SQL passed to `request().query`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import sql from 'mssql';
            export const f = (pool: any, req: any) => pool.request().input('code', req.query.code).query('SELECT * FROM t WHERE code = @code');
          `,
        },
        {
          name: 'mssql: a request held in a const, two inputs',
          code: dedent`
            import sql from 'mssql';
            export async function f(pool: any, name: string, city: string) {
              const request = pool.request();
              return request.query("SELECT * FROM t WHERE name = '" + name + "' AND city = '" + city + "'");
            }
          `,
          errors: [
            {
              message: startsWith('SQL injection: `name` (parameter name) and `city` (parameter city) are interpolated into the SQL passed to `request.query`'),
              line: 4,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          // Four double-quoted strings against one single-quoted import: the new literals use double quotes.
          output: dedent`
            import sql from 'mssql';
            export async function f(pool: any, name: string, city: string) {
              const request = pool.request();
              return request.input("name", name).input("city", city).query("SELECT * FROM t WHERE name = @name AND city = @city");
            }
          `,
        },
        {
          name: 'mssql: a pool query becomes the tagged form',
          code: dedent`
            import sql from 'mssql';
            export const f = (id: string) => sql.query(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `sql.query`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import sql from 'mssql';
            export const f = (id: string) => sql.query\`SELECT * FROM t WHERE id = \${id}\`;
          `,
        },
        {
          name: 'Drizzle: sql.raw becomes the sql tag',
          code: dedent`
            import { sql } from 'drizzle-orm';
            export const f = (db: any, id: string) => db.execute(sql.raw(\`SELECT * FROM t WHERE id = '\${id}'\`));
          `,
          errors: [
            {
              message: startsWith('SQL injection: `id` (parameter id) is interpolated into the SQL passed to `sql.raw`'),
              line: 2,
              severity: 'error',
              fixes: ['Parameterize query'],
            },
          ],
          output: dedent`
            import { sql } from 'drizzle-orm';
            export const f = (db: any, id: string) => db.execute(sql\`SELECT * FROM t WHERE id = \${id}\`);
          `,
        },
      ],
    });

    sql.run({
      invalid: [
        {
          name: 'without a fix: unknown driver',
          code: dedent`
            import { db } from './db';
            export const f = (id: string) => db.query(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [{ message: /could not be identified/, line: 2, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: several drivers',
          code: dedent`
            import pg from 'pg';
            import mysql from 'mysql2';
            export const f = (db: any, id: string) => db.query(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [{ message: /several database libraries/, line: 3, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: conditional appends',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export function f(id: string, name: string) {
              let q = "SELECT * FROM t WHERE 1 = 1";
              if (name) q += " AND name = '" + name + "'";
              return pool.query(q + " AND id = " + id);
            }
          `,
          errors: [{ message: /branches or loops/, line: 6, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: several variables',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export function f(id: string) {
              const where = "id = " + id;
              let q = "SELECT * FROM t WHERE " + where;
              return pool.query(q);
            }
          `,
          errors: [{ message: /several variables/, line: 6, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: TypeORM',
          code: dedent`
            import { DataSource } from 'typeorm';
            export const f = (ds: DataSource, id: string) => ds.query(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [{ message: /TypeORM/, line: 2, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: Sequelize.literal',
          code: dedent`
            import { Sequelize } from 'sequelize';
            export const f = (id: string) => Sequelize.literal(\`id = \${id}\`);
          `,
          errors: [{ message: /literal takes no replacements/, line: 2, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: better-sqlite3 exec',
          code: dedent`
            import Database from 'better-sqlite3';
            export const f = (db: any, id: string) => db.exec(\`DELETE FROM t WHERE id = \${id}\`);
          `,
          errors: [{ message: /exec\(\) runs SQL without parameters/, line: 2, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: util.format',
          code: dedent`
            import util from 'util';
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (id: string) => pool.query(util.format('SELECT * FROM t WHERE id = %s', id));
          `,
          errors: [{ message: /util\.format/, line: 4, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: an IN list',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (ids: string[]) => pool.query(\`SELECT * FROM t WHERE id IN (\${ids.join(',')})\`);
          `,
          errors: [{ message: /IN \(…\) list/, line: 3, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: existing placeholders of another style',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (a: string, b: string) => pool.query('SELECT * FROM t WHERE a = ? AND b = ' + b, [a]);
          `,
          errors: [{ message: /already uses qmark placeholders/, line: 3, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: values passed as a variable',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export const f = (values: string[], b: string) => pool.query('SELECT * FROM t WHERE b = ' + b, values);
          `,
          errors: [{ message: /not written as an array/, line: 3, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: a variable extended and also used elsewhere',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export function f(id: string) {
              let q = 'SELECT * FROM t';
              q += ' WHERE id = ' + id;
              console.log(q);
              return pool.query(q);
            }
          `,
          errors: [{ message: /extended in several statements and also used elsewhere/, line: 7, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: a value reassigned between building and running',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export function f(id: string) {
              const q = 'SELECT * FROM t WHERE id = ' + id;
              id = id.trim();
              return pool.query(q);
            }
          `,
          errors: [{ message: /`id` would be read at a different point/, line: 6, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: building statements sharing a line',
          code: dedent`
            import { Pool } from 'pg';
            const pool = new Pool();
            export function f(id: string) {
              let q = 'SELECT * FROM t'; q += ' WHERE id = ' + id;
              return pool.query(q);
            }
          `,
          errors: [{ message: /share their lines/, line: 5, severity: 'error', fixes: [] }],
        },
        {
          name: 'without a fix: a rewrite that would not parse (tagged template in an optional chain)',
          code: dedent`
            import { PrismaClient } from '@prisma/client';
            export const f = (db: { client?: PrismaClient }, id: string) => db?.client.$queryRawUnsafe(\`SELECT * FROM t WHERE id = \${id}\`);
          `,
          errors: [{ message: /would not parse/, line: 2, severity: 'error', fixes: [] }],
        },
      ],
    });
  });

  describe('commands', () => {
    shell.run({
      invalid: [
        {
          name: 'exec → execFile (named import renamed when exec has no other use)',
          code: dedent`
            import { exec } from 'child_process';
            export const f = (src: string, dst: string) => exec(\`convert \${src} \${dst}\`);
          `,
          errors: [
            {
              message: startsWith(
                'Command injection: `src` (parameter src) and `dst` (parameter dst) are interpolated into the command line that `exec` runs through a shell',
              ),
              line: 2,
              severity: 'error',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                import { execFile } from 'child_process';
                export const f = (src: string, dst: string) => execFile('convert', [src, dst]);
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'exec → execFile added beside an exec still used elsewhere, callback kept',
          code: dedent`
            import { exec } from 'node:child_process';
            exec('ls');
            export const f = (src: string) => exec('convert ' + src + ' out.png', (err) => {});
          `,
          errors: [
            {
              message: startsWith('Command injection: `src` (parameter src) is interpolated into the command line that `exec` runs through a shell'),
              line: 3,
              severity: 'error',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                import { exec, execFile } from 'node:child_process';
                exec('ls');
                export const f = (src: string) => execFile('convert', [src, 'out.png'], (err) => {});
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'execSync → execFileSync through a destructured require, options kept',
          code: dedent`
            const { execSync } = require('child_process');
            exports.f = (dir) => execSync(\`ls -la \${dir}\`, { encoding: 'utf8' });
          `,
          errors: [
            {
              message: startsWith('Command injection: `dir` (parameter dir) is interpolated into the command line that `execSync` runs through a shell'),
              line: 2,
              severity: 'error',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                const { execFileSync } = require('child_process');
                exports.f = (dir) => execFileSync('ls', ['-la', dir], { encoding: 'utf8' });
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'child_process.exec member call',
          code: dedent`
            const child_process = require('child_process');
            exports.f = (dir) => child_process.exec('ls ' + dir);
          `,
          errors: [
            {
              message: startsWith(
                'Command injection: `dir` (parameter dir) is interpolated into the command line that `child_process.exec` runs through a shell',
              ),
              line: 2,
              severity: 'error',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                const child_process = require('child_process');
                exports.f = (dir) => child_process.execFile('ls', [dir]);
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'a command variable used only at the sink is inlined',
          code: dedent`
            import { exec } from 'child_process';
            export function f(file: string) {
              const cmd = \`gzip -k \${file}\`;
              return exec(cmd);
            }
          `,
          errors: [
            {
              message: startsWith('Command injection: `file` (parameter file) is interpolated into the command line that `exec` runs through a shell'),
              line: 4,
              severity: 'error',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                import { execFile } from 'child_process';
                export function f(file: string) {
                  return execFile('gzip', ['-k', file]);
                }
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'spawn with shell: true',
          code: dedent`
            import { spawn } from 'child_process';
            export const f = (dir: string) => spawn(\`ls \${dir}\`, { shell: true });
          `,
          errors: [
            {
              message: startsWith('Command injection: `dir` (parameter dir) is interpolated into the command line that `spawn` runs through a shell'),
              line: 2,
              severity: 'error',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                import { spawn } from 'child_process';
                export const f = (dir: string) => spawn('ls', [dir]);
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'spawn with an args array and shell: true among other options',
          code: dedent`
            import { spawn } from 'child_process';
            export const f = (branch: string) => spawn('git', ['log', branch], { cwd: '/repo', shell: true });
          `,
          errors: [
            {
              message: startsWith('Command injection: `branch` (parameter branch) is interpolated into the command line that `spawn` runs through a shell'),
              line: 2,
              severity: 'error',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                import { spawn } from 'child_process';
                export const f = (branch: string) => spawn('git', ['log', branch], { cwd: '/repo' });
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'execaCommand → execa',
          code: dedent`
            import { execaCommand } from 'execa';
            export const f = (file: string) => execaCommand(\`prettier --write \${file}\`);
          `,
          errors: [
            {
              message: startsWith('Command injection: `file` (parameter file) is interpolated into the command line that `execaCommand` splits into arguments'),
              line: 2,
              severity: 'error',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                import { execa } from 'execa';
                export const f = (file: string) => execa('prettier', ['--write', file]);
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'a quoted value is one argument; an aliased exec gets execFile added',
          code: dedent`
            import { exec as run } from 'child_process';
            export const f = (file: string) => run(\`cat "\${file}" 'two words'\`);
          `,
          errors: [
            {
              message: startsWith('Command injection: `file` (parameter file) is interpolated into the command line that `run` runs through a shell'),
              line: 2,
              severity: 'error',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                import { exec as run, execFile } from 'child_process';
                export const f = (file: string) => execFile('cat', [file, 'two words']);
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'an execFile already imported is reused',
          code: dedent`
            const { exec, execFile } = require('child_process');
            exports.f = (file) => exec(\`wc -l \${file}\`);
          `,
          errors: [
            {
              message: startsWith('Command injection: `file` (parameter file) is interpolated into the command line that `exec` runs through a shell'),
              line: 2,
              severity: 'error',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                const { exec, execFile } = require('child_process');
                exports.f = (file) => execFile('wc', ['-l', file]);
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'execa with shell: true',
          code: dedent`
            import { execa } from 'execa';
            export const f = (dir: string) => execa(\`du -sh \${dir}\`, { shell: true });
          `,
          errors: [
            {
              message: startsWith('Command injection: `dir` (parameter dir) is interpolated into the command line that `execa` runs through a shell'),
              line: 2,
              severity: 'error',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                import { execa } from 'execa';
                export const f = (dir: string) => execa('du', ['-sh', dir]);
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'exec with a shell option: no fix',
          code: dedent`
            import { exec } from 'child_process';
            export const f = (dir: string) => exec(\`ls \${dir}\`, { shell: '/bin/bash' });
          `,
          errors: [{ message: /options ask for a shell/, line: 2, severity: 'error', fixes: [] }],
        },
        {
          name: 'shell expansion inside double quotes: no fix',
          code: dedent`
            import { exec } from 'child_process';
            export const f = (dir: string) => exec(\`ls "$HOME/\${dir}"\`);
          `,
          errors: [{ message: /shell syntax \(`\$`\)/, line: 2, severity: 'error', fixes: [] }],
        },
        {
          name: 'execFile is already another name in the file: no fix',
          code: dedent`
            import { exec } from 'child_process';
            const execFile = 1;
            export const f = (dir: string) => exec(\`ls \${dir}\`);
          `,
          errors: [{ message: /`execFile` is already a name in this file/, line: 3, severity: 'error', fixes: [] }],
        },
        {
          name: 'a command line joined from values with blanks',
          code: dedent`
            import { execSync } from 'child_process';
            export const f = (tool: string, file: string) => execSync(tool + ' ' + file);
          `,
          errors: [
            {
              message: startsWith(
                'Command injection: `tool` (parameter tool) and `file` (parameter file) are interpolated into the command line that `execSync` runs through a shell',
              ),
              line: 2,
              severity: 'error',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                import { execFileSync } from 'child_process';
                export const f = (tool: string, file: string) => execFileSync(tool, [file]);
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
        {
          name: 'shell metacharacters: no fix',
          code: dedent`
            import { exec } from 'child_process';
            export const f = (dir: string) => exec(\`ls \${dir} | wc -l\`);
          `,
          errors: [{ message: /shell syntax \(`\|`\)/, line: 2, severity: 'error', fixes: [] }],
        },
        {
          name: 'a value glued to other text: no fix',
          code: dedent`
            import { exec } from 'child_process';
            export const f = (out: string) => exec(\`tar -czf --file=\${out} .\`);
          `,
          errors: [{ message: /shares an argument with other text/, line: 2, severity: 'error', fixes: [] }],
        },
        {
          name: 'promisified exec: found, no fix',
          code: dedent`
            import { exec } from 'child_process';
            import { promisify } from 'util';
            const run = promisify(exec);
            export const f = (dir: string) => run(\`ls \${dir}\`);
          `,
          errors: [{ message: /promisify/, line: 4, severity: 'error', fixes: [] }],
        },
        {
          name: 'zx with its quoting replaced',
          code: dedent`
            import { $ } from 'zx';
            $.quote = (s) => s;
            export const f = (dir: string) => $\`ls \${dir}\`;
          `,
          errors: [{ message: /zx/, line: 3, severity: 'error', fixes: [] }],
        },
        {
          name: 'zx $({ quote })',
          code: dedent`
            import { $ } from 'zx';
            export const f = (dir: string) => $({ quote: (s: string) => s })\`ls \${dir}\`;
          `,
          errors: [{ message: /zx/, line: 2, severity: 'error', fixes: [] }],
        },
        {
          name: 'zx given a pre-built string',
          code: dedent`
            import { $ } from 'zx';
            export const f = (dir: string) => $([\`ls \${dir}\`] as any);
          `,
          errors: [{ message: /zx/, line: 2, severity: 'error', fixes: [] }],
        },
        {
          name: 'an untainted value is a warning',
          code: dedent`
            import { exec } from 'child_process';
            const home = process.env.HOME;
            exec(\`ls \${home}\`);
          `,
          errors: [
            {
              message: startsWith(
                'Shell command built from interpolated values: `home` is interpolated into the command line that `exec` runs through a shell',
              ),
              line: 3,
              severity: 'warning',
              fixes: [
                {
                  title: 'Run without a shell',
                  output: dedent`
                import { execFile } from 'child_process';
                const home = process.env.HOME;
                execFile('ls', [home]);
              `,
                  safe: false,
                },
              ],
            },
          ],
        },
      ],
    });

    shell.run({
      valid: [
        {
          name: 'zx template with default quoting',
          code: dedent`
            import { $ } from 'zx';
            export const f = (dir: string) => $\`ls \${dir}\`;
          `,
        },
        {
          name: 'execa template',
          code: dedent`
            import { $ } from 'execa';
            export const f = (dir: string) => $\`ls \${dir}\`;
          `,
        },
        {
          name: 'execa with an argument array',
          code: dedent`
            import { execa } from 'execa';
            export const f = (dir: string) => execa('ls', [dir]);
          `,
        },
        {
          name: 'spawn without a shell',
          code: dedent`
            import { spawn } from 'child_process';
            export const f = (dir: string) => spawn('ls', [dir]);
          `,
        },
        {
          name: 'a constant command',
          code: dedent`
            import { exec } from 'child_process';
            const FLAGS = '-la';
            exec(\`ls \${FLAGS}\`);
          `,
        },
        {
          name: 'an exec that is not child_process',
          code: dedent`
            export const f = (re: RegExp, s: string) => re.exec(\`x \${s}\`);
          `,
        },
        {
          name: 'a numeric value',
          code: dedent`
            import { execSync } from 'child_process';
            export const f = (pid: string) => execSync(\`kill -9 \${Number(pid)}\`);
          `,
        },
      ],
    });

    it('driver escaping protects SQL only: an escaped value in a shell command is reported', async () => {
      const text = dedent`
        import { exec } from 'child_process';
        import mysql from 'mysql';
        export const f = (name: string) => exec(\`tar czf backup.tgz \${mysql.escape(name)}\`);
      `;
      assert.deepEqual(
        (await shell.findings({ code: text })).map((finding) => [finding.ruleId, finding.severity]),
        [['string-built-command', 'error']],
      );
    });

    it("the two families do not report each other's sinks", async () => {
      const text = dedent`
        import { exec } from 'child_process';
        import { Pool } from 'pg';
        const pool = new Pool();
        export const f = (id: string) => { exec(\`rm \${id}\`); return pool.query(\`SELECT * FROM t WHERE id = \${id}\`); };
      `;
      assert.equal((await sql.findings({ code: text })).length, 1);
      assert.equal((await shell.findings({ code: text })).length, 1);
    });
  });

  describe('languages', () => {
    it('JSX files', async () => {
      const text = dedent`
        import { Pool } from 'pg';
        const pool = new Pool();
        export async function Page({ id }) {
          const rows = await pool.query(\`SELECT * FROM t WHERE id = \${id}\`);
          return <div>{rows.length}</div>;
        }
      `;
      const finding = await sql.only({ code: text, path: 'src/page.jsx' });
      assert.match(finding.message, /`id` \(parameter id\)/);
    });

    it('TSX files', async () => {
      const text = dedent`
        import mysql from 'mysql2/promise';
        export async function List({ conn, q }: Props) {
          const [rows] = await conn.query(\`SELECT * FROM t WHERE name LIKE '\${q}%'\`);
          return <ul>{rows.map((row) => <li>{row.name}</li>)}</ul>;
        }
      `;
      const finding = await sql.only({ code: text, path: 'src/List.tsx' });
      assert.equal(
        fixed(text, finding),
        text.replace(`conn.query(\`SELECT * FROM t WHERE name LIKE '\${q}%'\`)`, "conn.query('SELECT * FROM t WHERE name LIKE ?', [`${q}%`])"),
      );
    });

    it('plain JavaScript with require', async () => {
      const text = dedent`
        const { Pool } = require("pg");
        const pool = new Pool();
        module.exports = (id) => pool.query("SELECT * FROM t WHERE id = " + id);
      `;
      const finding = await sql.only({ code: text, path: 'lib/x.js' });
      assert.equal(fixed(text, finding), text.replace('"SELECT * FROM t WHERE id = " + id', '"SELECT * FROM t WHERE id = $1", [id]'));
    });
  });
});
