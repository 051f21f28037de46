// What identifies the engine that produced a cached result: a result is reused only by the very
// same code. The engine's files are stat'ed (size and modification time of every .js and .wasm
// file beside this one, recursively), not hashed: a rebuild or an update changes them, and reading
// 12 MB of bundles on every run would cost more than the cache saves.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

declare const LASTLINE_BUNDLED: boolean | undefined;

let engineId: string | undefined;

export function currentEngineId(): string {
  // Bundled: dist/ holds the engine, the parsers and the WASM grammars. Compiled (tests): out/src.
  return (engineId ??= engineIdOf(typeof LASTLINE_BUNDLED !== 'undefined' ? __dirname : resolve(__dirname, '..', '..')));
}

export function engineIdOf(folder: string): string {
  const hash = createHash('sha1').update(`node ${process.versions.node}\n`);
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(js|wasm)$/.test(entry.name)) {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${path}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  visit(folder);
  return hash.digest('hex');
}
