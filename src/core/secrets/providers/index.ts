// The provider table as detectors, for the provider-token rule, and the question the generic-secret
// rule asks so that a context row's finding is not reported twice.
import { compileRow } from './compile';
import { buildDetectors, isContextCredentialAt } from './engine';
import { providerTable } from './table';

const compiledRows = providerTable.map(compileRow);
const contextRows = compiledRows.filter((compiled) => compiled.row.context !== undefined);

/** One detector per provider of the table. */
export const tableDetectors = buildDetectors(compiledRows);

/** Whether a context row (a provider word in the assigned name) reports exactly [start, end) of `text`. */
export function isNamedProviderCredential(text: string, start: number, end: number): boolean {
  return isContextCredentialAt(contextRows, text, start, end);
}

export { providerTable, skippedGitleaksRules } from './table';
export type { ProviderRow, TokenShape } from './row';
