#!/usr/bin/env node
'use strict';
// The installed `lastline` command: the CLI lives in the engine bundle (built by `npm run build`).
const { main } = require('../dist/lastline.js');
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
