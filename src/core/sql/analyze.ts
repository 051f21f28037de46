// The entry points: recognise a query template as SQL and describe its holes.
//
// Is it SQL? A text is SQL when all of these hold:
//  1. Gate (no tokenizing): its first word, past whitespace, comments, `(` and `;`, is a
//     statement keyword (SELECT INSERT UPDATE DELETE WITH MERGE CALL EXEC EXECUTE REPLACE UPSERT
//     CREATE ALTER DROP TRUNCATE) or EXPLAIN, and no hole comes before it. Log lines and error
//     messages that mention SQL further in ("Could not SELECT from table") fail here.
//  2. Tokens: every literal, quoted name and block comment is closed (after retrying with
//     MySQL backslash escapes) and every parenthesis is matched. An open quote is usually an
//     apostrophe in prose.
//  3. Structure: the statement's clause skeleton, judged by `statement.ts` and the `*-shapes.ts`
//     files — SELECT needs a select list and either FROM followed by a table reference and a
//     clause that can follow one, or only self-contained items (`SELECT 1`, `SELECT NOW()`,
//     `SELECT @@version`); INSERT/REPLACE/UPSERT need INTO <name> and a source (VALUES, SELECT,
//     DEFAULT VALUES, SET); UPDATE needs <name> … SET <column> =; DELETE needs FROM <table>;
//     WITH needs name AS ( query ) and a main statement; MERGE needs <name> USING; CALL needs
//     name( … ) with the parenthesis touching the name; EXEC needs a procedure name followed by
//     nothing, WITH, or an argument that is not a word; DDL needs an object-type keyword
//     (TABLE, INDEX, VIEW, …; optional only for TRUNCATE), a name, and after it syntax rather
//     than another English word (`(`, AS, an ALTER action, CASCADE, the end). Names must not
//     be reserved words.
//  4. Not prose (`prose.ts`): no character SQL never uses (`→`, `“`); no sentence punctuation
//     glued to a word and followed by a space or the end ("cart?", "queue:", "failed."); no
//     apostrophe inside a word; no English function word ("the", "your", "please", "are") or
//     determiner before a plain noun ("a file"); no run of three words no dialect knows; no
//     two binary operators in a row (markdown `**`); and not sentence-capitalised ("Delete
//     from cart") unless operators, parentheses, commas, quotes, parameters or an all-caps
//     keyword show it is code.
import { describeHoles } from './hole-roles';
import { startsWithStatementKeyword } from './leading-keyword';
import { proseSignal } from './prose';
import { scanTemplate } from './scanner';
import { recogniseStatement } from './statement';
import { flattenTemplate } from './template-text';
import { TokenStream } from './token-stream';
import type { HoleRole, SqlTemplateAnalysis, SqlTemplatePart } from './types';

export function analyzeSqlTemplate(parts: readonly SqlTemplatePart[]): SqlTemplateAnalysis {
  const template = flattenTemplate(parts);
  const unknownRoles = (): HoleRole[] => template.holeIds.map((hole) => ({ hole, role: 'unknown' }));
  const firstHole = template.holeOffsets.length > 0 ? template.holeOffsets[0] : Number.POSITIVE_INFINITY;
  if (!startsWithStatementKeyword(template.text, firstHole)) return { isSql: false, holes: unknownRoles() };
  const scan = scanTemplate(template);
  const stream = new TokenStream(scan.tokens);
  if (scan.unterminated || !stream.balanced) return { isSql: false, holes: unknownRoles() };
  const statement = recogniseStatement(stream);
  if (statement === undefined || proseSignal(stream, statement.leader) !== undefined) {
    return { isSql: false, holes: unknownRoles() };
  }
  const holes = template.holeIds.length > 0 ? describeHoles(template, scan, stream) : [];
  return { isSql: true, statement: statement.kind, holes };
}

/** `analyzeSqlTemplate` for a constant string. */
export function isSqlText(text: string): boolean {
  return analyzeSqlTemplate([text]).isSql;
}
