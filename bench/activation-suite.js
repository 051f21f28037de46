// Bench-only "test suite" for the extension host (plain CommonJS, no build step): test/host/run.mjs
// loads it instead of the compiled host tests when LASTLINE_HOST_TESTS points here (see
// bench/activation.mjs). It prints lines that bench/activation.mjs parses:
//   activationMs=<n>       the extension's own measurement: the time activate() took (its return value)
//   extensionLoadMs=<n>    re-requiring dist/extension.js from a cold require cache: the module-load
//                          share of activation that activate() cannot see (supplementary)
// and the runner's summary line, so the runner exits 0 when the measurement worked.
'use strict';
const path = require('path');
const vscode = require('vscode');
const { hostSuite } = require('./host-suite');

const EXTENSION_ID = 'lastline.lastline';

async function measure() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  // onStartupFinished may have activated it already; activate() then returns the same exports,
  // i.e. the measurement of that (first, real) activation.
  const api = await extension.activate();
  const activationMs = api && api.activationMs;
  if (typeof activationMs !== 'number') throw new Error(`activate() returned no activationMs (got ${JSON.stringify(api)})`);
  console.log(`activationMs=${activationMs.toFixed(2)}`);

  const main = path.join(extension.extensionPath, 'dist', 'extension.js');
  const resolved = require.resolve(main);
  const cached = require.cache[resolved];
  delete require.cache[resolved];
  const started = performance.now();
  require(resolved);
  console.log(`extensionLoadMs=${(performance.now() - started).toFixed(2)}`);
  if (cached) require.cache[resolved] = cached; // leave the running extension's module in place
}

module.exports = hostSuite(measure);
