// SQL text built from values — f-strings, template literals, concatenation, %-formatting,
// .format(), util.format, joins — and passed to a database call. Parameterize where the driver is
// known; explain where it is not, or where the value is an identifier that cannot be a parameter.
import { JS_LANGUAGES } from '../languages/language';
import { defineRule } from '../rule';
import { javascriptStringBuiltReports } from '../queries/javascript';
import { pythonStringBuiltReports } from '../queries/python';

/**
 * Files are parsed only if a string in them starts with a SQL statement keyword and its clause
 * (holes allowed in between) — the SQL tokenizer's own first gate is that a query's first word is
 * its statement keyword — or mentions Mongo's `$where`/`$function`. The clause must follow inside
 * the same literal, or the next one (`"SELECT id " "FROM t"`), so prose after a closing quote
 * and `"select " + …` in UI code do not pass. Sinks that take SQL fragments
 * rather than statements (Django extra, RawSQL, knex *Raw, Sequelize literal, TypeORM builders
 * in files importing TypeORM, Drizzle sql.raw, postgres.js unsafe) let a file through by name. Most files skip the parser.
 */
const SQL_SHAPE =
  /(["'`])\s*\(?\s*(?:select\s(?:(?!\1)[\s\S]){0,300}?(?:\1\s*\+?\s*[rRbBuUfF]{0,2}["'`]\s*)?\bfrom\b|select\s+(?:\d|now\(|@@|\$\d|\?)|insert\s+(?:ignore\s+)?into\s|update\s+[^\s"'`]{1,120}\s+set\s|delete\s+from\s|with\s+(?:recursive\s+)?[^\s"'`]{1,80}\s+as\s*\(|merge\s+into\s|call\s+[\w.${}]+\s*\(|exec(?:ute)?\s+[\w.${}[\]]+\s*(?:\(|$|@|'|\1)|replace\s+into\s|(?:create|alter|drop|truncate)\s+(?:table|index|view|schema|database|procedure|function|trigger)\s|upsert\s|explain\s)|\$where|\$function/im;

const FRAGMENT_SINK = /Raw(?:Unsafe)?\s*\(|\bliteral\s*\(|\bcreateQueryBuilder\b|\.unsafe\s*\(|\.extra\s*\(|\bRawSQL\s*\(|\bsql\.raw\s*\(|["'`]typeorm["'`]/;

export default defineRule({
  meta: {
    id: 'string-built-query',
    category: 'string-built-query',
    defaultSeverity: 'warning',
    description:
      'SQL built from values (f-strings, templates, concatenation, format) and passed to a database call; error when a request value or parameter reaches it.',
    fixable: true,
    languages: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python'],
  },
  check(context) {
    if (!SQL_SHAPE.test(context.file.text) && !FRAGMENT_SINK.test(context.file.text)) return;
    const reports = JS_LANGUAGES.has(context.file.language) ? javascriptStringBuiltReports(context, 'sql') : pythonStringBuiltReports(context, 'sql');
    for (const report of reports) context.report(report);
  },
});
