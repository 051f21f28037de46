// Loaded by mocha before any test (.mocharc.json `require`): the run gets its own user cache folder,
// so tests neither read state a previous run or the developer's own scans left in ~/.cache nor
// leave any there. Child processes (the CLI under test) inherit it through the environment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folder = mkdtempSync(join(tmpdir(), 'lastline-test-cache-'));
process.env.XDG_CACHE_HOME = folder;

export const mochaHooks = {
  afterAll(): void {
    rmSync(folder, { recursive: true, force: true });
  },
};
