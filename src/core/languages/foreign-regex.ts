// Regular expressions taken from the scanned code (an `express-jwt` `.unless({ path: [/^\/(a+)+$/] })`)
// are run against route paths. JavaScript's engine backtracks: such a pattern took over a minute on
// 40 characters. They run on RE2's linear-time engine (re2js) instead; what RE2 cannot run
// (backreferences, lookaround) is not run at all, and the caller says that no verdict was reached.
import { RE2JS } from 're2js';

export type ForeignRegex = { test(text: string): boolean } | { unsupported: string };

/** JavaScript flags RE2 has an equivalent for; the others (g, y, u, v, d) do not change a whole-string test. */
const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

export function compileForeignRegex(pattern: string, flags: string): ForeignRegex {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(
      pattern,
      [...flags].reduce((all, flag) => all | (FLAGS[flag] ?? 0), 0),
    );
  } catch (error) {
    return { unsupported: error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error) };
  }
  return { test: (text) => compiled.matcher(text).find() };
}
