// ESLint for Lastline's own code, run by `npm test` (npm run lint): typescript-eslint's recommended
// rules. Line length and layout are the formatter's job (Prettier, .prettierrc.json); `vscode`
// only under src/extension and no import cycles are checked by test/unit/layout.test.ts.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Built output, downloaded corpora and fixtures (code written to be flagged) are not ours to lint.
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test/fixtures/**',
      'bench/.corpus/**',
      'bench/results/**',
      'fuzz-results/**',
      'test-results/**',
      '.vscode-test/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      // An unused parameter kept for a callback's shape says so with a leading underscore.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // CommonJS scripts (the bin, the bench suites VS Code loads), and files that load a bundle or a
    // parser on first use by a path computed at run time, on purpose: an `import` would make
    // esbuild inline it, or load it at start (see esbuild.mjs).
    files: [
      '**/*.js',
      'src/core/languages/javascript.ts',
      'src/core/languages/typescript-module.ts',
      'src/extension/engine.ts',
      'src/record-bundle.ts',
      'test/host/index.ts',
    ],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
