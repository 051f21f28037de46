// Writes that a killed process cannot leave half-done: write a temporary file beside the target,
// then rename it over the target (atomic within one file system). Readers see the old or the new
// content, never a mix.
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeFileAtomic(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Replaces the content of an existing file as `writeFileAtomic` does, keeping what the rename would
 * lose: its mode, its owner (where this process may set it) and its place behind a symbolic link
 * (the link's target is replaced, not the link).
 */
export function replaceFileAtomic(path: string, content: string | Buffer): void {
  const target = realpathSync(path);
  const { mode, uid, gid } = statSync(target);
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, content, { mode: mode & 0o7777 });
    chmodSync(temporary, mode & 0o7777); // the umask narrowed the mode given to writeFileSync
    if (uid !== process.getuid?.() || gid !== process.getgid?.()) {
      try {
        chownSync(temporary, uid, gid);
      } catch {
        // only root may give a file away: it then keeps this process's owner, like an editor's save
      }
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
