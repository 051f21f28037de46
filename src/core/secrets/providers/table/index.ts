// The provider table: every row, in presentation order. Adding a provider is adding a row to the
// file of its area (and its tests to test/unit/secret-providers.test.ts); rows are data, the
// engine (../engine.ts) does the rest. gitleaks rules deliberately left out are in skipped.ts.
import type { ProviderRow } from '../row';
import { aiRows } from './ai';
import { cloudRows } from './cloud';
import { codeAndCiRows } from './code-and-ci';
import { messagingRows } from './messaging';
import { observabilityRows } from './observability';
import { paymentRows } from './payments';
import { saasRows } from './saas';

export { skippedGitleaksRules } from './skipped';

export const providerTable: readonly ProviderRow[] = [
  ...codeAndCiRows,
  ...cloudRows,
  ...aiRows,
  ...paymentRows,
  ...messagingRows,
  ...observabilityRows,
  ...saasRows,
];
