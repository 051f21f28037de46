// Structure checks for schema statements: CREATE / ALTER / DROP <object type> <name> and
// TRUNCATE [TABLE] <name>. The object-type keyword is required (except for TRUNCATE), and what
// follows the name must be syntax, not another English word ("create table for users").
import { atStatementEnd, skipKeywords, skipParens } from './shape-helpers';
import type { TokenStream } from './token-stream';
import { isPunct } from './tokens';

const OBJECT_TYPES = new Set([
  'TABLE',
  'INDEX',
  'VIEW',
  'SCHEMA',
  'DATABASE',
  'SEQUENCE',
  'FUNCTION',
  'PROCEDURE',
  'PROC',
  'TRIGGER',
  'TYPE',
  'EXTENSION',
  'DOMAIN',
  'ROLE',
  'USER',
  'LOGIN',
  'POLICY',
  'EVENT',
  'SYNONYM',
  'PACKAGE',
]);
/** Object types whose name may be a string: `CREATE USER 'app'@'%'`. */
const ACCOUNT_TYPES = new Set(['USER', 'ROLE', 'LOGIN']);
const CREATE_MODIFIERS = new Set([
  'TEMP',
  'TEMPORARY',
  'GLOBAL',
  'LOCAL',
  'UNLOGGED',
  'UNIQUE',
  'CLUSTERED',
  'NONCLUSTERED',
  'MATERIALIZED',
  'FULLTEXT',
  'SPATIAL',
  'VIRTUAL',
  'RECURSIVE',
  'SECURE',
  'TRANSIENT',
  'EXTERNAL',
  'BITMAP',
]);
const DROP_MODIFIERS = new Set(['TEMPORARY', 'MATERIALIZED']);
const ALTER_MODIFIERS = new Set(['ONLINE', 'IGNORE', 'MATERIALIZED']);
const IF_EXISTS = new Set(['IF', 'NOT', 'EXISTS']);
/** What may follow the new object's name besides `(`, an operator, a literal, a hole or the end. */
const CREATE_NAME_FOLLOWERS = new Set([
  'AS',
  'LIKE',
  'PARTITION',
  'WITH',
  'IDENTIFIED',
  'USING',
  'RETURNS',
  'BEFORE',
  'AFTER',
  'INSTEAD',
  'OWNER',
  'AUTHORIZATION',
  'FROM',
  'ON',
  'CLONE',
  'ENGINE',
  'COMMENT',
  'TABLESPACE',
  'INHERITS',
  'START',
  'INCREMENT',
  'CACHE',
  'DEFAULT',
  'CHARACTER',
  'CHARSET',
  'COLLATE',
  'SCHEMA',
  'VERSION',
  'LANGUAGE',
  'PASSWORD',
  'LOGIN',
  'NOLOGIN',
  'SUPERUSER',
  'IS',
  'OF',
  'MINVALUE',
  'MAXVALUE',
  'NO',
  'OWNED',
  'CYCLE',
]);
const ALTER_ACTIONS = new Set([
  'ADD',
  'DROP',
  'ALTER',
  'RENAME',
  'MODIFY',
  'CHANGE',
  'SET',
  'RESET',
  'OWNER',
  'ENABLE',
  'DISABLE',
  'ATTACH',
  'DETACH',
  'VALIDATE',
  'ENGINE',
  'AUTO_INCREMENT',
  'CONVERT',
  'DEFAULT',
  'REBUILD',
  'REORGANIZE',
  'INHERIT',
  'NO',
  'CLUSTER',
  'WITH',
  'NOCHECK',
  'CHECK',
  'COLUMN',
  'REFRESH',
  'COMPILE',
  'IDENTIFIED',
  'ALGORITHM',
  'LOCK',
  'CHARACTER',
  'COLLATE',
  'COMMENT',
  'TYPE',
  'OPTIONS',
  'RESTART',
  'INCREMENT',
  'PASSWORD',
  'CONNECTION',
]);
const DROP_FOLLOWERS = new Set(['CASCADE', 'RESTRICT', 'ON', 'PURGE', 'FORCE']);
const TRUNCATE_FOLLOWERS = new Set(['CASCADE', 'RESTRICT', 'RESTART', 'CONTINUE', 'REUSE', 'DROP', 'IMMEDIATE']);

