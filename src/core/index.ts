// The public surface of the pure core, shared by the CLI, the git hooks and the extension.
export * from './types';
export * from './rule';
export * from './engine';
export * from './config';
export * from './cancellation';
export * from './log';
export * from './edits';
export * from './mask';
export { LineIndex } from './text';
export { allRules, findRule, ruleIds } from './rules';
export { languageFromEditor, languageFromFileName, type LanguageKind } from './languages/language';
