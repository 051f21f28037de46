// Asks the SQL module whether a rebuilt string is SQL and what each hole is. Fragment APIs
// (`whereRaw`, TypeORM `.where`, `literal`) receive a clause, not a statement: it is read behind a
// statement prefix of its clause so that the SQL module sees it in context (`ORDER BY ${col}` is
// an identifier, `WHERE ${cond}` a fragment).
import { analyzeSqlTemplate } from '../../sql';
import type { HoleRole } from '../../sql/types';
import type { Part } from '../model';
import type { SqlClause, SqlSink } from './sql-sinks';

export interface SqlReading {
  /** Role per hole index. */
  roles: Map<number, HoleRole>;
  /** The statement prefix the parts were read behind (fragment APIs), to strip from rewritten SQL. */
  prefix: string;
  /** The parts as read: `prefix` + the fragment. */
  parts: Part[];
}

const CLAUSE_PREFIX: Record<SqlClause, string> = {
  where: 'SELECT * FROM t WHERE ',
  having: 'SELECT c FROM t GROUP BY c HAVING ',
  'order-by': 'SELECT * FROM t ORDER BY ',
  'group-by': 'SELECT c FROM t GROUP BY ',
  join: 'SELECT * FROM t ',
  from: 'SELECT * FROM ',
  expression: 'SELECT ',
};

/** Undefined when the string is not SQL (generic sinks only: SQL-only APIs are always read). */
export function readSql(sink: SqlSink, parts: readonly Part[]): SqlReading | undefined {
  if (!sink.clause) {
    const statement = analyzeSqlTemplate(parts);
    if (statement.isSql) return { roles: byHole(statement.holes), prefix: '', parts: [...parts] };
    if (!sink.sqlOnly) return undefined;
  }
  const prefix = CLAUSE_PREFIX[sink.clause ?? 'expression'];
  const prefixed = withPrefix(prefix, parts);
  const fragment = analyzeSqlTemplate(prefixed);
  return { roles: byHole(fragment.holes), prefix, parts: prefixed };
}

function withPrefix(prefix: string, parts: readonly Part[]): Part[] {
  const [first, ...rest] = parts;
  return typeof first === 'string' ? [prefix + first, ...rest] : [prefix, ...parts];
}

function byHole(roles: readonly HoleRole[]): Map<number, HoleRole> {
  return new Map(roles.map((role) => [role.hole, role]));
}
