import { strict as assert } from 'node:assert';
import {
  analyzeSqlTemplate,
  isSqlText,
  placeholderStyle,
  type HoleRole,
  type HoleRoleKind,
  type PlaceholderStyle,
  type SqlStatementKind,
  type SqlTemplatePart,
} from '../../src/core/sql';
import { assertGrowth } from './scaling';

/**
 * Template parts from a tagged template: `q\`SELECT * FROM t WHERE id = ${0}\`` gives
 * ['SELECT * FROM t WHERE id = ', { hole: 0 }, '']. The interpolated values are only
 * placeholders for the reader; holes are numbered in order.
 */
function q(strings: TemplateStringsArray, ...values: unknown[]): SqlTemplatePart[] {
  const parts: SqlTemplatePart[] = [strings[0]];
  values.forEach((_, index) => parts.push({ hole: index }, strings[index + 1]));
  return parts;
}

function rolesOf(parts: readonly SqlTemplatePart[]): HoleRoleKind[] {
  return analyzeSqlTemplate(parts).holes.map((hole) => hole.role);
}

function onlyHole(parts: readonly SqlTemplatePart[]): HoleRole {
  const analysis = analyzeSqlTemplate(parts);
  assert.ok(analysis.isSql, 'the template is SQL');
  assert.equal(analysis.holes.length, 1);
  return analysis.holes[0];
}

