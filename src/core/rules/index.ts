// The rule registry. A rule's file name equals its id (checked by a unit test), and every rule
// listed here is documented in docs/rules/<id>.md and in the README's generated rule list.
import type { Rule } from '../rule';
import privateKey from './private-key';

export const allRules: readonly Rule[] = [privateKey];

export function findRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.meta.id));
