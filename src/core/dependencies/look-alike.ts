// A package name one edit away from a popular one (POPULAR_PACKAGES) that it is not: one letter
// added, dropped, changed, or two neighbours swapped (`lodahs`, `reqeusts`, `expres`).
import type { Ecosystem } from './model';
import { POPULAR_PACKAGES } from './popular-packages';

/** The popular package `name` looks like, if any. */
export function lookAlikeOf(ecosystem: Ecosystem, name: string): string | undefined {
  const popular = POPULAR_PACKAGES[ecosystem];
  if (popular.has(name) || name.length < 4) return undefined;
  for (const candidate of popular) if (Math.abs(candidate.length - name.length) <= 1 && oneEditApart(name, candidate)) return candidate;
  return undefined;
}

/** Optimal string alignment distance of exactly 1, without building the matrix. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let first = -1;
    for (let index = 0; index < a.length; index++) {
      if (a[index] === b[index]) continue;
      if (first === -1) first = index;
      else {
        // A swap of neighbours, or a second change.
        return index === first + 1 && a[first] === b[index] && a[index] === b[first] && a.slice(index + 1) === b.slice(index + 1);
      }
    }
    return true;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let index = 0;
  while (index < short.length && short[index] === long[index]) index++;
  return short.slice(index) === long.slice(index + 1);
}
