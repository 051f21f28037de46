// `lastline deps sync` and the offline answers from OSV's exports: the range evaluation against
// the OSV schema's rules (and against the loopback OSV server's own, independently written
// oracle), the sync against a real HTTP server on loopback serving zip exports (ETag, retries,
// a dropped connection, a body that is no zip), and the CLI answering --offline from the index
// exactly as OSV's API answered online.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ecosystem } from '../../src/core/dependencies/model';
import { affectsVersion, type OsvAffected } from '../../src/core/dependencies/osv-ranges';
import { runCli, tempDir, writeTree } from './helpers';
import { startExportServer, type ExportServer } from './osv-export-server';
import { startOsvServer, type OsvServer } from './osv-server';
import { isInRange, isListedVersion, type OsvRange } from './osv-versions';

const VULNS = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'osv', 'vulns');
const FIXTURE_RECORDS = readdirSync(VULNS).map(
  (name) => JSON.parse(readFileSync(join(VULNS, name), 'utf8')) as { id: string; affected: (OsvAffected & { package: { ecosystem: string; name: string } })[] },
);

const range = (...events: Record<string, string>[]): OsvAffected => ({ ranges: [{ type: 'ECOSYSTEM', events }] });

describe('OSV range evaluation (offline exports)', () => {
  const cases: [string, OsvAffected, Ecosystem, string, string][] = [
    ['introduced 0, below fixed', range({ introduced: '0' }, { fixed: '4.17.21' }), 'npm', '4.17.20', 'affected'],
    ['at fixed', range({ introduced: '0' }, { fixed: '4.17.21' }), 'npm', '4.17.21', 'not affected'],
    ['below introduced', range({ introduced: '1.0.0' }, { fixed: '1.2.6' }), 'npm', '0.9.0', 'not affected'],
    ['at last_affected', range({ introduced: '0' }, { last_affected: '2.88.2' }), 'npm', '2.88.2', 'affected'],
    ['past last_affected', range({ introduced: '0' }, { last_affected: '2.88.2' }), 'npm', '2.88.3', 'not affected'],
    ['at limit', range({ introduced: '0' }, { limit: '3.0.0' }), 'npm', '3.0.0', 'not affected'],
    ['no end: every later version', range({ introduced: '2.0.0' }), 'npm', '9.9.9', 'affected'],
    [
      'between two ranges in one (events out of order)',
      range({ introduced: '2.3.0' }, { fixed: '2.2.5' }, { introduced: '0' }, { fixed: '2.3.2' }),
      'PyPI',
      '2.3.0',
      'affected',
    ],
    [
      'the gap between two ranges',
      range({ introduced: '0' }, { fixed: '2.2.5' }, { introduced: '2.3.0' }, { fixed: '2.3.2' }),
      'PyPI',
      '2.2.5',
      'not affected',
    ],
    ['a prerelease below the fix', range({ introduced: '0' }, { fixed: '1.0.0' }), 'npm', '1.0.0-rc.1', 'affected'],
    ['PEP 440: 2.2 is 2.2.0', { versions: ['2.2.0'] }, 'PyPI', '2.2', 'affected'],
    ['PEP 440 post release past the fix', range({ introduced: '0' }, { fixed: '2.2.5' }), 'PyPI', '2.2.5.post1', 'not affected'],
    ['listed exactly', { versions: ['0.0.1-security'] }, 'npm', '0.0.1-security', 'affected'],
    [
      'GIT ranges name commits: not a verdict',
      { ranges: [{ type: 'GIT', events: [{ introduced: '0' }, { fixed: 'a1b2c3' }] }] },
      'PyPI',
      '1.0',
      'not affected',
    ],
    ['an event that is no version: unknown, never "not affected"', range({ introduced: '0' }, { fixed: 'next-major' }), 'npm', '1.0.0', 'unknown'],
    ['a version that is no version: unknown', range({ introduced: '0' }, { fixed: '1.0.0' }), 'npm', 'latest', 'unknown'],
  ];
  for (const [title, affected, ecosystem, version, verdict] of cases) {
    it(`${title}: ${ecosystem} ${version} → ${verdict}`, () => assert.equal(affectsVersion(affected, ecosystem, version), verdict));
  }

  it("agrees with the OSV test server's own evaluation on every recorded advisory", () => {
    let compared = 0;
    for (const record of FIXTURE_RECORDS) {
      for (const affected of record.affected) {
        const ecosystem = affected.package.ecosystem as Ecosystem;
        const bounds = (affected.ranges ?? [])
          .filter((entry) => entry.type !== 'GIT')
          .flatMap((entry) => (entry.events ?? []).flatMap((event) => Object.values(event)));
        const probes = new Set(
          [...bounds, ...(affected.versions ?? [])]
            .filter((version) => version !== '0')
            .flatMap((version) => [
              version,
              `${version}.1`,
              version.replace(/\d+$/, (last) => String(Number(last) + 1)),
              version.replace(/\d+$/, (last) => String(Math.max(0, Number(last) - 1))),
            ]),
        );
        for (const version of probes) {
          const oracle =
            (affected.ranges ?? []).some((entry) => isInRange(version, entry as OsvRange, ecosystem)) ||
            isListedVersion(version, affected.versions ?? [], ecosystem);
          const verdict = affectsVersion(affected, ecosystem, version);
          if (verdict === 'unknown') continue; // the oracle says "no" where it cannot order; Lastline says it does not know
          assert.equal(verdict === 'affected', oracle, `${record.id} ${affected.package.name} ${version}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 100, `${compared} comparisons`);
  });
});

describe('lastline deps sync (loopback export server)', function () {
  this.timeout(60_000);
  const VARIABLES = [
    'LASTLINE_OSV_URL',
    'LASTLINE_OSV_EXPORT_URL',
    'LASTLINE_NPM_REGISTRY_URL',
    'LASTLINE_PYPI_URL',
    'LASTLINE_OFFLINE',
    'XDG_CACHE_HOME',
  ] as const;
  let saved: Partial<Record<(typeof VARIABLES)[number], string>>;
  let exportServer: ExportServer;
  let osv: OsvServer;
  let scratch: ReturnType<typeof tempDir>;

  const MALICIOUS = {
    id: 'MAL-2026-1234',
    summary: 'Malicious code in evil-helper (npm)',
    affected: [{ package: { ecosystem: 'npm', name: 'evil-helper' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }],
  };
  const WITHDRAWN = {
    id: 'GHSA-wwww-wwww-wwww',
    withdrawn: '2024-01-01T00:00:00Z',
    summary: 'withdrawn',
    affected: [{ package: { ecosystem: 'npm', name: 'express' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }],
  };
  const OTHER_ECOSYSTEM = {
    id: 'GO-2026-0001',
    summary: 'Go',
    affected: [{ package: { ecosystem: 'Go', name: 'express' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }],
  };
  const UNREADABLE_RANGE = {
    id: 'GHSA-uuuu-uuuu-uuuu',
    summary: 'odd',
    affected: [
      { package: { ecosystem: 'npm', name: 'odd-versions' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: 'the-next-one' }] }] },
    ],
  };
  const recordsOf = (ecosystem: string) => FIXTURE_RECORDS.filter((record) => record.affected.some((affected) => affected.package.ecosystem === ecosystem));

  const PROJECT = {
    'requirements.txt': 'Flask==2.2.2\nrequests==2.31.0\n',
    'package.json': '{\n  "name": "tool",\n  "dependencies": {\n    "lodash": "4.17.15",\n    "express": "4.18.2",\n    "evil-helper": "1.0.0"\n  }\n}\n',
  };

  beforeEach(async () => {
    saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
    exportServer = await startExportServer();
    osv = await startOsvServer();
    scratch = tempDir();
    await exportServer.publish('npm', [...recordsOf('npm'), MALICIOUS, WITHDRAWN, OTHER_ECOSYSTEM, UNREADABLE_RANGE]);
    await exportServer.publish('PyPI', recordsOf('PyPI'));
    process.env.LASTLINE_OSV_EXPORT_URL = exportServer.url;
    process.env.LASTLINE_OSV_URL = osv.url;
    process.env.LASTLINE_NPM_REGISTRY_URL = 'http://127.0.0.1:9'; // registry answers are not what these tests are about
    process.env.LASTLINE_PYPI_URL = 'http://127.0.0.1:9';
    delete process.env.LASTLINE_OFFLINE;
    process.env.XDG_CACHE_HOME = join(scratch.path, '.cache');
    writeTree(scratch.path, PROJECT);
  });
  afterEach(async () => {
    await exportServer.close();
    await osv.close();
    scratch.remove();
    for (const [key, value] of Object.entries(saved) as [(typeof VARIABLES)[number], string | undefined][]) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  interface Row {
    file: string;
    line: number;
    name: string;
    version: string | null;
    status: string;
    advisories: { id: string; severity?: string; firstFixed?: string }[];
  }
  const rowsOf = (stdout: string) =>
    (JSON.parse(stdout) as { dependencies: Row[] }).dependencies.map(
      (row) =>
        `${row.file}:${row.line} ${row.name} ${row.version} ${row.status} ${row.advisories.map((advisory) => `${advisory.id}/${advisory.severity ?? '-'}/${advisory.firstFixed ?? '-'}`).join(',')}`,
    );

  it("syncs the ecosystems the project uses, then answers --offline as OSV's API answered online", async () => {
    const sync = await runCli(scratch.path, 'deps', 'sync');
    assert.equal(sync.code, 0, sync.stderr);
    assert.deepEqual(sync.stdout.split('\n'), [
      'npm: 6 advisories for 14 packages (0.0 MB downloaded)',
      'PyPI: 2 advisories for 1 package (0.0 MB downloaded)',
    ]);
    // Of the export, only withdrawn advisories and other ecosystems' packages are left out.
    assert.deepEqual(
      exportServer.requests.map((request) => request.path),
      ['/npm/all.zip', '/PyPI/all.zip'],
    );

    const offline = await runCli(scratch.path, 'deps', '--format', 'json', '--offline');
    assert.equal(osv.requests.length, 0, 'the export answered: OSV was not asked');
    assert.deepEqual(rowsOf(offline.stdout), [
      'package.json:4 lodash 4.17.15 vulnerable GHSA-35jh-r3h4-6jhm/high/4.17.21,GHSA-p6mc-m468-83gw/high/4.17.19',
      'package.json:5 express 4.18.2 ok ',
      'package.json:6 evil-helper 1.0.0 vulnerable MAL-2026-1234/-/-',
      'requirements.txt:1 Flask 2.2.2 vulnerable GHSA-m2qf-hxjv-5gpq/high/2.2.5',
      'requirements.txt:2 requests 2.31.0 ok ',
    ]);

    // The same project against OSV's API (the loopback server, from the same records) and a fresh cache.
    process.env.XDG_CACHE_HOME = join(scratch.path, '.other-cache');
    const online = await runCli(scratch.path, 'deps', '--format', 'json');
    assert.ok(osv.requests.length > 0);
    assert.deepEqual(
      rowsOf(online.stdout).filter((row) => !row.includes('evil-helper')),
      rowsOf(offline.stdout).filter((row) => !row.includes('evil-helper')),
    );
  });

  it('scan --offline reports what the export says, at the declaring line', async () => {
    await runCli(scratch.path, 'deps', 'sync', 'npm', 'pypi');
    const scan = await runCli(scratch.path, 'scan', '--format', 'json', '--offline', '--no-cache');
    const findings = (JSON.parse(scan.stdout) as { findings: { ruleId: string; file: string; line: number }[] }).findings.filter(
      (finding) => finding.ruleId === 'vulnerable-dependency',
    );
    assert.deepEqual(
      findings.map((finding) => `${finding.file}:${finding.line}`),
      ['package.json:4', 'package.json:6', 'requirements.txt:1'],
    );
    assert.equal(scan.code, 1);
  });

  it('does not download an unchanged export again (If-None-Match), and keeps the index', async () => {
    await runCli(scratch.path, 'deps', 'sync', 'npm');
    const again = await runCli(scratch.path, 'deps', 'sync', 'npm');
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, 'npm: 6 advisories for 14 packages, unchanged since the last sync');
    assert.ok(exportServer.requests[1].ifNoneMatch, 'the second request names the ETag it has');
    const offline = await runCli(scratch.path, 'deps', '--format', 'json', '--offline');
    assert.ok(rowsOf(offline.stdout).includes('package.json:6 evil-helper 1.0.0 vulnerable MAL-2026-1234/-/-'));
  });

  it('names an export more than a week old when it answers', async () => {
    await runCli(scratch.path, 'deps', 'sync', 'npm');
    const metaFile = join(scratch.path, '.cache', 'lastline', 'osv-exports', 'npm', 'meta.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { syncedAt: string };
    writeFileSync(metaFile, JSON.stringify({ ...meta, syncedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() }));
    writeTree(scratch.path, { 'requirements.txt': '' });
    const scan = await runCli(scratch.path, 'scan', '--format', 'json', '--offline', '--no-cache');
    assert.equal(
      scan.stderr.split('\n').pop(),
      'advisories answered from OSV exports synced npm 10 days ago: newer advisories are missing (lastline deps sync updates them)',
    );
  });

  it('retries a 503 and a connection dropped part-way through the download', async () => {
    exportServer.fault({ kind: 'status', status: 503 });
    exportServer.fault({ kind: 'drop-mid-body' });
    const sync = await runCli(scratch.path, 'deps', 'sync', 'npm');
    assert.equal(sync.code, 0, sync.stderr);
    assert.equal(exportServer.requests.length, 3);
  });

  it('a failed sync says why in one line, exits 2, and keeps the previous index', async () => {
    await runCli(scratch.path, 'deps', 'sync', 'npm');
    await exportServer.publish('npm', [MALICIOUS]); // a new export, so the next sync downloads
    exportServer.fault({ kind: 'not-a-zip' });
    const failed = await runCli(scratch.path, 'deps', 'sync', 'npm');
    assert.equal(failed.code, 2);
    assert.match(
      failed.stderr.split('\n').pop()!,
      /^npm: the sync failed \(the export is not a readable zip file \(.+\)\); the previous index, if any, is kept$/,
    );
    const offline = await runCli(scratch.path, 'deps', '--format', 'json', '--offline');
    assert.ok(
      rowsOf(offline.stdout).some((row) => row.startsWith('package.json:4 lodash 4.17.15 vulnerable')),
      'the previous index still answers',
    );

    exportServer.fault({ kind: 'status', status: 403 });
    const refused = await runCli(scratch.path, 'deps', 'sync', 'npm');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /npm: the sync failed \(127\.0\.0\.1:\d+ answered GET \/npm\/all\.zip with HTTP 403\)/);
  });

  it('leaves a package whose advisory range it cannot evaluate unchecked, never "ok"', async () => {
    await runCli(scratch.path, 'deps', 'sync', 'npm');
    writeTree(scratch.path, { 'package.json': '{ "dependencies": { "odd-versions": "1.0.0", "express": "4.18.2" } }\n', 'requirements.txt': '' });
    const offline = await runCli(scratch.path, 'deps', '--format', 'json', '--offline');
    assert.deepEqual(rowsOf(offline.stdout), ['package.json:1 odd-versions 1.0.0 unchecked ', 'package.json:1 express 4.18.2 ok ']);
  });

  it('after a sync, answers cached from the API are asked again (of the new index)', async () => {
    const online = await runCli(scratch.path, 'deps', '--format', 'json');
    assert.ok(rowsOf(online.stdout).includes('package.json:6 evil-helper 1.0.0 ok '), 'the loopback API has no MAL record');
    await runCli(scratch.path, 'deps', 'sync', 'npm');
    const offline = await runCli(scratch.path, 'deps', '--format', 'json', '--offline');
    assert.ok(rowsOf(offline.stdout).includes('package.json:6 evil-helper 1.0.0 vulnerable MAL-2026-1234/-/-'));
  });

  it('says what is wrong with the command line', async () => {
    assert.match((await runCli(scratch.path, 'deps', 'sync', 'cargo')).stderr, /unknown ecosystem "cargo" \(deps sync knows: npm, PyPI\)/);
    assert.match((await runCli(scratch.path, 'deps', 'sync', '--offline')).stderr, /cannot run --offline/);
    const empty = tempDir();
    try {
      const none = await runCli(empty.path, 'deps', 'sync');
      assert.equal(none.code, 2);
      assert.match(none.stderr, /name them \(lastline deps sync npm PyPI\)/);
    } finally {
      empty.remove();
    }
  });
});
