// Python through the tree-sitter grammar Microsoft ships prebuilt as WASM (@vscode/tree-sitter-wasm,
// the same VS Code uses): no native build, and a parse always yields a tree. Syntax errors show up
// as ERROR/MISSING nodes, which rules must treat as "unknown" (see `isInsideError`).
import { Language, Parser, type Node, type Tree } from '@vscode/tree-sitter-wasm';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Defined (as true) by esbuild.mjs in the bundles; undefined when running the tsc output. */
declare const LASTLINE_BUNDLED: boolean | undefined;

let ready: Promise<Parser> | undefined;

/** Loads the runtime and grammar once per process; later calls share the promise. */
export function loadPythonParser(): Promise<Parser> {
  ready ??= (async () => {
    const wasmDir = locateWasmDir();
    await Parser.init({ locateFile: (file: string) => join(wasmDir, file) });
    const language = await Language.load(readFileSync(join(wasmDir, 'tree-sitter-python.wasm')));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  ready.catch(() => {
    ready = undefined; // let a later analysis retry instead of caching the failure forever
  });
  return ready;
}

export interface PythonParse {
  tree: Tree;
  hasError: boolean;
  /**
   * The root itself is an error node: tree-sitter could not make out a module at all (ordinary
   * syntax errors leave a `module` root with error nodes inside). It happens on code nested past
   * the grammar's limits — 300 nested f-strings overflow its scanner's delimiter stack.
   */
  structureLost: boolean;
}

export async function parsePython(text: string): Promise<PythonParse> {
  return parsePythonWith(await loadPythonParser(), text);
}

/** Parsing itself is synchronous once the parser is loaded; the caller must `delete()` the tree. */
export function parsePythonWith(parser: Parser, text: string): PythonParse {
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return { tree, hasError: tree.rootNode.hasError, structureLost: tree.rootNode.isError };
}

/** True when the node sits in (or is) a region the parser could not make sense of. */
export function isInsideError(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parent) {
    if (current.isError || current.isMissing) return true;
  }
  return false;
}

function locateWasmDir(): string {
  // Bundled: esbuild.mjs copies the .wasm files next to dist/lastline.js.
  if (typeof LASTLINE_BUNDLED !== 'undefined') return __dirname;
  return dirname(createRequire(__filename).resolve('@vscode/tree-sitter-wasm'));
}
