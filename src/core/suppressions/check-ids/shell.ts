// ShellCheck (shellcheck.net/wiki) warnings whose silencing can let input become code or
// arguments: unquoted expansions split and globbed into words (SC2086, SC2046, SC2048, SC2068,
// SC2206, SC2207), values run as commands (SC2091), `eval` of arrays (SC2294), file names
// injected into `sh -c` (SC2156), expansions sent over ssh (SC2029, SC2087), variables as a
// printf format (SC2059), and `rm -rf "$dir/"*` on an empty variable (SC2115, SC2114). Unused
// variables (SC2034), sourcing (SC1091) and style are not. A code may be written `SC2086` or
// `2086`, and a range (`SC2000-SC2999`) covers every code in it.
import type { Category } from '../../types';
import type { ToolChecks } from './model';

const COMMAND_CODES = [2086, 2046, 2048, 2068, 2091, 2156, 2294];
const SECURITY_CODES = [...COMMAND_CODES, 2206, 2207, 2029, 2087, 2059, 2115, 2114];

/** The code range an id names: `SC2086`, `2086`, `SC2000-SC2999`. */
function codeRange(id: string): [number, number] | undefined {
  const match = /^(?:SC)?(\d{4})(?:-(?:SC)?(\d{4}))?$/i.exec(id.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? match[1])];
}

const namesAny = (id: string, codes: readonly number[]): boolean => {
  const range = codeRange(id);
  return range !== undefined && codes.some((code) => code >= range[0] && code <= range[1]);
};

export const SHELLCHECK_CHECKS: ToolChecks = {
  blanketHides: ['string-built-command'] as Category[],
  hides: (id, category) => category === 'string-built-command' && namesAny(id, COMMAND_CODES),
  isSecurity: (id) => namesAny(id, SECURITY_CODES),
};
