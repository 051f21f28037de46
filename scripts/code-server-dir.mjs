// Prints where the test code-server lives, so the setup script and the host-test runner agree.
// Outside the repo (a per-user cache) so it survives fresh clones; override with LASTLINE_CODE_SERVER_DIR.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function codeServerDir() {
  if (process.env.LASTLINE_CODE_SERVER_DIR) return process.env.LASTLINE_CODE_SERVER_DIR;
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'lastline', `code-server-${pkg.lastline.codeServerVersion}`);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(codeServerDir());
