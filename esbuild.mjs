// Bundles the extension and the engine separately, so that activating the extension loads only the
// thin VS Code glue; the engine (with TypeScript's parser, several MB) is required on first analysis.
//   dist/extension.js  ← src/extension/extension.ts   (external: vscode; requires ./lastline.js lazily)
//   dist/lastline.js   ← src/bundle.ts                 (engine + CLI; the library API for the extension)
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

rmSync('dist', { recursive: true, force: true }); // no stale bundles or source maps from another mode
mkdirSync('dist', { recursive: true });
await Promise.all([
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
  }),
]);

const wasmDir = dirname(require.resolve('@vscode/tree-sitter-wasm'));
for (const file of ['tree-sitter.wasm', 'tree-sitter-python.wasm']) {
  copyFileSync(join(wasmDir, file), join('dist', file));
}
