import { strict as assert } from 'node:assert';
import type { Part } from '../../src/core/queries/model';
import { parameterizeSql } from '../../src/core/queries/parameterize';

const H = (hole: number) => ({ hole });
const names = ['code', 'term', 'uid', 'limit'];
const nameOf = (hole: number) => names[hole] ?? `p${hole}`;

describe('parameterizeSql', () => {
  const seed: Part[] = ["SELECT * FROM coupons WHERE code = '", H(0), "' AND expires_at > NOW()"];

  const rewrites: { name: string; parts: Part[]; style: Parameters<typeof parameterizeSql>[1]; sql: string; params: unknown[] }[] = [
    {
      name: 'the seed query for psycopg (quotes removed)',
      parts: seed,
      style: 'format',
      sql: 'SELECT * FROM coupons WHERE code = %s AND expires_at > NOW()',
      params: [{ hole: 0, prefix: '', suffix: '' }],
    },
    {
      name: 'the seed query for sqlite3',
      parts: seed,
      style: 'qmark',
      sql: 'SELECT * FROM coupons WHERE code = ? AND expires_at > NOW()',
      params: [{ hole: 0, prefix: '', suffix: '' }],
    },
    {
      name: 'the seed query for pg / asyncpg',
      parts: seed,
      style: 'numeric',
      sql: 'SELECT * FROM coupons WHERE code = $1 AND expires_at > NOW()',
      params: [{ hole: 0, prefix: '', suffix: '' }],
    },
    {
      name: 'the seed query for SQLAlchemy text()',
      parts: seed,
      style: 'named-colon',
      sql: 'SELECT * FROM coupons WHERE code = :code AND expires_at > NOW()',
      params: [{ hole: 0, name: 'code', prefix: '', suffix: '' }],
    },
    {
      name: 'the seed query for mssql',
      parts: seed,
      style: 'named-at',
      sql: 'SELECT * FROM coupons WHERE code = @code AND expires_at > NOW()',
      params: [{ hole: 0, name: 'code', prefix: '', suffix: '' }],
    },
    {
      name: 'an unquoted numeric value and a LIKE pattern',
      parts: ["SELECT id FROM users WHERE name LIKE '%", H(1), "%' AND id > ", H(2), ' LIMIT 10'],
      style: 'numeric',
      sql: 'SELECT id FROM users WHERE name LIKE $1 AND id > $2 LIMIT 10',
      params: [
        { hole: 1, prefix: '%', suffix: '%' },
        { hole: 2, prefix: '', suffix: '' },
      ],
    },
    {
      name: 'a literal % that format-style drivers would read as a directive',
      parts: ["SELECT * FROM t WHERE a LIKE 'x%' AND b = ", H(0)],
      style: 'format',
      sql: "SELECT * FROM t WHERE a LIKE 'x%%' AND b = %s",
      params: [{ hole: 0, prefix: '', suffix: '' }],
    },
    {
      name: 'existing $n placeholders merged and renumbered in order',
      parts: ['SELECT * FROM t WHERE a = $1 AND b = ', H(0), ' AND c = $2'],
      style: 'numeric',
      sql: 'SELECT * FROM t WHERE a = $1 AND b = $2 AND c = $3',
      params: [{ existing: 0 }, { hole: 0, prefix: '', suffix: '' }, { existing: 1 }],
    },
    {
      name: 'existing ? placeholders merged in order',
      parts: ['UPDATE t SET a = ?, b = ', H(2), ' WHERE id = ?'],
      style: 'qmark',
      sql: 'UPDATE t SET a = ?, b = ? WHERE id = ?',
      params: [{ existing: 0 }, { hole: 2, prefix: '', suffix: '' }, { existing: 1 }],
    },
    {
      name: 'a name already taken by an existing named placeholder',
      parts: ['SELECT * FROM t WHERE code = :code AND other = ', H(0)],
      style: 'named-colon',
      sql: 'SELECT * FROM t WHERE code = :code AND other = :code_2',
      params: [
        { existing: 0, name: 'code' },
        { hole: 0, name: 'code_2', prefix: '', suffix: '' },
      ],
    },
  ];
  for (const { name, parts, style, sql, params } of rewrites) {
    it(`rewrites ${name}`, () => {
      const result = parameterizeSql(parts, style, nameOf);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.sql, sql);
      assert.deepEqual(result.params, params);
    });
  }

  const refused: { name: string; parts: Part[]; reason: RegExp }[] = [
    { name: 'a table name', parts: ['SELECT * FROM ', H(0), ' WHERE id = 1'], reason: /table or column/ },
    { name: 'an ORDER BY column', parts: ['SELECT * FROM t ORDER BY ', H(0)], reason: /table or column/ },
    { name: 'a whole condition', parts: ['SELECT * FROM t WHERE ', H(0)], reason: /SQL itself/ },
    { name: 'an IN list', parts: ['SELECT * FROM t WHERE id IN (', H(0), ')'], reason: /IN/ },
    { name: 'prose', parts: ['select the user from the list: ', H(0)], reason: /not recognisably SQL/ },
    { name: 'a style clash', parts: ['SELECT * FROM t WHERE a = ? AND b = ', H(0)], reason: /already uses qmark/ },
  ];
  for (const { name, parts, reason } of refused) {
    it(`refuses ${name}`, () => {
      const result = parameterizeSql(parts, 'numeric', nameOf);
      assert.equal(result.ok, false);
      assert.match((result as { reason: string }).reason, reason);
    });
  }
});
