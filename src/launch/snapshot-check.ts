// The handshake of the check run: a freshly built blob is used only after a Node started from it
// with this variable set has parsed a sample and printed the marker.
export const SNAPSHOT_CHECK_VARIABLE = 'LASTLINE_STARTUP_SNAPSHOT_CHECK';
export const SNAPSHOT_CHECK_MARKER = 'lastline startup snapshot ok';
/** Set in a process started from the snapshot, for `--verbose` to say so. */
export const STARTED_FROM_SNAPSHOT_VARIABLE = 'LASTLINE_STARTED_FROM_SNAPSHOT';
