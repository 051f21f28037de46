// Entry of dist/lastline.js: the CLI (`main`) and the engine API the extension requires lazily.
export * from './engine-api';
export { main } from './cli/main';
// The entry of `lastline scan`'s worker threads: they load this same bundle (see scan/parallel/pool.ts).
export { runScanWorker } from './scan/parallel/worker';
// A file nested beyond a thread's stack is analysed again on a thread with a deep one (scan/deep-stack.ts).
export { runDeepStackWorker } from './scan/deep-stack';
// `lastline record` (dist/record.js) checks an agent's new lines through this.
export { checkAgentLines } from './agents/feedback';
// The editor's workspace scan and route index run in worker threads that load this same bundle.
export { runRouteIndexWorker } from './scan/route-index-worker';
export { runWorkspaceScanWorker } from './scan/workspace-scan-worker';
export { runDependencyWorker } from './scan/dependency-worker';
