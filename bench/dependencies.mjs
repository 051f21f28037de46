// The dependency check's cost: a project whose package-lock.json locks 1,500 packages (and whose
// package.json declares 40 of them), against OSV and the npm registry served on loopback by this
// script (no advisory matches: the cost of asking, not of reporting). Targets (issue
// "dependencies"): a cold scan makes at most one batch request per 1,000 packages; a warm scan
// (answers in the dependency cache) adds ≤ 100 ms to `lastline scan`, measured against the same
// scan with the dependency rules off, in the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './stats.mjs';

// Lastline's own runs start a process each, as the peers' do: no resident process (bench/gate.mjs
// measures that one).
process.env.LASTLINE_RESIDENT ??= 'off';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(repoRoot, 'bin', 'lastline.js');
const RUNS = Number(process.env.DEPENDENCIES_BENCH_RUNS ?? 15);
const LOCKED = 1500;
const DECLARED = 40;

const requests = [];
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const queries = request.url === '/v1/querybatch' ? JSON.parse(body).queries : undefined;
    requests.push({ path: request.url, queries: queries?.length });
    response.writeHead(200, { 'content-type': 'application/json' });
    // OSV: no advisory for any query. The npm registry: every package exists, published long ago.
    response.end(
      JSON.stringify(
        queries ? { results: queries.map(() => ({})) } : { name: decodeURIComponent(request.url.slice(1)), time: { created: '2015-01-01T00:00:00.000Z' } },
      ),
    );
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}`;

const project = mkdtempSync(join(tmpdir(), 'lastline-bench-deps-'));
const cache = mkdtempSync(join(tmpdir(), 'lastline-bench-deps-cache-'));
try {
  const names = Array.from({ length: LOCKED }, (_, index) => `package-${index}`);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'bench', dependencies: Object.fromEntries(names.slice(0, DECLARED).map((name) => [name, '^1.0.0'])) }, null, 2),
  );
  writeFileSync(
    join(project, 'package-lock.json'),
    JSON.stringify(
      {
        lockfileVersion: 3,
        packages: { '': { name: 'bench' }, ...Object.fromEntries(names.map((name, index) => [`node_modules/${name}`, { version: `1.${index % 7}.0` }])) },
      },
      null,
      2,
    ),
  );
  writeFileSync(join(project, 'index.js'), "const lodash = require('package-0');\nmodule.exports = () => lodash;\n");
  const env = { ...process.env, XDG_CACHE_HOME: cache, LASTLINE_OSV_URL: url, LASTLINE_NPM_REGISTRY_URL: url, LASTLINE_OFFLINE: '' };
  // Asynchronous: the loopback services run in this process and must answer while the scan runs.
  const scan = (...extra) =>
    new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const child = spawn(process.execPath, [bin, 'scan', '--no-cache', '--format', 'json', ...extra], {
        cwd: project,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`scan exited ${code}: ${stderr}`)),
      );
    });

  await scan();
  const batches = requests.filter((request) => request.path === '/v1/querybatch');
  console.log(
    `cold scan of ${LOCKED} locked packages: ${batches.length} batch request${batches.length === 1 ? '' : 's'} (${batches.map((batch) => batch.queries).join(' + ')} queries), ${requests.length - batches.length} registry requests (target: ≤ ${Math.ceil(LOCKED / 1000)} batches)`,
  );

  const warm = [];
  const without = [];
  const before = requests.length;
  for (let run = 0; run < RUNS; run++) {
    warm.push(await scan());
    // Every rule family but the dependency rules: the same scan otherwise.
    without.push(await scan('--category', 'suppression,string-built-query,string-built-command,open-route,inline-secret'));
  }
  const row = (label, times) =>
    console.log(`${label.padEnd(44)} p50 ${median(times).toFixed(0).padStart(5)} ms   p95 ${percentile(times, 95).toFixed(0).padStart(5)} ms`);
  row('scan, dependency answers from the cache', warm);
  row('scan without the dependency rules', without);
  console.log(
    `warm dependency check adds: p50 ${(median(warm) - median(without)).toFixed(0)} ms (target ≤ 100 ms); requests during warm scans: ${requests.length - before}`,
  );
} finally {
  server.close();
  rmSync(project, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
}