/** `CREATE [OR REPLACE] [modifiers] <type> [IF NOT EXISTS] <name> <definition…>` */
export function isCreateShaped(stream: TokenStream, leader: number): boolean {
  let at = leader + 1;
  if (stream.is(at, 'OR') && stream.is(at + 1, 'REPLACE', 'ALTER')) at += 2;
  at = skipKeywords(stream, at, CREATE_MODIFIERS);
  const objectType = stream.at(at)?.upper ?? '';
  if (!OBJECT_TYPES.has(objectType)) return false;
  at = skipKeywords(stream, skipKeywords(stream, at + 1, CONCURRENTLY), IF_EXISTS);
  if (objectType === 'INDEX') return isIndexTarget(stream, at);
  const nameEnd = objectNameEnd(stream, at, objectType);
  if (nameEnd === at) return false;
  const next = stream.at(nameEnd);
  if (next === undefined || atStatementEnd(stream, nameEnd)) return true;
  switch (next.kind) {
    case 'word':
      return CREATE_NAME_FOLLOWERS.has(next.upper);
    case 'punct':
      return next.text === '(';
    case 'hole':
    case 'operator':
    case 'string':
      return true;
    default:
      return false;
  }
}

/** `ALTER <type> [IF EXISTS] [ONLY] <name> <action>` */
export function isAlterShaped(stream: TokenStream, leader: number): boolean {
  let at = skipKeywords(stream, leader + 1, ALTER_MODIFIERS);
  const objectType = stream.at(at)?.upper ?? '';
  if (!OBJECT_TYPES.has(objectType)) return false;
  at = skipKeywords(stream, skipKeywords(stream, at + 1, IF_EXISTS), ONLY);
  const nameEnd = objectNameEnd(stream, at, objectType);
  if (nameEnd === at) return false;
  const action = stream.at(nameEnd);
  return action !== undefined && (action.kind === 'hole' || ALTER_ACTIONS.has(action.upper));
}

/** `DROP <type> [IF EXISTS] <name>[, <name>…] [CASCADE | RESTRICT | ON <table> …]` */
export function isDropShaped(stream: TokenStream, leader: number): boolean {
  let at = skipKeywords(stream, leader + 1, DROP_MODIFIERS);
  const objectType = stream.at(at)?.upper ?? '';
  if (!OBJECT_TYPES.has(objectType)) return false;
  at = skipKeywords(stream, skipKeywords(stream, at + 1, CONCURRENTLY), IF_EXISTS);
  const end = nameListEnd(stream, at, objectType);
  return end > at && endsSchemaStatement(stream, end, DROP_FOLLOWERS);
}

/** `TRUNCATE [TABLE] [ONLY] <name>[, <name>…] [CASCADE | RESTART IDENTITY | …]` */
export function isTruncateShaped(stream: TokenStream, leader: number): boolean {
  let at = leader + 1;
  if (stream.is(at, 'TABLE')) at++;
  at = skipKeywords(stream, at, ONLY);
  const end = nameListEnd(stream, at, 'TABLE');
  return end > at && endsSchemaStatement(stream, end, TRUNCATE_FOLLOWERS);
}

const CONCURRENTLY = new Set(['CONCURRENTLY']);
const ONLY = new Set(['ONLY']);

/** `CREATE INDEX [name] ON <table>`: the index name is optional in Postgres. */
function isIndexTarget(stream: TokenStream, index: number): boolean {
  const on = stream.is(index, 'ON') ? index : stream.nameEnd(index);
  if (!stream.is(on, 'ON')) return false;
  const tableStart = skipKeywords(stream, on + 1, ONLY);
  return stream.nameEnd(tableStart) > tableStart;
}

function objectNameEnd(stream: TokenStream, index: number, objectType: string): number {
  const end = stream.nameEnd(index);
  if (end > index) return end;
  return ACCOUNT_TYPES.has(objectType) && stream.at(index)?.kind === 'string' ? index + 1 : index;
}

/** Past `a, b, c` (with argument lists for routines: `DROP FUNCTION f(int)`); `index` when none. */
function nameListEnd(stream: TokenStream, index: number, objectType: string): number {
  let at = index;
  for (;;) {
    const end = objectNameEnd(stream, at, objectType);
    if (end === at) return index;
    at = skipParens(stream, end);
    if (at < 0) return index;
    if (stream.at(at)?.text === '*') at++;
    if (!isPunct(stream.at(at), ',')) return at;
    at++;
  }
}

function endsSchemaStatement(stream: TokenStream, index: number, followers: ReadonlySet<string>): boolean {
  const token = stream.at(index);
  return atStatementEnd(stream, index) || token?.kind === 'hole' || followers.has(token?.upper ?? '');
}
