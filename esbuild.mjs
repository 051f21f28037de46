// Bundles the extension, the engine and TypeScript's parsers separately, so that each process loads
// only what it runs:
//   dist/extension.js          ← src/extension/extension.ts  (external: vscode; requires ./lastline.js lazily)
//   dist/lastline.js           ← src/bundle.ts                (engine + CLI; the library API for the extension)
//   dist/typescript-parsers.js ← TYPESCRIPT_PARSERS below     (typescript, typescript-estree, ts-api-utils)
//   dist/launch.js, dist/snapshot-main.js ← src/launch/      (the CLI's start from a V8 startup snapshot)
//   dist/resident-server.js    ← src/launch/resident-server.ts (the resident process; requires ./lastline.js)
// Activating the extension loads only the thin VS Code glue; the engine is required on first analysis.
// The engine requires TypeScript's parsers only when a JS/TS file has to be parsed
// (src/core/languages/javascript.ts), but requiring lazily inside one bundle is not enough: Node
// still reads and compiles the whole script on every load, and TypeScript is ~10 MB of the ~12 MB
// (~0.1 s of every CLI run, and of every worker thread that loads the engine). So the three
// packages live in their own bundle: in dist/lastline.js each of them is a one-line shim,
// `module.exports = require('./typescript-parsers.js').<name>`, evaluated on its first require().
// Bundling the three together keeps one TypeScript instance (typescript-estree and ts-api-utils use
// the same one the engine gets from loadTypescript()); the build fails if any of them leaks back
// into dist/lastline.js. The tsc build (out/, unit tests) requires the packages normally.
// Tree-sitter's runtime and grammars are WASM files loaded at run time: copied next to the bundles.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const production = process.argv.includes('--production');
const require = createRequire(import.meta.url);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  define: { LASTLINE_BUNDLED: 'true' },
  // Prefer ESM builds: jsonc-parser's UMD build requires its modules dynamically, which cannot be bundled.
  mainFields: ['module', 'main'],
};

/** Module id → export name in dist/typescript-parsers.js. */
const TYPESCRIPT_PARSERS = {
  typescript: 'typescript',
  '@typescript-eslint/typescript-estree': 'typescriptEstree',
  'ts-api-utils': 'tsApiUtils',
};
const PARSERS_FILE = './typescript-parsers.js';
const parserPackage = new RegExp(`/node_modules/(${Object.keys(TYPESCRIPT_PARSERS).join('|')})/`);

// Getters, so that requiring the bundle evaluates only the package asked for (TypeScript alone for
// the rules that need only its AST): esbuild runs a bundled CommonJS module on its first require().
const parsersEntry = Object.entries(TYPESCRIPT_PARSERS)
  .map(([id, name]) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => require(${JSON.stringify(id)}) });`)
  .join('\n');

/** In dist/lastline.js: the parser packages become shims that require dist/typescript-parsers.js. */
const typescriptParsersExternal = {
  name: 'typescript-parsers-external',
  setup(build) {
    const ids = new RegExp(
      `^(${Object.keys(TYPESCRIPT_PARSERS)
        .map((id) => id.replace(/[/.]/g, '\\$&'))
        .join('|')})$`,
    );
    build.onResolve({ filter: ids }, (args) => ({ path: args.path, namespace: 'typescript-parsers' }));
    build.onResolve({ filter: /^\.\/typescript-parsers\.js$/, namespace: 'typescript-parsers' }, () => ({ path: PARSERS_FILE, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'typescript-parsers' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(PARSERS_FILE)}).${TYPESCRIPT_PARSERS[args.path]};`,
      loader: 'js',
    }));
  },
};

rmSync('dist', { recursive: true, force: true }); // no stale bundles or source maps from another mode
mkdirSync('dist', { recursive: true });
const [, engine] = await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: { extension: 'src/extension/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: { lastline: 'src/bundle.ts' },
    outdir: 'dist',
    metafile: true,
    plugins: [typescriptParsersExternal],
  }),
  // `lastline record`: provenance and agent adapters only; it requires ./lastline.js for checks.
  esbuild.build({
    ...common,
    entryPoints: { record: 'src/record-bundle.ts' },
    outdir: 'dist',
  }),
  // Started first by bin/lastline.js (Node's modules only), the startup snapshot's builder
  // (src/launch/startup-snapshot.ts) and the resident process (src/launch/resident-server.ts).
  esbuild.build({
    ...common,
    entryPoints: { launch: 'src/launch/launch-bundle.ts', 'snapshot-main': 'src/launch/snapshot-main.ts', 'resident-server': 'src/launch/resident-server.ts' },
    outdir: 'dist',
  }),
  esbuild.build({
    ...common,
    stdin: { contents: parsersEntry, resolveDir: '.', sourcefile: 'typescript-parsers-entry.js', loader: 'js' },
    outfile: join('dist', PARSERS_FILE),
  }),
]);

// A subpath import (`typescript/lib/…`) or a package reached another way would bundle a second copy.
const leaked = Object.keys(engine.metafile.inputs).filter((input) => parserPackage.test(`/${input}`));
if (leaked.length) {
  console.error(`esbuild.mjs: dist/lastline.js bundles TypeScript's parsers instead of requiring ${PARSERS_FILE}:\n  ${leaked.join('\n  ')}`);
  process.exit(1);
}

const wasmDir = dirname(require.resolve('@vscode/tree-sitter-wasm'));
for (const file of ['tree-sitter.wasm', 'tree-sitter-python.wasm']) {
  copyFileSync(join(wasmDir, file), join('dist', file));
}
