// Dependencies against a real HTTP server on loopback that speaks OSV's API (osv-server.ts, from
// recorded records): the client's batching, retries and failures; the advisory cache (a second
// look-up asks nothing; offline answers from it and names what it lacks); the rule's findings
// at the declaring line, with the fix that raises the requirement; and the CLI's behaviour when
// the service fails.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { AdvisoryStore, lookUpAdvisories } from '../../src/scan/dependencies/advisories';
import { proxyFor, withEditorProxy } from '../../src/scan/dependencies/http-transport';
import { checkDependencies } from '../../src/scan/dependency-worker';
import { JsonHttp } from '../../src/scan/dependencies/json-http';
import { OsvClient, type OsvQuery } from '../../src/scan/dependencies/osv-client';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { git, gitInit, runCli, tempDir, writeTree } from './helpers';
import { startOsvServer, type OsvServer } from './osv-server';
import { startRegistryServer, type RegistryServer } from './registry-server';
import { record } from './agent-hooks';
import { UV_WORKSPACE_LOCK } from './workspace-locks';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** The registry packages the CLI tests know; anything else is 404. */
const REGISTRY_PACKAGES = [
  { ecosystem: 'PyPI', name: 'Flask', created: '2010-04-06T14:27:00Z', versions: ['2.2.2', '2.2.5'] },
  { ecosystem: 'PyPI', name: 'requests', created: '2011-02-14T00:00:00Z', versions: ['2.31.0'] },
  { ecosystem: 'PyPI', name: 'flaskk', created: daysAgo(12), versions: ['0.0.1'] },
  { ecosystem: 'PyPI', name: 'brand-new-sdk', created: daysAgo(5), versions: ['0.1.0'] },
  { ecosystem: 'npm', name: 'lodash', created: '2012-04-23T16:37:11Z', versions: ['4.17.15', '4.17.21'] },
  { ecosystem: 'npm', name: 'express', created: '2010-12-29T19:38:25Z', versions: ['4.18.2'] },
  // One edit from `react`, and fine: an established package.
  { ecosystem: 'npm', name: 'preact', created: '2015-09-11T02:40:56Z', versions: ['10.19.3'] },
] as const;

const FLASK: OsvQuery = { ecosystem: 'PyPI', name: 'flask', version: '2.2.2' };

/** `text` with one edit (one-based lines and columns, as the JSON report gives them) applied. */
function applyEdit(text: string, edit: { line: number; column: number; endLine: number; endColumn: number; newText: string }): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((sum, current) => sum + current.length + 1, 0) + column - 1;
  return text.slice(0, offset(edit.line, edit.column)) + edit.newText + text.slice(offset(edit.endLine, edit.endColumn));
}

