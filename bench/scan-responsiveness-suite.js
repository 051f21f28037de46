// Bench-only host suite (plain CommonJS, loaded by test/host/run.mjs through LASTLINE_HOST_TESTS;
// see bench/scan-responsiveness.mjs): runs "Lastline: Scan Workspace" on the opened tree and
// watches the extension host's thread meanwhile. A timer due every TICK_MS records how late each
// tick came: a tick late by d ms means something held the thread for about d ms. Prints
//   scanFiles=<n> scanFindings=<n> scanMs=<n>
//   longestTaskMs=<n> tasksOver50=<n>       while the scan ran
//   routesMs=<n> routesLongestTaskMs=<n> routesTasksOver50=<n>
//                                          then the Routes view's first load (the route index build)
//   idleLongestTaskMs=<n>                  the same watch on an idle host first, for comparison
// and the runner's summary line.
'use strict';
const vscode = require('vscode');
const { hostSuite } = require('./host-suite');

const TICK_MS = 5;
const IDLE_MS = 3000;
const LONG_TASK_MS = 50;

/** Watches the thread until `work` settles; returns its result and the lateness of the ticks. */
async function watchThread(work) {
  const lateness = [];
  let due = performance.now() + TICK_MS;
  const timer = setInterval(() => {
    const now = performance.now();
    lateness.push(Math.max(0, now - due));
    due = now + TICK_MS;
  }, TICK_MS);
  try {
    const result = await work();
    return { result, longest: Math.max(0, ...lateness), over: lateness.filter((late) => late > LONG_TASK_MS).length };
  } finally {
    clearInterval(timer);
  }
}

async function measure() {
  const extension = vscode.extensions.getExtension('lastline.lastline');
  if (!extension) throw new Error('extension lastline.lastline is not installed in this host');
  const api = await extension.activate();
  // Let the workbench's own start-up work (git's first status of the tree, indexing) finish.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const idle = await watchThread(() => new Promise((resolve) => setTimeout(resolve, IDLE_MS)));
  const started = performance.now();
  const scan = await watchThread(() => vscode.commands.executeCommand('lastline.scanWorkspace'));
  const scanMs = performance.now() - started;
  if (!scan.result || typeof scan.result.files !== 'number') throw new Error(`the scan returned ${JSON.stringify(scan.result)}`);
  console.log(`scanFiles=${scan.result.files} scanFindings=${scan.result.findings} scanMs=${scanMs.toFixed(0)}`);
  console.log(`longestTaskMs=${scan.longest.toFixed(1)} tasksOver50=${scan.over}`);
  const routesStarted = performance.now();
  const routes = await watchThread(() => api.routesView.getChildren());
  console.log(`routesMs=${(performance.now() - routesStarted).toFixed(0)} routesLongestTaskMs=${routes.longest.toFixed(1)} routesTasksOver50=${routes.over}`);
  console.log(`idleLongestTaskMs=${idle.longest.toFixed(1)}`);
}

module.exports = hostSuite(measure);
