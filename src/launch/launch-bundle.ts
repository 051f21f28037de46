// Entry of dist/launch.js, required by bin/lastline.js before anything else (see startup-snapshot.ts
// and resident-protocol.ts).
// Run as a script with --build-startup-snapshot, it is the detached background builder.
import { buildStartupSnapshot } from './startup-snapshot';

export { runFromStartupSnapshot, startBackgroundBuild } from './startup-snapshot';
export { runInResidentProcess } from './resident-client';

if (require.main === module && process.argv[2] === '--build-startup-snapshot') {
  try {
    buildStartupSnapshot(__dirname);
  } catch {
    // A background build has no one to tell; the CLI keeps starting without the snapshot.
  }
}
