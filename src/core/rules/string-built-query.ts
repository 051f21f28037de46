// SQL text built from values — f-strings, template literals, concatenation, %-formatting,
// .format(), util.format, joins — and passed to a database call. Parameterize where the driver is
// known; explain where it is not, or where the value is an identifier that cannot be a parameter.
import { JS_LANGUAGES } from '../languages/language';
import { defineRule } from '../rule';
import { javascriptStringBuiltReports } from '../queries/javascript';
import { pythonStringBuiltReports } from '../queries/python';

/**
 * Files are parsed only if their text holds something SQL-shaped: a statement keyword with its
 * clause (holes allowed in between), so the many files that never talk to a database skip the
 * parser. The real judgement is the SQL tokenizer's, on the rebuilt string.
 */
const SQL_SHAPE =
  /\b(?:select\b[\s\S]{0,300}?\bfrom\b|insert\s+(?:ignore\s+)?into\b|update\s+\S{1,120}\s+set\b|delete\s+from\b|with\s+(?:recursive\s+)?\S{1,80}\s+as\s*\(|merge\s+into\b|call\s+[\w.${}]+\s*\(|exec(?:ute)?\s+[\w.${}[\]]+|replace\s+into\b|(?:create|alter|drop|truncate)\s+(?:table|index|view|schema|database|procedure|function|trigger)\b|upsert\b)|\$where|\$function/i;

export default defineRule({
  meta: {
    id: 'string-built-query',
    category: 'string-built-query',
    defaultSeverity: 'warning',
    description: 'SQL built from values (f-strings, templates, concatenation, format) and passed to a database call; error when a request value or parameter reaches it.',
    fixable: true,
    languages: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python'],
  },
  check(context) {
    if (!SQL_SHAPE.test(context.file.text)) return;
    const reports = JS_LANGUAGES.has(context.file.language) ? javascriptStringBuiltReports(context, 'sql') : pythonStringBuiltReports(context, 'sql');
    for (const report of reports) context.report(report);
  },
});
