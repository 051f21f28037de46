// Digests of the project facts (ProjectFacts) a cached analysis may have read: the analysis is
// reused only while the facts it read digest the same.
import { createHash } from 'node:crypto';
import type { ProjectFacts } from '../../core/rule';
import type { FactDigests } from './scan-cache';

export function projectFactDigests(facts: { envVariables: ReadonlyMap<string, string>; routeHashes?: ReadonlyMap<string, string> }): FactDigests {
  return {
    envVariables: digestOf(facts.envVariables),
    // The route index is its files' summaries; each summary is a function of its file's content.
    routes: facts.routeHashes ? digestOf(facts.routeHashes) : 'no route index',
  };
}

/** projectFactDigests of facts as the rules get them. */
export function digestsOfFacts(facts: ProjectFacts): FactDigests {
  return projectFactDigests({ envVariables: facts.envVariables, routeHashes: facts.routes?.hashesForEditing() });
}

function digestOf(map: ReadonlyMap<string, string>): string {
  const hash = createHash('sha1');
  for (const key of [...map.keys()].sort()) hash.update(`${key}\0${map.get(key)}\0`);
  return hash.digest('hex');
}
