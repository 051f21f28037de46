// Which database driver runs a sink's query, told from the file's imports, and how that driver
// wants its parameters. The receiver of `x.execute()` is untyped, so the fix only trusts the
// imports when they name exactly one driver.
import type { PlaceholderStyle } from '../model';
import { importsModule, type ImportTable } from './imports';
import type { SqlSinkApi } from './sinks';

export type Driver =
  | 'sqlite3'
  | 'aiosqlite'
  | 'pyodbc'
  | 'psycopg2'
  | 'psycopg'
  | 'pymysql'
  | 'MySQLdb'
  | 'mysql.connector'
  | 'django'
  | 'asyncpg'
  | 'cx_Oracle'
  | 'oracledb'
  | 'sqlalchemy';

/** How values travel next to the SQL: one container argument, or extra positional arguments. */
export type ParamsShape = 'tuple' | 'list' | 'dict' | 'arguments';

export interface ParamsConvention {
  style: PlaceholderStyle;
  shape: ParamsShape;
}

const DRIVER_MODULES: readonly (readonly [Driver, readonly string[]])[] = [
  ['sqlite3', ['sqlite3']],
  ['aiosqlite', ['aiosqlite']],
  ['pyodbc', ['pyodbc']],
  ['psycopg2', ['psycopg2']],
  ['psycopg', ['psycopg']],
  ['pymysql', ['pymysql']],
  ['MySQLdb', ['MySQLdb']],
  ['mysql.connector', ['mysql.connector']],
  // Django's raw cursor; `from django.db import models` alone is not a raw-SQL driver.
  ['django', ['django.db.connection', 'django.db.connections']],
  ['asyncpg', ['asyncpg']],
  ['cx_Oracle', ['cx_Oracle']],
  ['oracledb', ['oracledb']],
  ['sqlalchemy', ['sqlalchemy', 'flask_sqlalchemy']],
];

const DRIVER_CONVENTIONS: Readonly<Record<Exclude<Driver, 'sqlalchemy'>, ParamsConvention>> = {
  sqlite3: { style: 'qmark', shape: 'tuple' },
  aiosqlite: { style: 'qmark', shape: 'tuple' },
  pyodbc: { style: 'qmark', shape: 'tuple' },
  psycopg2: { style: 'format', shape: 'tuple' },
  psycopg: { style: 'format', shape: 'tuple' },
  pymysql: { style: 'format', shape: 'tuple' },
  MySQLdb: { style: 'format', shape: 'tuple' },
  'mysql.connector': { style: 'format', shape: 'tuple' },
  django: { style: 'format', shape: 'tuple' },
  asyncpg: { style: 'numeric', shape: 'arguments' },
  cx_Oracle: { style: 'named-colon', shape: 'dict' },
  oracledb: { style: 'named-colon', shape: 'dict' },
};

export function importedDrivers(imports: ImportTable): Driver[] {
  return DRIVER_MODULES.filter(([, modules]) => modules.some((module) => importsModule(imports, module))).map(([driver]) => driver);
}

export type ConventionChoice = { ok: true; convention: ParamsConvention } | { ok: false; reason: string };

/** The parameter convention for a sink, or why the fix cannot know it. */
export function conventionFor(api: SqlSinkApi, drivers: readonly Driver[]): ConventionChoice {
  const unknown = (reason: string): ConventionChoice => ({ ok: false, reason });
  switch (api) {
    case 'sqlalchemy-text':
      return { ok: true, convention: { style: 'named-colon', shape: 'dict' } };
    case 'django-raw':
      return { ok: true, convention: { style: 'format', shape: 'list' } };
    case 'django-rawsql':
      return { ok: true, convention: { style: 'format', shape: 'tuple' } };
    case 'executemany':
      return unknown('executemany() binds one row of values per execution, so a value built into the SQL text cannot move into its rows automatically');
    case 'executescript':
      return unknown('executescript() takes no parameters: run the statement with execute() and placeholders instead');
    case 'django-extra':
      return unknown('move the values into extra(params=[…]) with %s placeholders, or better, use filter()/annotate()');
    case 'psycopg-sql':
      return unknown('compose it with sql.Identifier()/sql.Literal() and {} fields, or use %s placeholders and pass the values to execute()');
    case 'mongo-script':
      return unknown('use query operators ($eq, $in, …) with the values instead of JavaScript');
    default:
      break;
  }
  // exec_driver_sql() and pandas hand the string to the DB-API driver underneath SQLAlchemy.
  const throughSqlAlchemy = api === 'exec-driver-sql' || api === 'pandas-read-sql';
  const candidates = throughSqlAlchemy ? drivers.filter((driver) => driver !== 'sqlalchemy') : drivers;
  if (candidates.length !== 1) {
    const which = candidates.length === 0 ? 'no database driver is imported in this file' : `several drivers are imported (${candidates.join(', ')})`;
    return unknown(`Lastline cannot tell which placeholder style applies (${which}): use your driver's placeholders and pass the values separately`);
  }
  const [driver] = candidates;
  if (driver === 'sqlalchemy')
    return unknown('SQLAlchemy wants text() with :name placeholders and a dict of values: execute(text("… :name …"), {"name": value})');
  if (api === 'asyncpg-fetch' && driver !== 'asyncpg') return unknown("use your driver's placeholders and pass the values separately");
  if (driver === 'asyncpg' && api !== 'execute' && api !== 'asyncpg-fetch') return unknown('use $1, $2… placeholders and pass the values separately');
  return { ok: true, convention: DRIVER_CONVENTIONS[driver] };
}
