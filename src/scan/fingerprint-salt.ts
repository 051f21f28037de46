// The salt of secret fingerprints when `.lastline.json` sets none. Fingerprints appear in reports
// (JSON, SARIF) and allowlists; unsalted, anyone holding a report could test guesses of a secret
// against them offline. The salt must be the same in every clone and CI run — or allowlists and
// code-scanning alerts would stop matching — and must not be in the report: the id of the
// repository's first commit is both. Outside a repository there is nothing to agree with, so a
// salt of this user's own (in the user's cache folder) serves.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepository, stateDirectory } from '../git/repository-paths';
import { gitText } from '../git/run-git';
import { writeFileAtomic } from '../store/atomic-file';
import { userCacheDirectory } from '../store/user-cache';

const SALT_FILE = 'fingerprint-salt';

/** The derived salt for the project at `root`; undefined in a repository without commits yet. */
export function derivedFingerprintSalt(root: string): string | undefined {
  const repository = findRepository(root);
  if (!repository) return userSalt();
  // Finding the first commit walks the whole history: done once, then read from the git folder.
  const cached = join(stateDirectory(repository), SALT_FILE);
  const known = readSalt(cached);
  if (known) return known;
  let firstCommit: string | undefined;
  try {
    firstCommit = gitText(repository.root, ['rev-list', '--max-parents=0', 'HEAD']).trim().split('\n').sort()[0];
  } catch {
    return undefined; // no commit yet: nothing every clone will share
  }
  if (!firstCommit) return undefined;
  const salt = `repository:${firstCommit}`;
  tryWrite(cached, salt);
  return salt;
}

function userSalt(): string {
  const file = join(userCacheDirectory(), SALT_FILE);
  const known = readSalt(file);
  if (known) return known;
  const salt = `user:${randomBytes(16).toString('hex')}`;
  tryWrite(file, salt);
  return salt;
}

function readSalt(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return /^(repository|user):[0-9a-f]{32,64}$/.test(text) ? text : undefined; // anything else is ignored, not trusted
  } catch {
    return undefined;
  }
}

/** A salt that cannot be kept is derived again next time: never an error for the scan. */
function tryWrite(file: string, salt: string): void {
  try {
    writeFileAtomic(file, `${salt}\n`);
  } catch {
    // read-only git folder or home: fine
  }
}
