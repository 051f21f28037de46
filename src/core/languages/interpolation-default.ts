// `${JWT_SECRET:-…}` (compose, the shell), `${DB_PASSWORD:…}` (Spring placeholders): the variable
// is read, and the literal after the operator is used when it is unset. `${VAR:?message}` and
// `${VAR:+alternative}` hold no default, and a default that itself interpolates is no literal.

export interface InterpolationDefault {
  /** The variable read (`JWT_SECRET`, `db.password`). */
  variable: string;
  /** The literal default. */
  value: string;
  /** Where the default starts and ends in the whole value. */
  start: number;
  end: number;
}

const DEFAULTED = /^\$\{([A-Za-z_][\w.]{0,127})(:-|-|:=|=|:(?![?+]))([^${}]*)\}$/;

/** The default of a value that is only `${VAR:-default}` (or `-`, `:=`, `=`, Spring's `:`). */
export function interpolationDefault(value: string): InterpolationDefault | undefined {
  const match = DEFAULTED.exec(value);
  if (!match || match[3].length === 0) return undefined;
  const start = 2 + match[1].length + match[2].length;
  return { variable: match[1], value: match[3], start, end: start + match[3].length };
}
