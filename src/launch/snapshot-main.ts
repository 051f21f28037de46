// The script `node --build-snapshot` runs to make the startup snapshot (see startup-snapshot.ts),
// bundled as dist/snapshot-main.js next to the parsers it loads. It evaluates TypeScript's parsers
// — the part of a CLI start worth saving — and sets the function a Node started from the snapshot
// runs instead of a main script.
//
// Only the parsers are in the snapshot, not the engine: they are libraries with no state of the
// run in them, while the engine reads its environment as it works. A snapshot builder's `require`
// loads only Node's own modules, so the bundle is evaluated here the way Node's loader would.
import { readFileSync, realpathSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { WARM_UP_SOURCES } from './snapshot-warm-up';
import { SNAPSHOT_CHECK_MARKER, SNAPSHOT_CHECK_VARIABLE, STARTED_FROM_SNAPSHOT_VARIABLE } from './snapshot-check';

const distDirectory = __dirname;
const parsersFile = realpathSync(join(distDirectory, 'typescript-parsers.js'));
const parsers = evaluateCommonJs(parsersFile);
// The bundle's exports are getters that evaluate each package on first use: use them all now.
void parsers.typescript;
void parsers.typescriptEstree;
void parsers.tsApiUtils;
warmUp(parsers);

startupSnapshot.setDeserializeMainFunction(() => {
  // The engine's `require('./typescript-parsers.js')` finds the evaluated bundle in Node's cache.
  const cached = new Module(parsersFile);
  cached.filename = parsersFile;
  cached.loaded = true;
  cached.exports = parsers;
  (Module as unknown as { _cache: Record<string, Module> })._cache[parsersFile] = cached;

  if (process.env[SNAPSHOT_CHECK_VARIABLE]) {
    const program = parsers.typescriptEstree.parse('const answer = (x: number) => x + 1;', { range: true });
    if (program.body.length === 1) process.stdout.write(`${SNAPSHOT_CHECK_MARKER}\n`);
    return;
  }
  process.env[STARTED_FROM_SNAPSHOT_VARIABLE] = '1';
  // Started as `node --snapshot-blob <blob> <command> …`: the CLI expects the script's path in argv[1].
  process.argv.splice(1, 0, join(distDirectory, '..', 'bin', 'lastline.js'));
  const engine = Module.createRequire(join(distDirectory, 'lastline.js'))('./lastline.js') as typeof import('../bundle');
  void engine.main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
});

/** What dist/typescript-parsers.js exports (getters; see esbuild.mjs). */
interface TypescriptParsers {
  typescript: typeof import('typescript');
  typescriptEstree: typeof import('@typescript-eslint/typescript-estree');
  tsApiUtils: unknown;
}

/**
 * Parses the warm-up sources the way the engine does (src/core/languages/javascript.ts: TypeScript's
 * tree without JSDoc, then typescript-estree's conversion of it), so that the functions a run
 * calls are compiled in the snapshot.
 */
function warmUp({ typescript: ts, typescriptEstree }: TypescriptParsers): void {
  for (const { fileName, text } of WARM_UP_SOURCES) {
    const jsx = /x$/.test(fileName);
    const kind = fileName.endsWith('.ts')
      ? ts.ScriptKind.TS
      : fileName.endsWith('.tsx')
        ? ts.ScriptKind.TSX
        : fileName.endsWith('.jsx')
          ? ts.ScriptKind.JSX
          : ts.ScriptKind.JS;
    try {
      const tree = ts.createSourceFile(
        fileName,
        text,
        { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
        true,
        kind,
      );
      typescriptEstree.parse(tree as unknown as string, { tokens: false, range: true, loc: true, jsx, filePath: fileName, comment: false });
      typescriptEstree.parse(text, { tokens: false, range: true, loc: true, jsx, filePath: fileName, comment: true });
    } catch {
      // A parser that rejects a sample only makes the snapshot's first parse slower.
    }
  }
}

function evaluateCommonJs(file: string): TypescriptParsers {
  const module = { exports: {} as TypescriptParsers };
  const body = new Function('exports', 'require', 'module', '__filename', '__dirname', readFileSync(file, 'utf8'));
  body(module.exports, require, module, file, dirname(file));
  return module.exports;
}
