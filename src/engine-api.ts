// What the extension loads lazily from dist/lastline.js (see esbuild.mjs): the engine and the
// shared scanning services, but nothing of VS Code. Keep it a list of re-exports.
export { analyze, type AnalysisResult } from './core/engine';
export { allRules, findRule } from './core/rules';
export { languageFromEditor } from './core/languages/language';
export { loadPythonParser } from './core/languages/python';
export { findProjectRoot, loadConfig, type LoadedConfig } from './scan/config-file';
export { scanSources, workingTreeSources } from './scan/scan';
export { withDeepStackRetry } from './scan/deep-stack';
export { isDependencyFile } from './core/dependencies/manifests';
export { defaultJobs } from './scan/working-tree-scan';
export { loadProjectFacts } from './scan/project-facts';
export { isPathGitignored } from './scan/walk';
export { applyTextEdits, chooseFixes } from './core/edits';
export { appendLines } from './scan/apply-fixes';
export { ruleTableMarkdown } from './core/rule-table';
export { providerListMarkdown } from './core/secrets/providers/docs-table';
export { providerTable } from './core/secrets/providers';
// Parser adapters, for the benchmark's raw parse-cost figures.
export { parseJavaScript } from './core/languages/javascript';
export { parsePython } from './core/languages/python';
export { addAllowlistEntry } from './core/config-edit';
// Routes: the project index, kept current by the editor, and the inventory the Routes view shows.
export { buildRouteIndex, summarizeFile } from './scan/route-index';
export { RouteIndex } from './core/routes/route-index';
export { routeInventory, type InventoryEntry } from './core/routes/inventory';
// Provenance the editor observes (accepted inline suggestions), recorded in the same store as the agents' hooks.
export { activeAgentSession, recordKnownChange, resolveSuspectedAt } from './agents/record';
export { ProvenanceCache, type DocumentAiRange } from './provenance/provenance-cache';
export { markAiWritten } from './core/provenance/ai-findings';
// The review flow the editor offers (the same verdicts as `lastline review`), and the commit gate's hooks.
export { gitReviewer, hunksToReview, recordVerdict, removeHunk, type ReviewItem, type ReviewQueue } from './provenance/review-actions';
export { describeHunk } from './core/provenance/review';
export { hookStates, installHooks } from './git/git-hooks';
export { findRepository, stateDirectory } from './git/repository-paths';
