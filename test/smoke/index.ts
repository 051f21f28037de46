// Entry of the smoke suite for the packaged extension: test/host/run.mjs installs dist/lastline.vsix
// into a clean extensions folder and runs this in a VS Code whose development extension is an empty
// runner (test/smoke/runner-extension), so every check here meets the installed copy.
import { runSuitesIn } from '../host/index';

export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}