describe('dependencies against OSV (loopback server)', function () {
  this.timeout(30_000);
  let server: OsvServer;
  let scratch: ReturnType<typeof tempDir>;
  const storeFile = () => join(scratch.path, 'osv-cache.json');
  const client = (options: { timeoutMs?: number; retries?: number } = {}) => new OsvClient({ baseUrl: server.url, maxRetryWaitMs: 50, ...options });

  beforeEach(async () => {
    server = await startOsvServer();
    scratch = tempDir();
  });
  afterEach(async () => {
    await server.close();
    scratch.remove();
  });

  describe('the OSV client', () => {
    it('asks for 1,000 package versions per batch request at most', async () => {
      const queries = Array.from({ length: 2_500 }, (_, index): OsvQuery => ({ ecosystem: 'npm', name: `package-${index}`, version: '1.0.0' }));
      queries[1_700] = { ecosystem: 'npm', name: 'lodash', version: '4.17.15' };
      const ids = await client().affecting(queries);
      assert.equal(ids.length, 2_500);
      assert.deepEqual(ids[1_700], ['GHSA-35jh-r3h4-6jhm', 'GHSA-p6mc-m468-83gw']);
      assert.deepEqual(
        server.requests.map((request) => `${request.method} ${request.path} ${(request.body as { queries: unknown[] }).queries.length}`),
        ['POST /v1/querybatch 1000', 'POST /v1/querybatch 1000', 'POST /v1/querybatch 500'],
      );
    });

    it('sends only ecosystem, name and version', async () => {
      await client().affecting([FLASK]);
      assert.deepEqual(server.requests[0].body, { queries: [{ package: { name: 'flask', ecosystem: 'PyPI' }, version: '2.2.2' }] });
    });

    it('retries after 429 (Retry-After) and 5xx, and after a dropped connection', async () => {
      server.fault({ kind: 'status', status: 429, retryAfterSeconds: 0 });
      server.fault({ kind: 'drop' });
      assert.deepEqual((await client().affecting([FLASK]))[0].sort(), ['GHSA-m2qf-hxjv-5gpq', 'PYSEC-2023-62']);
      assert.equal(server.requests.length, 3);
    });

    it('gives up after a bounded number of attempts, with the status in the error', async () => {
      server.fault({ kind: 'status', status: 503 }, 10);
      await assert.rejects(client({ retries: 2 }).affecting([FLASK]), /OSV answered POST \/v1\/querybatch with HTTP 503/);
      assert.equal(server.requests.length, 3);
    });

    it('does not retry a malformed answer or a client error, and says which', async () => {
      server.fault({ kind: 'malformed' });
      await assert.rejects(client().affecting([FLASK]), /a body that is not JSON/);
      server.fault({ kind: 'status', status: 400 });
      await assert.rejects(client().record('GHSA-m2qf-hxjv-5gpq'), /HTTP 400/);
      assert.equal(server.requests.length, 2);
    });

    it('stops waiting for a slow answer at its timeout', async () => {
      server.fault({ kind: 'slow', delayMs: 2_000 }, 5);
      await assert.rejects(client({ timeoutMs: 100, retries: 1 }).affecting([FLASK]), /no answer from 127\.0\.0\.1:\d+ within 0\.1 s/);
    });
  });

  describe('proxies', () => {
    it('takes the proxy from the usual variables, unless NO_PROXY exempts the host', () => {
      const env = { HTTPS_PROXY: 'http://proxy.corp:3128', http_proxy: 'proxy.corp:8080', NO_PROXY: 'localhost,.internal.example, pypi.org' };
      assert.equal(proxyFor(new URL('https://api.osv.dev/v1/querybatch'), env)?.href, 'http://proxy.corp:3128/');
      assert.equal(proxyFor(new URL('http://registry.example/x'), env)?.href, 'http://proxy.corp:8080/');
      for (const exempt of ['https://pypi.org/pypi/flask/json', 'https://mirror.internal.example/', 'http://localhost:4873/'])
        assert.equal(proxyFor(new URL(exempt), env), undefined, exempt);
      assert.equal(proxyFor(new URL('https://api.osv.dev/'), {}), undefined);
    });

    it('sends plain HTTP requests through the proxy, with the full address', async () => {
      const seen: string[] = [];
      // A real forwarding proxy on loopback: it relays the request to the address in its path.
      const proxy = createServer((incoming, outgoing) => {
        seen.push(`${incoming.method} ${incoming.url}`);
        const target = new URL(incoming.url!);
        const relay = httpRequest(target, { method: incoming.method, headers: incoming.headers }, (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        });
        incoming.pipe(relay);
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      try {
        const http = new JsonHttp('OSV', { env: { HTTP_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` } });
        const answer = await http.request('GET', `${server.url}/v1/vulns/GHSA-m2qf-hxjv-5gpq`);
        assert.equal((answer.body as { id: string }).id, 'GHSA-m2qf-hxjv-5gpq');
        assert.deepEqual(seen, [`GET ${server.url}/v1/vulns/GHSA-m2qf-hxjv-5gpq`]);
      } finally {
        await new Promise<void>((resolve) => proxy.close(() => resolve()));
      }
    });

    it("applies VS Code's http.proxy over the variables, and adds http.noProxy to NO_PROXY", () => {
      const env = { HTTPS_PROXY: 'http://env-proxy:3128', NO_PROXY: 'internal.example' };
      assert.deepEqual(withEditorProxy(env, undefined), env);
      assert.deepEqual(withEditorProxy(env, { noProxy: [] }), env);
      const applied = withEditorProxy(env, { proxy: 'http://editor-proxy:8080', noProxy: ['registry.corp'] });
      assert.equal(proxyFor(new URL('https://api.osv.dev/'), applied)?.host, 'editor-proxy:8080');
      assert.equal(proxyFor(new URL('https://registry.corp/'), applied), undefined);
      assert.equal(proxyFor(new URL('https://internal.example/'), applied), undefined);
    });

    it("sends the editor's dependency check through VS Code's proxy", async () => {
      const seen: string[] = [];
      const proxy = createServer((incoming, outgoing) => {
        seen.push(`${incoming.method} ${new URL(incoming.url!).pathname}`);
        const relay = httpRequest(new URL(incoming.url!), { method: incoming.method, headers: incoming.headers }, (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        });
        incoming.pipe(relay);
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const saved = { ...process.env };
      Object.assign(process.env, { LASTLINE_OSV_URL: server.url, LASTLINE_PYPI_URL: server.url, XDG_CACHE_HOME: join(scratch.path, '.cache') });
      delete process.env.LASTLINE_OFFLINE;
      try {
        const { facts } = await checkDependencies({
          projectRoot: scratch.path,
          path: 'requirements.txt',
          text: 'Flask==2.2.2\n',
          maxFileSize: 1_000_000,
          offline: false,
          proxy: { proxy: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, noProxy: [] },
        });
        assert.deepEqual(
          [...facts.advisories.values()].flat().map((advisory) => advisory.id),
          ['GHSA-m2qf-hxjv-5gpq'],
        );
        assert.ok(seen.includes('POST /v1/querybatch'), seen.join(', '));
      } finally {
        for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
        Object.assign(process.env, saved);
        await new Promise<void>((resolve) => proxy.close(() => resolve()));
      }
    });
  });

  describe('advisory look-up and its cache', () => {
    it('answers a second look-up from the cache, without a request', async () => {
      const queries: OsvQuery[] = [FLASK, { ecosystem: 'npm', name: 'lodash', version: '4.17.20' }, { ecosystem: 'npm', name: 'lodash', version: '4.17.21' }];
      const cold = await lookUpAdvisories(queries, AdvisoryStore.open(storeFile()), client());
      // One batch, then each advisory record once.
      assert.deepEqual(server.requests.map((request) => `${request.method} ${request.path}`).sort(), [
        'GET /v1/vulns/GHSA-35jh-r3h4-6jhm',
        'GET /v1/vulns/GHSA-m2qf-hxjv-5gpq',
        'GET /v1/vulns/PYSEC-2023-62',
        'POST /v1/querybatch',
      ]);
      const warm = await lookUpAdvisories(queries, AdvisoryStore.open(storeFile()), client());
      assert.equal(warm.requests, 0);
      assert.deepEqual(warm.advisories, cold.advisories);
      // The same flaw from GitHub and PyPA is one advisory, with the fixed version GitHub's record names.
      assert.deepEqual(cold.advisories.get('PyPI\0flask\x002.2.2'), [
        {
          id: 'GHSA-m2qf-hxjv-5gpq',
          aliases: ['CVE-2023-30861', 'PYSEC-2023-62'],
          summary: cold.advisories.get('PyPI\0flask\x002.2.2')![0].summary,
          severity: 'high',
          firstFixed: '2.2.5',
        },
      ]);
      assert.deepEqual(cold.advisories.get('npm\0lodash\x004.17.21'), []);
      assert.deepEqual(cold.missing, []);
    });

    it('offline, answers from the cache and names what it lacks; never "no advisory"', async () => {
      await lookUpAdvisories([FLASK], AdvisoryStore.open(storeFile()), client());
      const offline = await lookUpAdvisories([FLASK, { ecosystem: 'npm', name: 'minimist', version: '1.2.5' }], AdvisoryStore.open(storeFile()), undefined);
      assert.equal(offline.advisories.get('PyPI\0flask\x002.2.2')?.length, 1);
      assert.equal(offline.advisories.has('npm\0minimist\x001.2.5'), false);
      assert.deepEqual(offline.missing, [{ ecosystem: 'npm', name: 'minimist', version: '1.2.5' }]);
      assert.match(offline.problem ?? '', /offline/);
    });

    it('when the service fails, says so and answers nothing it did not get', async () => {
      server.fault({ kind: 'drop' }, 10);
      const failed = await lookUpAdvisories([FLASK], AdvisoryStore.open(storeFile()), client({ retries: 1 }));
      assert.equal(failed.advisories.size, 0);
      assert.deepEqual(failed.missing, [FLASK]);
      assert.match(failed.problem ?? '', /^OSV did not answer/);
    });

    it('ignores a damaged cache file', async () => {
      writeTree(scratch.path, { 'osv-cache.json': '{"format":1,"queries":{"PyPI\\u0000flask\\u00002.2.2":{"ids":"not a list","at":1}},"advisories":[]}' });
      const lookup = await lookUpAdvisories([FLASK], AdvisoryStore.open(storeFile()), client());
      assert.equal(lookup.advisories.get('PyPI\0flask\x002.2.2')?.[0].id, 'GHSA-m2qf-hxjv-5gpq');
    });
  });

  describe('lastline scan', () => {
    const VARIABLES = ['LASTLINE_OSV_URL', 'LASTLINE_NPM_REGISTRY_URL', 'LASTLINE_PYPI_URL', 'LASTLINE_OFFLINE', 'XDG_CACHE_HOME'] as const;
    let saved: Partial<Record<(typeof VARIABLES)[number], string>>;
    let registry: RegistryServer;
    beforeEach(async () => {
      saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
      registry = await startRegistryServer(REGISTRY_PACKAGES);
      process.env.LASTLINE_OSV_URL = server.url;
      process.env.LASTLINE_NPM_REGISTRY_URL = registry.url;
      process.env.LASTLINE_PYPI_URL = registry.url;
      delete process.env.LASTLINE_OFFLINE;
      process.env.XDG_CACHE_HOME = join(scratch.path, '.cache'); // each test its own dependency cache
    });
    afterEach(async () => {
      await registry.close();
      for (const [key, value] of Object.entries(saved) as [(typeof VARIABLES)[number], string | undefined][]) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    const PROJECT = {
      'requirements.txt': '# the assistant pinned it\nFlask==2.2.2\nrequests>=2.31\n',
      'package.json': '{\n  "name": "tool",\n  "dependencies": {\n    "lodash": "^4.17.15",\n    "express": "4.18.2"\n  }\n}\n',
      'package-lock.json':
        '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": { "name": "tool" },\n    "node_modules/lodash": { "version": "4.17.15" },\n    "node_modules/express": { "version": "4.18.2" },\n    "node_modules/minimist": { "version": "1.2.5" }\n  }\n}\n',
    };

    interface JsonFinding {
      ruleId: string;
      severity: string;
      file: string;
      line: number;
      message: string;
      fixes: { title: string; edits: { newText: string }[] }[];
    }
    const dependencyFindings = (stdout: string) =>
      (JSON.parse(stdout) as { findings: JsonFinding[] }).findings.filter((finding) => finding.ruleId === 'vulnerable-dependency');

    it('reports vulnerable versions at the declaring line, transitive ones in the lock, with the raising fix', async () => {
      writeTree(scratch.path, PROJECT);
      const run = await runCli(scratch.path, 'scan', '--format', 'json', '--no-cache');
      assert.equal(run.code, 1, run.stderr);
      const findings = dependencyFindings(run.stdout);
      assert.deepEqual(
        findings.map(
          (finding) =>
            `${finding.file}:${finding.line} ${finding.severity} ${finding.fixes.map((fix) => fix.edits.map((edit) => edit.newText).join()).join(' | ')}`,
        ),
        ['package-lock.json:7 error ', 'package.json:4 error ^4.17.21', 'requirements.txt:2 error ==2.2.5'],
      );
      assert.match(
        findings[2].message,
        /^`Flask` 2\.2\.2 is affected by a published advisory \(high\): GHSA-m2qf-hxjv-5gpq \(CVE-2023-30861, PYSEC-2023-62\)\. Fixed in 2\.2\.5\.$/,
      );
      assert.match(findings[1].message, /`lodash` 4\.17\.15 is affected by 2 published advisories \(high\): .*Fixed in 4\.17\.21\./);
      assert.match(findings[0].message, /`minimist` 1\.2\.5 .*\(critical\).*Fixed in 1\.2\.6\. It is a dependency of a dependency/);
      assert.equal(run.stderr, '');
    });

    it('--offline answers from the advisory cache; what it lacks is named, and the exit code stays', async () => {
      writeTree(scratch.path, PROJECT);
      await runCli(scratch.path, 'scan', '--format', 'json', '--no-cache');
      const requestsBefore = server.requests.length;
      const offline = await runCli(scratch.path, 'scan', '--format', 'json', '--no-cache', '--offline');
      assert.equal(server.requests.length, requestsBefore, 'no request offline');
      assert.equal(dependencyFindings(offline.stdout).length, 3);
      writeTree(scratch.path, { 'requirements.txt': 'Flask==2.3.1\n' });
      const lacking = await runCli(scratch.path, 'scan', '--format', 'json', '--no-cache', '--offline');
      assert.equal(lacking.code, 1);
      assert.match(
        lacking.stderr,
        /^1 dependency look-up \(advisories, registry\) had no answer: offline, and the cache has no answer for them \(run without --offline to look them up\)$/,
      );
    });

    it('`lastline deps` lists every dependency with the version checked and its status', async () => {
      writeTree(scratch.path, PROJECT);
      const run = await runCli(scratch.path, 'deps', '--format', 'json');
      assert.equal(run.code, 1, run.stderr);
      const rows = (
        JSON.parse(run.stdout) as {
          dependencies: { file: string; line: number; name: string; version: string | null; direct: boolean; status: string; advisories: { id: string }[] }[];
        }
      ).dependencies;
      assert.deepEqual(
        rows.map(
          (row) =>
            `${row.file}:${row.line} ${row.name} ${row.version ?? '-'} ${row.direct ? 'direct' : 'locked'} ${row.status} ${row.advisories.map((advisory) => advisory.id).join(',')}`,
        ),
        [
          'package-lock.json:7 minimist 1.2.5 locked vulnerable GHSA-xvch-5gv4-984h',
          'package.json:4 lodash 4.17.15 direct vulnerable GHSA-35jh-r3h4-6jhm,GHSA-p6mc-m468-83gw',
          'package.json:5 express 4.18.2 direct ok ',
          'requirements.txt:2 Flask 2.2.2 direct vulnerable GHSA-m2qf-hxjv-5gpq',
          'requirements.txt:3 requests - direct unresolved ',
        ],
      );
      const text = await runCli(scratch.path, 'deps');
      assert.match(text.stdout, /^Flask +2\.2\.2 +direct +requirements\.txt:2 +VULNERABLE: GHSA-m2qf-hxjv-5gpq \(high\), fixed in 2\.2\.5$/m);
      assert.match(text.stdout, /\n5 dependencies: 3 vulnerable, 1 ok, 1 unresolved, 0 not checked\.$/);
    });

    it('reports packages the registry does not know, new ones, and young look-alikes of popular ones', async () => {
      writeTree(scratch.path, {
        'requirements.txt': 'Flask==2.2.5\nfastapi-auth-helperz==0.1.0  # added by the assistant\nflaskk==0.0.1\nbrand-new-sdk==0.1.0\n',
        'package.json': '{\n  "dependencies": {\n    "preact": "^10.19.3",\n    "expresss-validator-plus": "^1.0.0"\n  }\n}\n',
      });
      const run = await runCli(scratch.path, 'scan', '--format', 'json', '--no-cache');
      assert.equal(run.code, 1, run.stderr);
      const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.filter((finding) => finding.ruleId === 'unknown-dependency');
      assert.deepEqual(
        findings.map((finding) => `${finding.file}:${finding.line} ${finding.severity} ${finding.message.split(':')[0]} | ${finding.fixes[0]?.title}`),
        [
          'package.json:4 error `expresss-validator-plus` does not exist on the npm registry | Remove expresss-validator-plus',
          'requirements.txt:2 error `fastapi-auth-helperz` does not exist on PyPI | Remove fastapi-auth-helperz',
          'requirements.txt:3 warning `flaskk` is one letter away from the popular `flask` and was first published 12 days ago | Remove flaskk',
          'requirements.txt:4 warning `brand-new-sdk` was first published on PyPI 5 days ago (under 30) | Remove brand-new-sdk',
        ],
      );
      // Asked once per package; a second scan asks the cache.
      const asked = registry.requests.length;
      assert.equal(asked, 6);
      await runCli(scratch.path, 'scan', '--format', 'json', '--no-cache');
      assert.equal(registry.requests.length, asked);
    });

    const WORKSPACE = {
      'package.json': '{\n  "name": "monorepo",\n  "private": true,\n  "workspaces": ["packages/*"]\n}\n',
      'package-lock.json': `{
  "name": "monorepo",
  "lockfileVersion": 3,
  "packages": {
    "": { "name": "monorepo", "workspaces": ["packages/*"] },
    "node_modules/app": { "resolved": "packages/app", "link": true },
    "node_modules/express": { "version": "4.18.2" },
    "node_modules/lodash": { "version": "4.17.15" },
    "packages/app": { "version": "1.0.0", "dependencies": { "express": "^4.18.0", "lodash": "^4.17.15" } }
  }
}
`,
      'packages/app/package.json': `{
  "name": "app",
  "dependencies": {
    "express": "^4.18.0",
    "lodash": "^4.17.15"
  }
}
`,
      // Not a member: the root's lock says nothing of what it installs.
      'tools/script/package.json': '{\n  "dependencies": {\n    "lodash": "^4.17.15"\n  }\n}\n',
      'pyproject.toml': '[project]\nname = "shop"\nversion = "0.1.0"\n\n[tool.uv.workspace]\nmembers = ["apps/*"]\n',
      'uv.lock': UV_WORKSPACE_LOCK,
      'apps/api/pyproject.toml': '[project]\nname = "api"\nversion = "0.1.0"\ndependencies = [\n    "Flask>=2",\n]\n',
    };

    it("resolves a workspace member's ranges through the root's lock, and reports at the member's line (not the lock's)", async () => {
      writeTree(scratch.path, WORKSPACE);
      const run = await runCli(scratch.path, 'scan', '--format', 'json', '--no-cache');
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(
        dependencyFindings(run.stdout).map(
          (finding) =>
            `${finding.file}:${finding.line} ${finding.message.split(' is affected')[0]} ${finding.fixes.map((fix) => fix.edits.map((edit) => edit.newText).join()).join(' | ')}`,
        ),
        ['apps/api/pyproject.toml:5 `Flask` 2.2.2 >=2.2.5', 'packages/app/package.json:5 `lodash` 4.17.15 ^4.17.21'],
      );
      const deps = await runCli(scratch.path, 'deps', '--format', 'json');
      const rows = (
        JSON.parse(deps.stdout) as { dependencies: { file: string; line: number; name: string; version: string | null; direct: boolean; status: string }[] }
      ).dependencies;
      assert.deepEqual(
        rows.map((row) => `${row.file}:${row.line} ${row.name} ${row.version ?? '-'} ${row.direct ? 'direct' : 'locked'} ${row.status}`),
        [
          'apps/api/pyproject.toml:5 Flask 2.2.2 direct vulnerable',
          'packages/app/package.json:4 express 4.18.2 direct ok',
          'packages/app/package.json:5 lodash 4.17.15 direct vulnerable',
          'tools/script/package.json:3 lodash - direct unresolved',
          // Only the root's path dependency (not a member) requires it.
          'uv.lock:28 requests 2.31.0 locked ok',
        ],
      );
    });

    it('resolves a member scanned alone through the lock at the workspace root, outside the scanned folder', async () => {
      writeTree(scratch.path, WORKSPACE);
      gitInit(scratch.path); // the repository's root is the project's
      const run = await runCli(join(scratch.path, 'packages', 'app'), 'scan', '.', '--format', 'json', '--no-cache');
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(
        dependencyFindings(run.stdout).map((finding) => `${finding.file}:${finding.line} ${finding.message.split(' is affected')[0]}`),
        ['package.json:5 `lodash` 4.17.15'],
      );
      const deps = await runCli(scratch.path, 'deps', 'apps/api', '--format', 'json');
      const rows = (JSON.parse(deps.stdout) as { dependencies: { file: string; name: string; version: string | null; status: string }[] }).dependencies;
      // The root's own entries stay out of a member's rows.
      assert.deepEqual(
        rows.map((row) => `${row.file} ${row.name} ${row.version ?? '-'} ${row.status}`),
        ['apps/api/pyproject.toml Flask 2.2.2 vulnerable'],
      );
    });

    it("does not ask the registry about a member's sibling in the workspace; a name the lock does not link is asked", async () => {
      writeTree(scratch.path, {
        'package.json': '{ "name": "root", "workspaces": ["packages/*"] }\n',
        'package-lock.json': `{
  "lockfileVersion": 3,
  "packages": {
    "": { "name": "root", "workspaces": ["packages/*"] },
    "packages/app": { "name": "@acme/app", "dependencies": { "@acme/shared": "*", "expresss-validator-plus": "^1.0.0" } },
    "packages/shared": { "name": "@acme/shared", "version": "1.0.0" },
    "node_modules/@acme/shared": { "resolved": "packages/shared", "link": true },
    "node_modules/@acme/app": { "resolved": "packages/app", "link": true }
  }
}
`,
        'packages/app/package.json': `{
  "name": "@acme/app",
  "dependencies": {
    "@acme/shared": "*",
    "expresss-validator-plus": "^1.0.0"
  }
}
`,
        'packages/shared/package.json': '{ "name": "@acme/shared", "version": "1.0.0" }\n',
      });
      const run = await runCli(scratch.path, 'scan', '--format', 'json', '--no-cache');
      const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.filter((finding) => finding.ruleId === 'unknown-dependency');
      assert.deepEqual(
        findings.map((finding) => `${finding.file}:${finding.line} ${finding.message.split(':')[0]}`),
        ['packages/app/package.json:5 `expresss-validator-plus` does not exist on the npm registry'],
      );
      assert.ok(!registry.requests.some((request) => request.includes('acme')), registry.requests.join(', '));
      assert.equal(run.stderr, '');
    });

    it('scan --staged resolves a staged member through the root lock the commit does not touch', async () => {
      gitInit(scratch.path);
      writeTree(scratch.path, WORKSPACE);
      git(scratch.path, 'add', 'packages/app/package.json');
      const staged = await runCli(scratch.path, 'scan', '--staged', '--format', 'json', '--no-cache');
      assert.deepEqual(
        dependencyFindings(staged.stdout).map((finding) => `${finding.file}:${finding.line} ${finding.message.split(' is affected')[0]}`),
        ['packages/app/package.json:5 `lodash` 4.17.15'],
      );
    });

    it("checks each of Poetry's constraints against the version the lock holds for it", async () => {
      writeTree(scratch.path, {
        'pyproject.toml': `[tool.poetry]
name = "shop"

[tool.poetry.dependencies]
python = "^3.8"
Flask = [
    { version = "<2.3", python = "<3.8" },
    { version = "^2.3", python = ">=3.8" },
]
`,
        'poetry.lock': '[[package]]\nname = "flask"\nversion = "2.2.2"\n\n[[package]]\nname = "flask"\nversion = "2.3.3"\n',
      });
      const run = await runCli(scratch.path, 'scan', '--format', 'json', '--no-cache');
      assert.deepEqual(
        dependencyFindings(run.stdout).map((finding) => `${finding.file}:${finding.line} ${finding.message.split('.')[0]}`),
        ['pyproject.toml:7 `Flask` 2'],
      );
      const deps = await runCli(scratch.path, 'deps', '--format', 'json');
      const rows = (JSON.parse(deps.stdout) as { dependencies: { file: string; line: number; spec: string; version: string | null; status: string }[] })
        .dependencies;
      assert.deepEqual(
        rows.map((row) => `${row.file}:${row.line} ${row.spec} ${row.version ?? '-'} ${row.status}`),
        ['pyproject.toml:7 <2.3 2.2.2 vulnerable', 'pyproject.toml:8 ^2.3 2.3.3 ok'],
      );
    });

    it('offers to remove an unknown package from a PEP 621 array and a Poetry package of several constraints (reported once)', async () => {
      const pyproject = `[project]
name = "shop"
dependencies = ["Flask==2.2.5", "fastapi-auth-helperz>=0.1"]

[tool.poetry.group.dev.dependencies]
fake-helperz = [
    { version = "<1", python = "<3.8" },
    { version = "^1", python = ">=3.8" },
]
`;
      writeTree(scratch.path, { 'pyproject.toml': pyproject });
      const run = await runCli(scratch.path, 'scan', '--format', 'json', '--no-cache');
      type Edit = { line: number; column: number; endLine: number; endColumn: number; newText: string };
      const findings = (JSON.parse(run.stdout) as { findings: (JsonFinding & { fixes: { title: string; edits: Edit[] }[] })[] }).findings.filter(
        (finding) => finding.ruleId === 'unknown-dependency',
      );
      assert.deepEqual(
        findings.map((finding) => `${finding.line} ${finding.message.split(':')[0]} | ${finding.fixes[0]?.title}`),
        ['3 `fastapi-auth-helperz` does not exist on PyPI | Remove fastapi-auth-helperz', '6 `fake-helperz` does not exist on PyPI | Remove fake-helperz'],
      );
      const applied = findings.map((finding) => applyEdit(pyproject, finding.fixes[0].edits[0]));
      assert.equal(applied[0], pyproject.replace('"Flask==2.2.5", "fastapi-auth-helperz>=0.1"', '"Flask==2.2.5"'));
      assert.equal(
        applied[1],
        pyproject.replace('fake-helperz = [\n    { version = "<1", python = "<3.8" },\n    { version = "^1", python = ">=3.8" },\n]\n', ''),
      );
    });

    it('scan --staged checks the dependencies as the index holds them', async () => {
      gitInit(scratch.path);
      writeTree(scratch.path, { 'requirements.txt': 'Flask==2.2.2\n' });
      git(scratch.path, 'add', 'requirements.txt');
      writeTree(scratch.path, { 'requirements.txt': 'Flask==2.2.5\n' }); // the working tree moved on
      const staged = await runCli(scratch.path, 'scan', '--staged', '--format', 'json', '--no-cache');
      assert.deepEqual(
        dependencyFindings(staged.stdout).map((finding) => `${finding.file}:${finding.line} ${finding.message.slice(0, 20)}`),
        ['requirements.txt:1 `Flask` 2.2.2 is aff'],
      );
      const tree = await runCli(scratch.path, 'scan', '--format', 'json', '--no-cache');
      assert.deepEqual(dependencyFindings(tree.stdout), []);
    });

    it('tells the agent, as it writes a manifest, about the packages it added that do not exist or are vulnerable', async () => {
      gitInit(scratch.path);
      writeTree(scratch.path, { 'requirements.txt': 'requests==2.31.0\n' });
      git(scratch.path, 'add', '.');
      git(scratch.path, 'commit', '-qm', 'a person pinned requests');
      const content = 'requests==2.31.0\nFlask==2.2.2\nfastapi-auth-helperz==0.1.0\n';
      writeTree(scratch.path, { 'requirements.txt': content });
      const post = await record(scratch.path, {
        session_id: 'session-1',
        transcript_path: join(scratch.path, '.transcript.jsonl'),
        cwd: scratch.path,
        hook_event_name: 'PostToolUse',
        tool_name: 'Write',
        tool_use_id: 'toolu_1',
        tool_input: { file_path: join(scratch.path, 'requirements.txt'), content },
      });
      assert.equal(post.code, 0, post.stderr);
      const reason = (JSON.parse(post.stdout) as { reason: string }).reason;
      assert.deepEqual(
        reason
          .split('\n')
          .filter((line) => line.startsWith('- '))
          .map((line) => line.split('] ')[0]),
        ['- requirements.txt:2 [vulnerable-dependency, error', '- requirements.txt:3 [unknown-dependency, error'],
      );
      assert.match(reason, /requirements\.txt:2 .*Fix: Require Flask ==2\.2\.5 \(fixes GHSA-m2qf-hxjv-5gpq\)\./);
    });

    it("follows pip's -r includes: a requirements file under any name is checked", async () => {
      writeTree(scratch.path, {
        'requirements.txt': '-r common/base.txt\nrequests>=2.31\n',
        'common/base.txt': '-r ../pins.txt\n',
        'pins.txt': 'Flask==2.2.2\n',
        'notes.txt': 'Flask==2.2.2 is what we run\n',
      });
      const run = await runCli(scratch.path, 'scan', '--format', 'json', '--no-cache');
      assert.deepEqual(
        dependencyFindings(run.stdout).map((finding) => `${finding.file}:${finding.line}`),
        ['pins.txt:1'],
      );
    });

    it('says so, once, and exits 2 when OSV fails: never a false "no vulnerabilities"', async () => {
      writeTree(scratch.path, { 'requirements.txt': 'Flask==2.2.2\n' });
      server.fault({ kind: 'status', status: 503 }, 100);
      const run = await runCli(scratch.path, 'scan', '--no-cache');
      assert.equal(run.code, 2);
      assert.match(
        run.stderr,
        /^\d dependency look-ups? \(advisories, registry\) had no answer: OSV did not answer \(OSV answered POST \/v1\/querybatch with HTTP 503\)$/,
      );
    });
  });
});
