// The editor stays responsive during "Lastline: Scan Workspace" (issue "editor", item 7): a tree of
// 5,000 real source files (the quick corpus, repeated) is opened in a real VS Code (code-server +
// headless Chromium, through test/host/run.mjs) and bench/scan-responsiveness-suite.js scans it
// while watching the extension host's thread. Target: no task on that thread longer than 50 ms.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, readCorpus } from './corpus.mjs';

const FILES = 5000;
const TARGET_MS = 50;
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

const corpus = buildCorpus(repoRoot, 'quick');
const { list } = readCorpus(corpus.manifestPath, corpus.root);
const tree = mkdtempSync(join(tmpdir(), 'lastline-bench-scan-'));
try {
  for (let index = 0; index < FILES; index++) {
    const file = list[index % list.length];
    const dest = join(tree, `copy-${Math.floor(index / list.length)}`, file.dest);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(join(corpus.root, file.dest), dest);
  }
  copyFileSync(join(corpus.root, '.lastline.json'), join(tree, '.lastline.json'));
  const run = spawnSync(process.execPath, [join(repoRoot, 'test', 'host', 'run.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      LASTLINE_HOST_TESTS: join(repoRoot, 'bench', 'scan-responsiveness-suite.js'),
      LASTLINE_HOST_WORKSPACE: tree,
      LASTLINE_HOST_TEST_TIMEOUT: '540',
    },
  });
  const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  const value = (name) => Number(new RegExp(`${name}=([\\d.]+)`).exec(output)?.[1]);
  const longest = value('longestTaskMs');
  if (run.status !== 0 || Number.isNaN(longest)) {
    console.log(
      `Workspace scan responsiveness: not measured (${run.error?.message ?? `exit code ${run.status}`})\n${output.trim().split('\n').slice(-12).join('\n')}`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `Workspace scan of ${value('scanFiles')} files (${value('scanFindings')} findings) in ${(value('scanMs') / 1000).toFixed(1)} s: ` +
        `longest task on the extension host's thread ${longest.toFixed(1)} ms, ${value('tasksOver50')} over ${TARGET_MS} ms ` +
        `(target: none over ${TARGET_MS} ms; an idle host's longest: ${value('idleLongestTaskMs').toFixed(1)} ms)`,
    );
    console.log(
      `Route index of the same tree for the Routes view in ${(value('routesMs') / 1000).toFixed(1)} s: ` +
        `longest task on the extension host's thread ${value('routesLongestTaskMs').toFixed(1)} ms, ${value('routesTasksOver50')} over ${TARGET_MS} ms`,
    );
  }
} finally {
  rmSync(tree, { recursive: true, force: true });
}
