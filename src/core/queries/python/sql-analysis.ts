// The SQL module's reading of a rebuilt string: is it SQL, and what does each hole stand for.
// Clause fragments (`.extra(where=[…])`, `RawSQL`) are read inside a minimal statement so that
// the module, which recognises statements, can judge them.
import { analyzeSqlTemplate, type HoleRole } from '../../sql';
import type { Part } from '../model';

export interface SqlReading {
  isSql: boolean;
  /** Indexed by the hole's number in the parts. */
  roles: ReadonlyMap<number, HoleRole>;
}

export function readSql(parts: readonly Part[], fragmentContext?: { before: string; after: string }): SqlReading {
  const direct = reading(parts);
  if (direct.isSql || !fragmentContext) return direct;
  return reading([fragmentContext.before, ...parts, fragmentContext.after]);
}

function reading(parts: readonly Part[]): SqlReading {
  const analysis = analyzeSqlTemplate(parts);
  return { isSql: analysis.isSql, roles: new Map(analysis.holes.map((role) => [role.hole, role])) };
}
