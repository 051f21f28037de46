// This user's cache folder for Lastline (XDG_CACHE_HOME, else ~/.cache): state that is not the
// project's and may be deleted at any time.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function userCacheDirectory(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'lastline');
}
