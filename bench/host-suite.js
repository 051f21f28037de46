// A bench probe as a host "suite" for test/host/run.mjs: the runner needs the summary line it
// prints for a test suite, and a failing probe must print its error and fail the run.
'use strict';

/** The module.exports of a probe whose whole work is `measure` (it prints its own figures). */
function hostSuite(measure) {
  return {
    async run() {
      try {
        await measure();
        console.log('host: 1 passed, 0 failed');
      } catch (error) {
        console.error(error && error.stack ? error.stack : String(error));
        console.log('host: 0 passed, 1 failed');
        throw error;
      }
    },
  };
}

module.exports = { hostSuite };
