// The rule registry. A rule's file name equals its id (checked by a unit test), and every rule
// listed here is documented in docs/rules/<id>.md and in the README's generated rule list.
import type { Rule } from '../rule';
import credentialedUri from './credentialed-uri';
import genericSecret from './generic-secret';
import openRoute from './open-route';
import privateKey from './private-key';
import providerToken from './provider-token';
import silencedCheck from './silenced-check';
import stringBuiltCommand from './string-built-command';
import stringBuiltQuery from './string-built-query';
import unknownDependency from './unknown-dependency';
import vulnerableDependency from './vulnerable-dependency';

export const allRules: readonly Rule[] = [
  silencedCheck,
  stringBuiltQuery,
  stringBuiltCommand,
  openRoute,
  providerToken,
  privateKey,
  credentialedUri,
  genericSecret,
  vulnerableDependency,
  unknownDependency,
];

export function findRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.meta.id));
