#!/usr/bin/env node
'use strict';
// The installed `lastline` command: the CLI lives in the engine bundle (built by `npm run build`).
// `lastline record` runs on every tool call of an agent: it has its own small bundle, so that
// recording does not pay for loading the engine. The read-only commands run in Lastline's
// resident process when one is up (src/launch/resident-protocol.ts); commands that parse source
// code otherwise run in a Node started from a startup snapshot with TypeScript's parsers loaded,
// once one is built on this machine (src/launch/startup-snapshot.ts). Both live in
// dist/launch.js; if it is missing or fails, the command runs here.
const { join } = require('node:path');
const argv = process.argv.slice(2);
const dist = join(__dirname, '..', 'dist');

run().then((code) => {
  process.exitCode = code;
});

async function run() {
  if (argv[0] === 'record') return require('../dist/record.js').recordMain(argv.slice(1));
  const launch = loadLauncher();
  const code = launch && ((await inResidentProcess(launch)) ?? launch.runFromStartupSnapshot(argv, dist));
  return code ?? require('../dist/lastline.js').main(argv);
}

/** The resident process only saves time: any failure to reach it leaves the run to this process. */
async function inResidentProcess(launch) {
  try {
    return await launch.runInResidentProcess(argv, dist);
  } catch {
    return undefined;
  }
}

function loadLauncher() {
  try {
    return require('../dist/launch.js');
  } catch {
    return undefined;
  }
}
