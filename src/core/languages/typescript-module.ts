// TypeScript and ts-api-utils, required on first use rather than at load: evaluating TypeScript's
// module costs ~0.3 s, which every CLI run and every scan without a JS/TS file to parse would
// otherwise pay.
import type * as TsApiUtils from 'ts-api-utils';
import type * as Typescript from 'typescript';

let typescript: typeof Typescript | undefined;
let tsApiUtils: typeof TsApiUtils | undefined;

/** TypeScript itself (also for rules that need only its AST). */
export const loadTypescript = () => (typescript ??= require('typescript') as typeof Typescript);
export const loadTsApiUtils = () => (tsApiUtils ??= require('ts-api-utils') as typeof TsApiUtils);
