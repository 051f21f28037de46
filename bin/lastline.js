#!/usr/bin/env node
'use strict';
// The installed `lastline` command: the CLI lives in the engine bundle (built by `npm run build`).
// `lastline record` runs on every tool call of an agent: it has its own small bundle, so that
// recording does not pay for loading the engine. Commands that parse source code run in a Node
// started from a startup snapshot with TypeScript's parsers loaded, once one is built on this
// machine (dist/launch.js; src/launch/startup-snapshot.ts).
const { join } = require('node:path');
const argv = process.argv.slice(2);
const fromSnapshot = argv[0] === 'record' ? undefined : runFromStartupSnapshot();
if (fromSnapshot !== undefined) {
  process.exitCode = fromSnapshot;
} else {
  const run = argv[0] === 'record' ? require('../dist/record.js').recordMain(argv.slice(1)) : require('../dist/lastline.js').main(argv);
  run.then((code) => {
    process.exitCode = code;
  });
}

/** The snapshot only saves time: if its launcher is missing or fails, the command runs here. */
function runFromStartupSnapshot() {
  let launch;
  try {
    launch = require('../dist/launch.js');
  } catch {
    return undefined;
  }
  return launch.runFromStartupSnapshot(argv, join(__dirname, '..', 'dist'));
}
