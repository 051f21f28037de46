// Digests of the project facts (ProjectFacts) a cached analysis may have read: the analysis is
// reused only while the facts it read digest the same.
import { createHash } from 'node:crypto';
import type { DependencyFacts } from '../../core/dependencies/model';
import type { ProjectFacts } from '../../core/rule';
import type { FactDigests } from './scan-cache';

export function projectFactDigests(facts: {
  envVariables: ReadonlyMap<string, string>;
  routeHashes?: ReadonlyMap<string, string>;
  dependencies?: DependencyFacts;
}): FactDigests {
  return {
    envVariables: digestOf(facts.envVariables),
    // The route index is its files' summaries; each summary is a function of its file's content.
    routes: facts.routeHashes ? digestOf(facts.routeHashes) : 'no route index',
    dependencies: facts.dependencies ? dependenciesDigest(facts.dependencies) : 'no dependency facts',
  };
}

/** Advisories, lock versions and declared names: what the dependency rule's findings depend on. */
function dependenciesDigest(facts: DependencyFacts): string {
  const hash = createHash('sha1');
  for (const key of [...facts.advisories.keys()].sort()) hash.update(`${key}\0${JSON.stringify(facts.advisories.get(key))}\n`);
  for (const folder of [...facts.locked.keys()].sort()) hash.update(`locked ${folder}\0${digestOf(facts.locked.get(folder)!)}\n`);
  for (const folder of [...(facts.workspaceMembers?.keys() ?? [])].sort())
    hash.update(`members ${folder}\0${JSON.stringify(facts.workspaceMembers!.get(folder))}\n`);
  for (const folder of [...facts.declared.keys()].sort()) hash.update(`declared ${folder}\0${[...facts.declared.get(folder)!].sort().join(',')}\n`);
  for (const key of [...(facts.registry?.keys() ?? [])].sort()) hash.update(`registry ${key}\0${JSON.stringify(facts.registry!.get(key))}\n`);
  hash.update(`included ${[...(facts.includedRequirements ?? [])].sort().join(',')}\n`);
  return hash.digest('hex');
}

/** projectFactDigests of facts as the rules get them. */
export function digestsOfFacts(facts: ProjectFacts): FactDigests {
  return projectFactDigests({ envVariables: facts.envVariables, routeHashes: facts.routes?.hashesForEditing(), dependencies: facts.dependencies });
}

function digestOf(map: ReadonlyMap<string, string | readonly string[]>): string {
  const hash = createHash('sha1');
  for (const key of [...map.keys()].sort()) hash.update(`${key}\0${String(map.get(key))}\0`);
  return hash.digest('hex');
}
