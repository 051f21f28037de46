// Entry of dist/lastline.js: the CLI (`main`) and the engine API the extension requires lazily.
export * from './engine-api';
export { main } from './cli/main';
