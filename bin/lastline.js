#!/usr/bin/env node
'use strict';
// The installed `lastline` command: the CLI lives in the engine bundle (built by `npm run build`).
// `lastline record` runs on every tool call of an agent: it has its own small bundle, so that
// recording does not pay for loading the engine.
const argv = process.argv.slice(2);
const run = argv[0] === 'record' ? require('../dist/record.js').recordMain(argv.slice(1)) : require('../dist/lastline.js').main(argv);
run.then((code) => { process.exitCode = code; });
