// Loaded by mocha before any test (.mocharc.json `require`): the run gets its own user cache folder,
// and no network,
// so tests neither read state a previous run or the developer's own scans left in ~/.cache nor
// leave any there. Child processes (the CLI under test) inherit it through the environment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folder = mkdtempSync(join(tmpdir(), 'lastline-test-cache-'));
process.env.XDG_CACHE_HOME = folder;
// No test reaches outside the machine: dependency checks use the (empty) advisory cache unless a
// test points LASTLINE_OSV_URL at its loopback OSV server and clears this.
process.env.LASTLINE_OFFLINE = '1';
// CLI runs start without a startup snapshot (no background builds racing the suite);
// startup-snapshot.test.ts turns it on for its own runs.
process.env.LASTLINE_STARTUP_SNAPSHOT = 'off';
// No resident process is started or used either (none outlives the suite); resident.test.ts
// starts its own, in a socket folder of its own, and stops it.
process.env.LASTLINE_RESIDENT = 'off';

export const mochaHooks = {
  afterAll(): void {
    rmSync(folder, { recursive: true, force: true });
  },
};
