// `npm run demo:cli`: Lastline's CLI on the demo workspace. The demo is full of problems on purpose, so the
// CLI's "findings" exit code (1) is the expected outcome here, not a failure; 2 still fails.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { status } = spawnSync(process.execPath, ['bin/lastline.js', 'scan', 'demo', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (status === 1) {
  console.log('\nThese are the problems the demo was written to show (exit code 1 means "findings").');
  console.log('`npm start` opens the same workspace in VS Code, with quick fixes, the AI-written lines and the commit gate.');
  process.exit(0);
}
process.exit(status ?? 2);
