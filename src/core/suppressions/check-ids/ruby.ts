// RuboCop (docs.rubocop.org, department Security): Security/Eval, Security/Open (a pipe opens a
// process: command injection), Security/JSONLoad, Security/MarshalLoad, Security/YAMLLoad,
// Security/IoMethods, Security/CompoundHash; and rubocop-rails' Rails/OutputSafety (`html_safe`,
// `raw`: XSS). A directive names a cop or a whole department (`Security`). Brakeman has no inline
// directives (its ignores live in config/brakeman.ignore).
import type { Category } from '../../types';
import type { IdsByCategory, ToolChecks } from './model';

const RUBOCOP: IdsByCategory = { 'string-built-command': ['Security/Open', 'Security/IoMethods'] };
const SECURITY_COPS = [
  'Security/Eval',
  'Security/Open',
  'Security/JSONLoad',
  'Security/MarshalLoad',
  'Security/YAMLLoad',
  'Security/IoMethods',
  'Security/CompoundHash',
  'Rails/OutputSafety',
];

/** A cop, or the department it is in. */
const covers = (id: string, cop: string): boolean => id === cop || cop.startsWith(`${id}/`);

export const RUBOCOP_CHECKS: ToolChecks = {
  blanketHides: Object.keys(RUBOCOP) as Category[],
  hides: (id, category) => (RUBOCOP[category] ?? []).some((cop) => covers(id, cop)),
  isSecurity: (id) => SECURITY_COPS.some((cop) => covers(id, cop)),
};
