// What a tool's check ids mean for security, as data each ecosystem's table fills in.
import type { Category } from '../../types';

export type IdsByCategory = Partial<Record<Category, readonly string[]>>;

export interface ToolChecks {
  /**
   * The Lastline categories a blanket directive of the tool hides: the tool has checks that find
   * them. `all` for the general scanners, whose rules cannot all be listed (Semgrep, Snyk, Bandit).
   */
  blanketHides: readonly Category[] | 'all';
  /** Whether naming `id` silences a check that finds what `category` names. */
  hides(id: string, category: Category): boolean;
  /** Whether naming `id` silences a security check at all, of a Lastline category or not. */
  isSecurity(id: string): boolean;
  /** What a blanket directive of the tool should be narrowed to, to cover one category only. */
  narrowTo?: IdsByCategory;
}

/**
 * Checks from a table of ids by category. `sameId` compares a named id with a listed one (exact by
 * default; prefixes, departments and case rules where the tool has them); `isSecurity` defaults
 * to "listed under some category".
 */
export function tableChecks(
  table: IdsByCategory,
  options: {
    sameId?: (id: string, listed: string) => boolean;
    isSecurity?: (id: string) => boolean;
    narrowTo?: IdsByCategory;
    blanketHides?: readonly Category[] | 'all';
  } = {},
): ToolChecks {
  const sameId = options.sameId ?? ((id, listed) => id === listed);
  const listedUnder = (id: string, category: Category) => (table[category] ?? []).some((listed) => sameId(id, listed));
  const categories = Object.keys(table) as Category[];
  return {
    blanketHides: options.blanketHides ?? categories,
    hides: listedUnder,
    isSecurity: options.isSecurity ?? ((id) => categories.some((category) => listedUnder(id, category))),
    ...(options.narrowTo ? { narrowTo: options.narrowTo } : {}),
  };
}

/** Every id of the tool is a security check and hides every category (the general scanners). */
export const ANY_ID_HIDES: ToolChecks = { blanketHides: 'all', hides: () => true, isSecurity: () => true };

/** The secret scanners: whatever they are told, they hide secrets and nothing else. */
export const SECRETS_ONLY: ToolChecks = { blanketHides: ['inline-secret'], hides: (_id, category) => category === 'inline-secret', isSecurity: () => true };