describe('SQL templates', () => {
  describe('statements recognised as SQL', () => {
    const statements: [SqlStatementKind, string][] = [
      // SELECT across dialects
      ['SELECT', 'SELECT * FROM users'],
      ['SELECT', 'select id, name from users where id = ?'],
      ['SELECT', 'SELECT u.id, COUNT(o.id) AS n FROM users u LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.id HAVING COUNT(*) > 1'],
      ['SELECT', 'SELECT DISTINCT ON (a) a, b FROM t ORDER BY a, b DESC'],
      ['SELECT', '(SELECT a FROM t) UNION (SELECT b FROM u)'],
      ['SELECT', 'SELECT * FROM generate_series(1, 10) AS g(n)'],
      ['SELECT', 'SELECT * FROM jobs WHERE state = $1 FOR UPDATE SKIP LOCKED'],
      ['SELECT', "SELECT payload::text FROM events WHERE data ->> 'kind' = $1"],
      ['SELECT', "SELECT * FROM users WHERE email ILIKE $1 || '%'"],
      ['SELECT', "SELECT * FROM users WHERE tags @> ARRAY['admin']"],
      ['SELECT', 'SELECT arr[1] FROM t'],
      ['SELECT', "SELECT * FROM t WHERE ts AT TIME ZONE 'UTC' > now()"],
      ['SELECT', "SELECT * FROM t WHERE d > DATE '2024-01-01'"],
      ['SELECT', 'SELECT name, ROW_NUMBER() OVER (PARTITION BY team ORDER BY score DESC) AS rank FROM players'],
      ['SELECT', 'SELECT * FROM t WHERE a IN (SELECT b FROM u) AND EXISTS (SELECT 1 FROM v WHERE v.a = t.a)'],
      ['SELECT', 'SELECT * FROM products WHERE price BETWEEN 10 AND 20 ORDER BY price ASC NULLS LAST LIMIT 10 OFFSET 20'],
      ['SELECT', 'SELECT e.* FROM employees e'],
      ['SELECT', 'SELECT * FROM t1, t2 WHERE t1.a = t2.a'],
      ['SELECT', 'SELECT * FROM users WHERE id = :id'],
      ['SELECT', 'SELECT * FROM users WHERE id = %(id)s'],
      ['SELECT', 'select * from users where id=?'],
      ['SELECT', 'SELECT sum(amount) total FROM payments'],
      ['SELECT', "SELECT * FROM users WHERE name = 'O''Brien'"],
      ['SELECT', "SELECT * FROM users WHERE name = 'It\\'s'"],
      ['SELECT', "SELECT * FROM users WHERE name = 'Select the user from the list'"],
      ['SELECT', 'select `id` from `users` where `name` = "bob"'],
      ['SELECT', 'SELECT * FROM t LIMIT ?, ?'],
      ['SELECT', "SELECT * FROM t WHERE MATCH (title) AGAINST ('x' IN BOOLEAN MODE)"],
      ['SELECT', "SELECT * FROM t WHERE x = 'a' COLLATE utf8mb4_bin"],
      ['SELECT', 'SELECT a INTO @total FROM t'],
      ['SELECT', 'SELECT TOP 10 [Name] FROM [dbo].[Users] WITH (NOLOCK) WHERE [Id] = @id'],
      ['SELECT', 'SELECT * INTO #recent FROM orders'],
      ['SELECT', 'SELECT * FROM #recent'],
      ['SELECT', 'SELECT @name = name FROM users WHERE id = @id'],
      ['SELECT', 'SELECT * FROM dual'],
      ['SELECT', 'SELECT * FROM employees WHERE ROWNUM <= 10'],
      ['SELECT', "SELECT * FROM employees WHERE hire_date > TO_DATE(:d, 'YYYY-MM-DD')"],
      ['SELECT', 'SELECT ename FROM emp START WITH mgr IS NULL CONNECT BY PRIOR empno = mgr'],
      ['SELECT', 'SELECT * FROM t; DELETE FROM u;'],
      ['SELECT', 'Select * from users'],
      // SELECT without FROM: only typical self-contained items
      ['SELECT', 'SELECT 1'],
      ['SELECT', 'SELECT NOW()'],
      ['SELECT', 'SELECT @@version'],
      ['SELECT', 'select version()'],
      ['SELECT', 'SELECT pg_sleep(5)'],
      ['SELECT', "SELECT 'a' || 'b'"],
      ['SELECT', 'SELECT CURRENT_TIMESTAMP'],
      ['SELECT', 'SELECT $1::int + 1'],
      ['SELECT', 'EXPLAIN ANALYZE SELECT * FROM t'],
      ['SELECT', 'EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM t'],
      ['SELECT', 'EXPLAIN QUERY PLAN SELECT * FROM t'],
      // INSERT / REPLACE / UPSERT
      ['INSERT', 'INSERT INTO t (a, b) VALUES ($1, $2)'],
      ['INSERT', "INSERT INTO t VALUES (1, 'a'), (2, 'b')"],
      ['INSERT', 'INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET a = EXCLUDED.a RETURNING id'],
      ['INSERT', 'INSERT INTO t (a, b) VALUES (%s, %s) ON DUPLICATE KEY UPDATE b = VALUES(b)'],
      ['INSERT', 'INSERT OR IGNORE INTO t(a) VALUES(?)'],
      ['INSERT', 'INSERT INTO t DEFAULT VALUES'],
      ['INSERT', 'INSERT INTO archive SELECT * FROM orders WHERE year < 2020'],
      ['INSERT', 'INSERT t (a) VALUES (1)'],
      ['INSERT', 'INSERT INTO t (a) OUTPUT inserted.id VALUES (@a)'],
      ['INSERT', 'INSERT IGNORE INTO t SET a = 1'],
      ['REPLACE', 'REPLACE INTO cache (k, v) VALUES (?, ?)'],
      ['UPSERT', 'UPSERT INTO kv (k, v) VALUES (1, 2)'],
      // UPDATE
      ['UPDATE', 'UPDATE users SET name = :name WHERE id = :id'],
      ['UPDATE', 'update users set active = 1'],
      ['UPDATE', 'UPDATE TOP (10) t SET a = 1'],
      ['UPDATE', 'UPDATE t SET (a, b) = (1, 2) WHERE id = 3'],
      ['UPDATE', 'UPDATE ONLY t SET a = 1'],
      ['UPDATE', 'UPDATE a JOIN b ON a.id = b.id SET a.x = b.x'],
      ['UPDATE', 'UPDATE accounts AS a SET balance = a.balance - %s WHERE a.id = %s'],
      // DELETE
      ['DELETE', 'DELETE FROM sessions WHERE expires_at < NOW()'],
      ['DELETE', 'DELETE FROM t USING u WHERE t.id = u.id RETURNING *'],
      ['DELETE', 'DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id'],
      ['DELETE', 'DELETE users WHERE id = 1'],
      ['DELETE', 'DELETE FROM cart'],
      ['DELETE', 'delete from cart'],
      // WITH, MERGE, CALL, EXEC
      ['WITH', 'WITH recent AS (SELECT * FROM orders) SELECT * FROM recent'],
      ['WITH', 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT n FROM r'],
      ['WITH', ';WITH x AS (SELECT 1 AS a) SELECT a FROM x'],
      ['WITH', 'WITH gone AS (DELETE FROM t RETURNING *) INSERT INTO archive SELECT * FROM gone'],
      ['MERGE', 'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.x = s.x'],
      ['MERGE', 'MERGE t AS target USING s AS source ON target.id = source.id WHEN MATCHED THEN DELETE;'],
      ['CALL', 'CALL refresh_stats(?)'],
      ['CALL', 'CALL app.rebuild_index()'],
      ['EXEC', 'EXEC sp_who'],
      ['EXEC', 'EXEC dbo.GetUser @id = 5'],
      ['EXEC', "EXECUTE sp_executesql N'SELECT 1'"],
      ['EXEC', "EXEC('SELECT 1')"],
      ['EXEC', "EXECUTE IMMEDIATE 'DROP TABLE t'"],
      ['EXEC', 'EXECUTE my_statement(1, 2)'],
      // DDL
      ['DDL', 'CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)'],
      ['DDL', 'CREATE TABLE t (id bigserial primary key, created_at timestamp with time zone default now(), status user_status not null)'],
      ['DDL', 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a)'],
      ['DDL', 'CREATE INDEX ON t USING gin (tsv)'],
      ['DDL', 'CREATE TEMPORARY TABLE t AS SELECT 1'],
      ['DDL', 'CREATE OR REPLACE VIEW v AS SELECT 1'],
      ['DDL', 'CREATE VIRTUAL TABLE docs USING fts5(title, body)'],
      ['DDL', 'CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql'],
      ['DDL', "CREATE USER 'app'@'localhost' IDENTIFIED BY 'x'"],
      ['DDL', 'ALTER TABLE users ADD COLUMN email TEXT'],
      ['DDL', 'ALTER TABLE IF EXISTS ONLY t RENAME TO u'],
      ['DDL', 'DROP TABLE IF EXISTS tmp'],
      ['DDL', 'DROP INDEX i ON t'],
      ['DDL', 'DROP FUNCTION IF EXISTS f(int) CASCADE'],
      ['DDL', 'TRUNCATE TABLE logs'],
      ['DDL', 'TRUNCATE logs RESTART IDENTITY'],
    ];
    for (const [kind, text] of statements) {
      it(`${kind}: ${JSON.stringify(text)}`, () => {
        const analysis = analyzeSqlTemplate([text]);
        assert.equal(analysis.isSql, true);
        assert.equal(analysis.statement, kind);
        assert.equal(isSqlText(text), true);
      });
    }

    it('reads multi-line queries with comments before and inside', () => {
      const text = [
        '-- Active accounts with their billing row',
        '/* owner: billing */',
        '  SELECT a.id, b.plan -- the plan name',
        '  FROM accounts a',
        '  JOIN billing b ON b.account_id = a.id /* one row per account */',
        '  WHERE a.active = TRUE # MySQL-style comment',
        '  ORDER BY a.created_at DESC',
        '  LIMIT 10;',
      ].join('\n');
      assert.equal(analyzeSqlTemplate([text]).statement, 'SELECT');
    });

    it('reads a query split over several parts and holes', () => {
      const parts: SqlTemplatePart[] = [
        'SELECT id, name ',
        'FROM users ',
        'WHERE org_id = ',
        { hole: 0 },
        ' AND name LIKE ',
        "'",
        { hole: 1 },
        "%' ",
        'ORDER BY ',
        { hole: 2 },
      ];
      const analysis = analyzeSqlTemplate(parts);
      assert.equal(analysis.statement, 'SELECT');
      assert.deepEqual(
        analysis.holes.map((hole) => hole.role),
        ['value', 'value', 'identifier'],
      );
    });

    it('judges a statement whose quotes open in one part and close in another', () => {
      assert.equal(analyzeSqlTemplate(q`UPDATE t SET note = 'a ${0} b' WHERE id = ${1}`).statement, 'UPDATE');
    });
  });

  describe('text that is not SQL', () => {
    const prose: [string, string][] = [
      // UI strings
      ['select the user from the list', 'English word "the"'],
      ['Select an option from the dropdown', 'English word "an"'],
      ['Select a country', 'determiner before a noun, no FROM'],
      ['Select one or more files', 'no FROM, items are words'],
      ['Select your language', 'English word "your"'],
      ['Select all files from the folder', 'English word "the"'],
      ['Select which columns to display', 'no FROM'],
      ['Select where to save', 'empty select list'],
      ['Select * to select all', 'no FROM and `*` is not a value'],
      ['Select Name From List', 'capitalised like a title, no SQL punctuation'],
      ['Select 1 item', 'capitalised like a sentence, no SQL punctuation'],
      ['Select **all** from list', 'markdown emphasis: two operators in a row'],
      ["select user's name from list", 'apostrophe inside a word'],
      ['delete from cart?', 'question mark glued to a word'],
      ['Delete from cart?', 'question mark glued to a word'],
      ['Delete from cart', 'capitalised like a sentence, no SQL punctuation'],
      ['delete from cart.', 'full stop glued to a word'],
      ['delete from cart (3 items)', 'a parenthesis after a space is no table function'],
      ['Delete this item?', 'English word "this"'],
      ['Delete selected items from the list?', 'two bare words before FROM'],
      ['Update from server failed', 'no table after UPDATE'],
      ['Update your settings from the menu', 'English word "your"'],
      ['Update users set name to Bob', 'SET without `=`'],
      ['update available from store', 'no SET'],
      ['Update to version 2.0', 'reserved word as table'],
      ['update: done', 'colon glued to a word'],
      ['insert into the queue: {item}', 'English word "the"'],
      ['insert into table failed', 'reserved word as table'],
      ['Insert image from URL', 'no INTO'],
      ['INSERT mode', 'no INTO and no VALUES'],
      ['Replace into position', 'no source after the table'],
      ['With great power comes great responsibility', 'no name AS ('],
      ['Merge pull request #123 from user/branch', 'no USING'],
      ["Merge branch 'main' into feature", 'no USING'],
      ['Call me maybe', 'no parenthesis'],
      ['Call support (24/7)', 'parenthesis not touching the name'],
      ['Call to undefined function foo()', 'reserved word as procedure'],
      ['Execute the following steps:', 'English word "the"'],
      ['execute command failed', 'a word after the procedure name'],
      ['Execute query', 'capitalised like a sentence'],
      ['Create a new table', 'no object type after CREATE'],
      ['Create table', 'no name'],
      ['Create table users', 'capitalised like a sentence'],
      ['create view for reports', 'reserved word as name'],
      ['create index for fast lookup', 'no ON'],
      ['Drop files here to upload', 'no object type'],
      ['Drop table users?', 'question mark glued to a word'],
      ['Alter table structure', 'no action after the name'],
      ['Truncate text to fit the column', 'a word after the table'],
      ['Truncate long strings', 'a word after the table'],
      // Log lines and error messages
      ['Could not SELECT from table', 'the statement keyword must lead the text'],
      ['Error: DELETE FROM users failed', 'the statement keyword must lead the text'],
      ['SELECT failed: connection reset', 'colon glued to a word'],
      ['SELECT statements are not allowed', 'English word "are"'],
      ['SELECT query returned 0 rows', 'no FROM, items are words'],
      ['INSERT INTO queue failed: timeout after 30s', 'a word after the table'],
      ['UPDATE statement failed for table users', 'no SET'],
      ['DELETE request to /api/users', 'no FROM'],
      ['select * from users took 35ms', 'a number after the alias'],
      ['Select * from users is slow', 'reserved word after the table'],
      ['Selecting rows...', 'not a statement keyword'],
      ['Are you sure you want to delete from cart?', 'not a statement keyword'],
      // Markup
      ['<p>Select a plan from the list below</p>', 'starts with a tag'],
      ['## Update from upstream', 'starts with a heading'],
      ['# Update from upstream', 'a comment only'],
      ['- [ ] delete from cart', 'starts with a list marker'],
      ['**Select** an item from the menu.', 'starts with emphasis'],
      ['`SELECT * FROM users`', 'starts with a backtick'],
      ['Select item → cart', 'an arrow'],
      ['Update “users” table', 'typographic quotes'],
      ['Select…', 'an ellipsis'],
      // Fragments and degenerate text
      ['SELECT', 'keyword only'],
      ['select * from', 'no table'],
      ['WHERE id = 1', 'a clause, not a statement'],
      ["SELECT * FROM t WHERE name = 'unterminated", 'an open literal'],
      ['SELECT * FROM t WHERE (a = 1', 'an open parenthesis'],
      ['SELECT * FROM t /* open comment', 'an open comment'],
      ['', 'empty'],
    ];
    for (const [text, why] of prose) {
      it(`${JSON.stringify(text)} (${why})`, () => {
        const analysis = analyzeSqlTemplate([text]);
        assert.equal(analysis.isSql, false);
        assert.equal(analysis.statement, undefined);
      });
    }

    it('treats lowercase text shaped exactly like a statement as SQL (a known limit)', () => {
      // Nothing tells "select text from file" from the query it spells; capitals, punctuation
      // or English function words are what give prose away.
      assert.equal(isSqlText('select text from file'), true);
      assert.equal(isSqlText('Select text from file'), false);
      assert.equal(isSqlText('Select text from the file'), false);
    });

    it('does not judge a statement whose start is a hole', () => {
      const analysis = analyzeSqlTemplate(q`${0} FROM users WHERE id = ${1}`);
      assert.equal(analysis.isSql, false);
      assert.deepEqual(rolesOf(q`${0} FROM users WHERE id = ${1}`), ['unknown', 'unknown']);
    });

    it('gives every hole of a non-SQL template the role unknown, in order', () => {
      const analysis = analyzeSqlTemplate(['Deleted ', { hole: 3 }, ' items from ', { hole: 1 }, '?']);
      assert.deepEqual(analysis, {
        isSql: false,
        holes: [
          { hole: 3, role: 'unknown' },
          { hole: 1, role: 'unknown' },
        ],
      });
    });
  });

  describe('hole roles', () => {
    it("reads '{code}' in a comparison as a value whose quotes must go (the seed case)", () => {
      const parts = ["SELECT * FROM coupons WHERE code = '", { hole: 0 }, "' AND expires_at > NOW()"];
      const analysis = analyzeSqlTemplate(parts);
      assert.equal(analysis.isSql, true);
      assert.equal(analysis.statement, 'SELECT');
      assert.deepEqual(analysis.holes, [
        {
          hole: 0,
          role: 'value',
          quotedAlone: {
            quoteBefore: { part: 0, offset: "SELECT * FROM coupons WHERE code = '".length - 1, length: 1 },
            quoteAfter: { part: 2, offset: 0, length: 1 },
          },
        },
      ]);
    });

    it("reads LIKE '%{term}%' as a value with the text around it inside the quotes", () => {
      const role = onlyHole(q`SELECT * FROM products WHERE name LIKE '%${0}%' ORDER BY name`);
      assert.equal(role.role, 'value');
      assert.equal(role.quotedAlone, undefined);
      assert.deepEqual(role.quotedWithText, {
        prefix: '%',
        suffix: '%',
        quoteBefore: { part: 0, offset: 'SELECT * FROM products WHERE name LIKE '.length, length: 1 },
        quoteAfter: { part: 2, offset: 1, length: 1 },
      });
    });

    it('resolves doubled quotes and MySQL backslash escapes in the text around the hole', () => {
      assert.deepEqual(onlyHole(q`SELECT * FROM t WHERE note = 'it''s ${0}!'`).quotedWithText?.prefix, "it's ");
      const mysql = onlyHole(q`SELECT * FROM t WHERE note = 'O\\'${0}'`);
      assert.equal(mysql.role, 'value');
      assert.equal(mysql.quotedWithText?.prefix, "O'");
    });

    it('reports a prefixed or dollar-quoted delimiter with its full length', () => {
      const national = onlyHole(q`SELECT * FROM t WHERE name = N'${0}'`);
      assert.deepEqual(national.quotedAlone?.quoteBefore, { part: 0, offset: 'SELECT * FROM t WHERE name = '.length, length: 2 });
      const escaped = onlyHole(q`SELECT * FROM t WHERE name = E'${0}'`);
      assert.equal(escaped.quotedAlone?.quoteBefore.length, 2);
      const dollar = onlyHole(q`SELECT * FROM t WHERE body = $$${0}$$`);
      assert.equal(dollar.role, 'value');
      assert.deepEqual(dollar.quotedAlone?.quoteAfter, { part: 2, offset: 0, length: 2 });
    });

    it('reads a double-quoted hole as a MySQL string where a value goes, as a name where a name goes', () => {
      const value = onlyHole(q`SELECT * FROM users WHERE name = "${0}"`);
      assert.equal(value.role, 'value');
      assert.deepEqual(value.quotedAlone?.quoteBefore.length, 1);
      assert.equal(onlyHole(q`SELECT * FROM "${0}"`).role, 'identifier');
      assert.equal(onlyHole(q`SELECT "${0}" FROM t`).role, 'identifier');
      assert.equal(onlyHole(q`SELECT * FROM \`${0}\``).role, 'identifier');
      assert.equal(onlyHole(q`SELECT * FROM [${0}]`).role, 'identifier');
    });

    it('separates literals on each side of a hole even when their quotes touch', () => {
      const analysis = analyzeSqlTemplate(q`SELECT * FROM t WHERE a = '${0}' OR b = '${1}'`);
      assert.deepEqual(
        analysis.holes.map((hole) => [hole.role, hole.quotedAlone?.quoteBefore.part, hole.quotedAlone?.quoteAfter.part]),
        [
          ['value', 0, 2],
          ['value', 2, 4],
        ],
      );
    });

    it('marks a hole that is the whole IN list', () => {
      assert.deepEqual(onlyHole(q`SELECT * FROM t WHERE id IN (${0})`), { hole: 0, role: 'value', inList: true });
      assert.deepEqual(onlyHole(q`SELECT * FROM t WHERE id NOT IN ( ${0} )`), { hole: 0, role: 'value', inList: true });
      assert.deepEqual(onlyHole(q`SELECT * FROM t WHERE id IN ${0}`), { hole: 0, role: 'value', inList: true });
      assert.deepEqual(analyzeSqlTemplate(q`SELECT * FROM t WHERE id IN (${0}, ${1})`).holes, [
        { hole: 0, role: 'value' },
        { hole: 1, role: 'value' },
      ]);
    });

    const positions: [string, SqlTemplatePart[], HoleRoleKind[]][] = [
      // values
      ['comparison operand', q`SELECT * FROM t WHERE id = ${0}`, ['value']],
      ['both comparison operands of a template', q`SELECT * FROM t WHERE a >= ${0} AND b <> ${1}`, ['value', 'value']],
      ['VALUES items', q`INSERT INTO t (a, b, c) VALUES (${0}, '${1}', ${2})`, ['value', 'value', 'value']],
      ['several VALUES rows', q`INSERT INTO t (a) VALUES (${0}), (${1})`, ['value', 'value']],
      ['SET values', q`UPDATE t SET name = '${0}', age = ${1} WHERE id = ${2}`, ['value', 'value', 'value']],
      ['LIMIT and OFFSET', q`SELECT * FROM t LIMIT ${0} OFFSET ${1}`, ['value', 'value']],
      ['MySQL LIMIT offset, count', q`SELECT * FROM t LIMIT ${0}, ${1}`, ['value', 'value']],
      ['FETCH NEXT', q`SELECT * FROM t ORDER BY id OFFSET ${0} ROWS FETCH NEXT ${1} ROWS ONLY`, ['value', 'value']],
      ['TOP (n)', q`SELECT TOP (${0}) * FROM t`, ['value']],
      ['TOP n', q`SELECT TOP ${0} name FROM t`, ['value']],
      ['BETWEEN … AND …', q`SELECT * FROM t WHERE d BETWEEN ${0} AND ${1}`, ['value', 'value']],
      ['function argument in a value position', q`SELECT * FROM t WHERE email = LOWER('${0}')`, ['value']],
      ['CAST operand in a value position', q`SELECT * FROM t WHERE id = CAST(${0} AS int)`, ['value']],
      ['ANY(array)', q`SELECT * FROM t WHERE id = ANY(${0})`, ['value']],
      ['concatenation', q`SELECT * FROM t WHERE name LIKE '%' || ${0} || '%'`, ['value']],
      ['CASE THEN / ELSE', q`SELECT * FROM t WHERE a = CASE WHEN b THEN ${0} ELSE ${1} END`, ['value', 'value']],
      ['HAVING comparison', q`SELECT a FROM t GROUP BY a HAVING COUNT(*) > ${0}`, ['value']],
      ['procedure argument', q`EXEC dbo.GetUser @id = ${0}, @name = '${1}'`, ['value', 'value']],
      ['positional procedure argument', q`EXEC sp_lookup ${0}`, ['value']],
      ['CALL argument', q`CALL refresh(${0}, ${1})`, ['value', 'value']],
      ['ON DUPLICATE KEY UPDATE value', q`INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = ${0}`, ['value']],
      ['ON CONFLICT DO UPDATE value', q`INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET b = ${0}`, ['value']],
      ['second statement', q`DELETE FROM a WHERE id = ${0}; DELETE FROM b WHERE id = ${1}`, ['value', 'value']],
      // identifiers
      ['FROM table', q`SELECT * FROM ${0}`, ['identifier']],
      ['JOIN table', q`SELECT * FROM a JOIN ${0} ON a.id = b.id`, ['identifier']],
      ['INSERT INTO table and column list', q`INSERT INTO ${0} (${1}) VALUES (1)`, ['identifier', 'identifier']],
      ['UPDATE table', q`UPDATE ${0} SET a = 1`, ['identifier']],
      ['DELETE FROM table', q`DELETE FROM ${0} WHERE id = 1`, ['identifier']],
      ['TRUNCATE table', q`TRUNCATE TABLE ${0}`, ['identifier']],
      ['DROP TABLE IF EXISTS', q`DROP TABLE IF EXISTS ${0}`, ['identifier']],
      ['CREATE TABLE and column', q`CREATE TABLE ${0} (${1} TEXT)`, ['identifier', 'identifier']],
      ['ALTER TABLE ADD COLUMN', q`ALTER TABLE t ADD COLUMN ${0} TEXT`, ['identifier']],
      ['CREATE INDEX ON table', q`CREATE INDEX i ON ${0} (a)`, ['identifier']],
      ['schema and table', q`SELECT * FROM ${0}.${1}`, ['identifier', 'identifier']],
      ['qualified column', q`SELECT * FROM t WHERE t.${0} = 1`, ['identifier']],
      ['name glued into a word', q`SELECT * FROM logs_${0}`, ['identifier']],
      ['ORDER BY column', q`SELECT * FROM t ORDER BY ${0}`, ['identifier']],
      ['ORDER BY column then direction', q`SELECT * FROM t ORDER BY ${0} DESC`, ['identifier']],
      ['ORDER BY second column', q`SELECT * FROM t ORDER BY a, ${0}`, ['identifier']],
      ['GROUP BY column', q`SELECT a FROM t GROUP BY ${0}`, ['identifier']],
      ['select list', q`SELECT ${0} FROM t`, ['identifier']],
      ['second select item', q`SELECT a, ${0} FROM t`, ['identifier']],
      ['left of a comparison', q`SELECT * FROM t WHERE ${0} = ?`, ['identifier']],
      ['left of IS NULL', q`SELECT * FROM t WHERE a = 1 AND ${0} IS NULL`, ['identifier']],
      ['left of LIKE', q`SELECT * FROM t WHERE ${0} LIKE '%${1}%'`, ['identifier', 'value']],
      ['SET column', q`UPDATE t SET ${0} = ? WHERE id = ?`, ['identifier']],
      ['alias', q`SELECT * FROM t AS ${0}`, ['identifier']],
      ['RETURNING column', q`DELETE FROM t WHERE id = 1 RETURNING ${0}`, ['identifier']],
      ['CTE name', q`WITH ${0} AS (SELECT 1) SELECT * FROM x`, ['identifier']],
      ['procedure name', q`EXEC ${0}`, ['identifier']],
      ['function name', q`SELECT ${0}(a) FROM t`, ['identifier']],
      ['USING column list', q`SELECT * FROM a JOIN b USING (${0})`, ['identifier']],
      // keywords and fragments
      ['clause after the table', q`SELECT * FROM t ${0}`, ['keyword-or-fragment']],
      ['whole WHERE condition', q`SELECT * FROM t WHERE ${0}`, ['keyword-or-fragment']],
      ['condition after AND', q`SELECT * FROM t WHERE a = 1 AND ${0}`, ['keyword-or-fragment']],
      ['condition in parentheses', q`SELECT * FROM t WHERE (${0}) AND a = 1`, ['keyword-or-fragment']],
      ['join condition', q`SELECT * FROM a JOIN b ON ${0} WHERE a.x = 1`, ['keyword-or-fragment']],
      ['sort direction', q`SELECT * FROM t ORDER BY name ${0}`, ['keyword-or-fragment']],
      ['sort column and direction', q`SELECT * FROM t ORDER BY ${0} ${1}`, ['identifier', 'keyword-or-fragment']],
      ['clause after a condition', q`SELECT * FROM t WHERE a = 1 ${0}`, ['keyword-or-fragment']],
      ['whole assignment list', q`UPDATE t SET ${0} WHERE id = ?`, ['keyword-or-fragment']],
      ['VALUES rows', q`INSERT INTO t (a, b) VALUES ${0}`, ['keyword-or-fragment']],
      ['source after a column list', q`INSERT INTO t (a, b) ${0}`, ['keyword-or-fragment']],
      ['dynamic SQL', q`EXECUTE IMMEDIATE ${0}`, ['keyword-or-fragment']],
      // inside strings and comments
      ['typed literal', q`SELECT * FROM t WHERE created > NOW() - INTERVAL '${0} days'`, ['inside-string']],
      ['date literal', q`SELECT * FROM t WHERE d > DATE '${0}'`, ['inside-string']],
      ['two holes in one literal', q`SELECT * FROM t WHERE code = '${0}-${1}'`, ['inside-string', 'inside-string']],
      ['dynamic SQL text', q`EXECUTE IMMEDIATE 'DELETE FROM ${0}'`, ['inside-string']],
      ['line comment', q`SELECT * FROM t -- by ${0}\nWHERE a = 1`, ['inside-comment']],
      ['block comment', q`SELECT /* ${0} */ * FROM t`, ['inside-comment']],
      ['MySQL comment', q`SELECT * FROM t # ${0}`, ['inside-comment']],
      // unknown rather than a guess
      ['aggregate argument in the select list', q`SELECT COUNT(${0}) FROM t`, ['unknown']],
      ['cast target type', q`SELECT CAST(a AS ${0}) FROM t`, ['unknown']],
      ['type after ::', q`SELECT * FROM t WHERE a = b::${0}`, ['unknown']],
      ['after IS', q`SELECT * FROM t WHERE a IS ${0}`, ['unknown']],
      ['number with a hole', q`SELECT * FROM t LIMIT 1${0}`, ['unknown']],
    ];
    for (const [position, parts, expected] of positions) {
      it(`${position}: ${expected.join(', ')}`, () => {
        const analysis = analyzeSqlTemplate(parts);
        assert.equal(analysis.isSql, true, 'the template is SQL');
        assert.deepEqual(
          analysis.holes.map((hole) => hole.role),
          expected,
        );
      });
    }

    it('keeps the caller’s hole numbers, in template order', () => {
      const analysis = analyzeSqlTemplate(['SELECT * FROM ', { hole: 7 }, ' WHERE id = ', { hole: 2 }]);
      assert.deepEqual(analysis.holes, [
        { hole: 7, role: 'identifier' },
        { hole: 2, role: 'value' },
      ]);
    });

    it('describes the literal of an inside-string hole when it holds only that hole', () => {
      const role = onlyHole(q`SELECT * FROM t WHERE created > NOW() - INTERVAL '${0} days'`);
      assert.equal(role.role, 'inside-string');
      assert.equal(role.quotedWithText?.prefix, '');
      assert.equal(role.quotedWithText?.suffix, ' days');
    });
  });

  describe('placeholder styles', () => {
    const styles: [string, PlaceholderStyle | undefined][] = [
      ['SELECT * FROM t WHERE a = ? AND b = ?', 'qmark'],
      ['SELECT * FROM t WHERE a=?', 'qmark'],
      ['INSERT INTO t VALUES (%s, %s)', 'format'],
      ['SELECT * FROM t WHERE a = %(name)s', 'pyformat'],
      ['SELECT * FROM t WHERE a = $1 AND b = $2', 'numeric'],
      ['SELECT * FROM t WHERE a = :1', 'numeric'],
      ['SELECT * FROM t WHERE a = ?1', 'numeric'],
      ['SELECT * FROM t WHERE a = :name', 'named-colon'],
      ['SELECT * FROM t WHERE a = @name', 'named-at'],
      ['SELECT * FROM t WHERE a = 1', undefined],
      ["SELECT * FROM t WHERE a = '%s' AND b = '?'", undefined],
      ['SELECT * FROM t -- id = ?', undefined],
      ['SELECT a::int FROM t', undefined],
      ['SELECT arr[1:2] FROM t', undefined],
      ['SELECT @@version', undefined],
      ['SELECT $$literal $1$$ FROM t', undefined],
      ["SELECT * FROM t WHERE a LIKE 'x%' AND b = 10 % 3", undefined],
      ['Delete from cart?', undefined],
    ];
    for (const [text, style] of styles) {
      it(`${JSON.stringify(text)} → ${style ?? 'none'}`, () => {
        assert.equal(placeholderStyle(text), style);
      });
    }
  });

  describe('tokenizer details', () => {
    it('tells a bracketed name from an array subscript', () => {
      assert.equal(onlyHole(q`SELECT [${0}] FROM t`).role, 'identifier');
      assert.equal(isSqlText('SELECT tags[1] FROM posts WHERE tags[2] = $1'), true);
    });

    it('keeps a hole glued to a word with the word, and a hole before a quote out of the literal', () => {
      assert.deepEqual(rolesOf(q`SELECT * FROM ${0}_archive WHERE note = '${1}'`), ['identifier', 'value']);
    });

    it('reads a quote after a hole as the start of a literal, not an escape', () => {
      // '' around a hole would be an escaped quote in constant text; with the hole between it is
      // an opening and a closing quote.
      const analysis = analyzeSqlTemplate(["SELECT * FROM t WHERE a = '", { hole: 0 }, "'"]);
      assert.equal(analysis.holes[0].role, 'value');
      assert.ok(analysis.holes[0].quotedAlone);
    });

    it('does not treat a backslash as an escape unless the text needs it', () => {
      assert.equal(isSqlText("SELECT * FROM files WHERE path = 'C:\\'"), true);
      assert.equal(isSqlText("SELECT * FROM t WHERE a = 'x\\' OR 1=1 --'"), true);
    });

    it('skips dollar-quoted bodies, nested-looking comments and operators', () => {
      assert.equal(isSqlText("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 'the'; $body$ LANGUAGE sql"), true);
      assert.equal(isSqlText('SELECT a <-> b, c #>> d, e <=> f FROM t'), true);
    });
  });

  describe('robustness', () => {
    // Random templates from SQL-ish pieces, holes and junk: nothing throws, every hole gets one
    // role in order, and every reported delimiter really is a quote in a constant part.
    const pieces = [
      'SELECT',
      'select',
      ' ',
      '*',
      'FROM',
      't',
      'WHERE',
      '=',
      "'",
      '"',
      '`',
      '[',
      ']',
      '(',
      ')',
      ',',
      ';',
      '--',
      '\n',
      '/*',
      '*/',
      '#',
      '$$',
      '$a$',
      '$1',
      '?',
      '%s',
      '%(x)s',
      ':x',
      '@x',
      '@@v',
      '\\',
      "''",
      "N'",
      "E'",
      '.',
      'IN',
      'LIKE',
      'ORDER BY',
      'LIMIT',
      'INSERT INTO',
      'VALUES',
      'UPDATE',
      'SET',
      'DELETE',
      'WITH',
      'AS',
      'CALL',
      'EXEC',
      'CREATE TABLE',
      'DROP',
      'the',
      'a',
      '→',
      '1',
      '1.5',
      '::',
      '->>',
      'AND',
      'BETWEEN',
      'ON',
      'JOIN',
      '{',
      '}',
      'é',
      '%',
      ':',
      '!',
      "U&'",
      "_utf8'",
    ];
    let seed = 0x2545f491;
    const random = (below: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % below;
    };

    it('survives 5 000 random templates', () => {
      for (let round = 0; round < 5_000; round++) {
        const parts: SqlTemplatePart[] = [];
        let holes = 0;
        for (let piece = 1 + random(16); piece > 0; piece--) {
          if (random(5) === 0) parts.push({ hole: holes++ });
          else parts.push(Array.from({ length: 1 + random(4) }, () => pieces[random(pieces.length)] + (random(2) ? ' ' : '')).join(''));
        }
        const analysis = analyzeSqlTemplate(parts);
        assert.deepEqual(
          analysis.holes.map((hole) => hole.hole),
          Array.from({ length: holes }, (_, index) => index),
        );
        for (const role of analysis.holes) {
          const literal = role.quotedAlone ?? role.quotedWithText;
          for (const delimiter of literal ? [literal.quoteBefore, literal.quoteAfter] : []) {
            const part = parts[delimiter.part];
            assert.equal(typeof part, 'string');
            assert.match(String(part).slice(delimiter.offset, delimiter.offset + delimiter.length), /['"`$]$/);
          }
        }
      }
    });
  });

  describe('performance', function () {
    this.timeout(60_000);
    const SIXTEEN_KB = 16 * 1024;
    const fill =
      (head: string, unit: string, tail = '') =>
      (size: number): string =>
        head + unit.repeat(Math.ceil((size - head.length - tail.length) / unit.length)) + tail;
    const adversarial: [string, (size: number) => string][] = [
      ['a run of words', fill('SELECT ', 'a ')],
      ['doubled quotes', fill("SELECT * FROM t WHERE a = '", "''", "'")],
      ['unmatched parentheses', fill('SELECT ', '(')],
      ['deep nesting', fill('SELECT ', '(', ')'.repeat(1024))],
      ['brackets', fill('SELECT * FROM t WHERE ', '[')],
      ['dotted names', fill('SELECT * FROM ', 'a.')],
      ['dollar tags', fill('SELECT ', '$a$')],
      ['comment openers', fill('SELECT 1 ', '/*')],
      ['backslashes in a literal', fill("SELECT * FROM t WHERE a = '", "\\'")],
      ['colons', fill('SELECT ', ':a')],
      ['percent signs', fill('SELECT ', '%(')],
      ['a long IN list', fill('SELECT a FROM t WHERE a IN (', '1,', '1)')],
      ['a long valid condition', fill('SELECT a FROM t WHERE ', 'a = 1 AND ', 'a = 1')],
    ];
    for (const [name, build] of adversarial) {
      it(`handles ${name} in linear time`, async () => {
        await assertGrowth(build, (text) => analyzeSqlTemplate([text]), SIXTEEN_KB);
        await assertGrowth(build, placeholderStyle, SIXTEEN_KB);
      });
    }

    const inList = (holes: number): SqlTemplatePart[] => {
      const parts: SqlTemplatePart[] = ['SELECT * FROM t WHERE a IN ('];
      for (let hole = 0; hole < holes; hole++) parts.push({ hole }, hole < holes - 1 ? ', ' : ')');
      return parts;
    };

    it('handles 100 000 holes', () => {
      const analysis = analyzeSqlTemplate(inList(100_000));
      assert.equal(analysis.holes.length, 100_000);
      assert.ok(analysis.holes.every((hole) => hole.role === 'value'));
    });

    it('handles holes in linear time', () => assertGrowth(inList, analyzeSqlTemplate, 4_000));

    it('rejects non-SQL text without tokenizing it', async () => {
      const prose = (size: number) => 'Failed to load the configuration file, retrying in 5 seconds. '.repeat(size / 64);
      assert.equal(isSqlText(prose(SIXTEEN_KB)), false);
      // Judged from its first word only, so a longer text costs no more.
      await assertGrowth(prose, isSqlText, SIXTEEN_KB, 'constant');
    });
  });
});
