// PMD's suppress marker (pmd.github.io, "Suppressing warnings": `suppressMarker`, by default
// NOPMD): a `//` comment holding it silences every PMD rule on its line; text after it is the
// message PMD records with the suppression (`// NOPMD - reviewed`), our reason.
import { anywhereMarkerMatcher } from './scan';

export const matchNopmd = anywhereMarkerMatcher('pmd', 'NOPMD', true);
