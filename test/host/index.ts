// Entry point of the extension-host test run: VS Code loads this module (compiled to
// out/test/host/index.js) inside the extension host and awaits run(). It runs mocha over every
// *.test.js in a folder and prints one summary line that test/host/run.mjs looks for; the smoke
// suite of the packaged extension (test/smoke/index.ts) runs its own folder through it.
import * as fs from 'fs';
import * as path from 'path';
import Mocha = require('mocha');

/** The runner parses this exact line from the extension host's console output. */
const SUMMARY_PREFIX = 'host: ';

function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(dir, name));
}

export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}

export async function runSuitesIn(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000 });
  const files = findTestFiles(dir);
  for (const file of files) mocha.addFile(file);

  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const stats = runner.stats;
        resolve({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0 });
      });
    } catch (err) {
      // A test file that throws while loading ends up here.
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  }).catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    console.log(`${SUMMARY_PREFIX}0 passed, 1 failed`);
    throw err;
  });

  console.log(`${SUMMARY_PREFIX}${passed} passed, ${failed} failed`);
  if (files.length === 0) throw new Error(`no *.test.js files in ${dir}`);
  if (failed > 0) throw new Error(`${failed} host test${failed === 1 ? '' : 's'} failed`);
}
