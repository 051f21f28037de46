// The loopback OSV server is the ground truth for the OSV client's tests, so its answers are checked
// here against the recorded advisories' published facts (fixed versions, ids), not against itself.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { startOsvServer, type OsvServer } from './osv-server';
import { comparePep440, compareSemver, isInRange } from './osv-versions';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'osv', 'vulns');
const fixture = (id: string): { id: string; modified: string } => JSON.parse(readFileSync(join(FIXTURES, `${id}.json`), 'utf8'));

const FLASK_IDS = ['GHSA-m2qf-hxjv-5gpq', 'PYSEC-2023-62'];
const LODASH_PROTOTYPE_POLLUTION = 'GHSA-p6mc-m468-83gw'; // fixed in 4.17.19
const LODASH_COMMAND_INJECTION = 'GHSA-35jh-r3h4-6jhm'; // fixed in 4.17.21
const MINIMIST = 'GHSA-xvch-5gv4-984h'; // fixed in 1.2.6 and 0.2.4
const REQUEST_SSRF = 'GHSA-p8p7-x288-28g6'; // never fixed: last_affected 2.88.2

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One request on a fresh connection (no keep-alive), so a dropped socket cannot leak into the next test. */
function send(url: string, method: string, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = httpRequest(url, { method, agent: false, headers: payload === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

type Query = { package: { name: string; ecosystem: string }; version: string };
const npm = (name: string, version: string): Query => ({ package: { name, ecosystem: 'npm' }, version });
const pypi = (name: string, version: string): Query => ({ package: { name, ecosystem: 'PyPI' }, version });

describe('OSV test server', () => {
  let server: OsvServer;
  beforeEach(async () => (server = await startOsvServer()));
  afterEach(() => server.close());

  /** The vulnerability ids of each query's result, in order. */
  async function batchIds(...queries: Query[]): Promise<string[][]> {
    const reply = await send(`${server.url}/v1/querybatch`, 'POST', { queries });
    assert.equal(reply.status, 200, reply.text);
    const { results } = JSON.parse(reply.text) as { results: Array<{ vulns?: Array<{ id: string }> }> };
    assert.equal(results.length, queries.length);
    return results.map((result) => (result.vulns ?? []).map((vuln) => vuln.id));
  }

  describe('POST /v1/querybatch', () => {
    it('finds both Flask records for flask 2.2.2, answering with id and modified only', async () => {
      const reply = await send(`${server.url}/v1/querybatch`, 'POST', { queries: [pypi('flask', '2.2.2')] });
      assert.equal(reply.status, 200);
      assert.match(String(reply.headers['content-type']), /^application\/json/);
      assert.deepEqual(JSON.parse(reply.text), {
        results: [{ vulns: FLASK_IDS.map((id) => ({ id, modified: fixture(id).modified })) }],
      });
    });

    it('answers {} for a version with no vulnerability', async () => {
      const reply = await send(`${server.url}/v1/querybatch`, 'POST', { queries: [pypi('flask', '2.2.5')] });
      assert.deepEqual(JSON.parse(reply.text), { results: [{}] });
    });

    it('follows both of Flask fixed versions: 2.2.5 on the 2.2 line, 2.3.2 on the 2.3 line', async () => {
      const versions = ['2.2.4', '2.2.5', '2.3.0', '2.3.1', '2.3.2', '2.0.0rc1', '1.0', '3.0.0'];
      const ids = await batchIds(...versions.map((version) => pypi('flask', version)));
      assert.deepEqual(Object.fromEntries(versions.map((version, i) => [version, ids[i]])), {
        '2.2.4': FLASK_IDS,
        '2.2.5': [],
        '2.3.0': FLASK_IDS,
        '2.3.1': FLASK_IDS,
        '2.3.2': [],
        '2.0.0rc1': FLASK_IDS,
        '1.0': FLASK_IDS,
        '3.0.0': [],
      });
    });

    it('follows lodash fixed versions: 4.17.19 for prototype pollution, 4.17.21 for command injection', async () => {
      const versions = ['4.17.15', '4.17.19', '4.17.20', '4.17.21', '3.6.0'];
      const ids = await batchIds(...versions.map((version) => npm('lodash', version)));
      assert.deepEqual(ids, [
        [LODASH_COMMAND_INJECTION, LODASH_PROTOTYPE_POLLUTION],
        [LODASH_COMMAND_INJECTION],
        [LODASH_COMMAND_INJECTION],
        [],
        // The prototype pollution was introduced in 3.7.0.
        [LODASH_COMMAND_INJECTION],
      ]);
    });

    it('follows both minimist fixed versions (1.2.6 and 0.2.4)', async () => {
      const ids = await batchIds(...['1.2.5', '1.2.6', '1.0.0', '0.2.3', '0.2.4'].map((version) => npm('minimist', version)));
      assert.deepEqual(ids, [[MINIMIST], [], [MINIMIST], [MINIMIST], []]);
    });

    it('treats a package with no fixed version as affected up to its last_affected version', async () => {
      const ids = await batchIds(
        npm('request', '2.88.2'),
        npm('request', '2.0.0'),
        npm('request', '2.88.3'),
        npm('@cypress/request', '2.88.12'),
        npm('@cypress/request', '3.0.0'),
      );
      assert.deepEqual(ids, [[REQUEST_SSRF], [REQUEST_SSRF], [], [REQUEST_SSRF], []]);
    });

    it('compares PyPI names in normalised form', async () => {
      const ids = await batchIds(pypi('Flask', '2.2.2'), pypi('flask', '2.2.2'), pypi('FLASK', '2.3.1'));
      assert.deepEqual(ids, [FLASK_IDS, FLASK_IDS, FLASK_IDS]);
    });

    it('matches the ecosystem exactly', async () => {
      const ids = await batchIds(npm('flask', '2.2.2'), pypi('lodash', '4.17.15'), { package: { name: 'flask', ecosystem: 'pypi' }, version: '2.2.2' });
      assert.deepEqual(ids, [[], [], []]);
    });

    it('answers in the order of the queries', async () => {
      const ids = await batchIds(
        npm('lodash', '4.17.21'),
        pypi('flask', '2.2.2'),
        npm('minimist', '1.2.5'),
        pypi('flask', '2.3.2'),
        npm('lodash', '4.17.20'),
        npm('left-pad', '1.0.0'),
      );
      assert.deepEqual(ids, [[], FLASK_IDS, [MINIMIST], [], [LODASH_COMMAND_INJECTION], []]);
    });

    it('accepts 1000 queries and refuses 1001 with a 400 like OSV.dev', async () => {
      const accepted = await batchIds(...Array.from({ length: 1000 }, () => npm('lodash', '4.17.20')));
      assert.equal(accepted.length, 1000);
      const refused = await send(`${server.url}/v1/querybatch`, 'POST', { queries: Array.from({ length: 1001 }, () => npm('lodash', '4.17.20')) });
      assert.equal(refused.status, 400);
      assert.deepEqual(JSON.parse(refused.text), { code: 3, message: 'Too many queries.' });
    });

    it('refuses a body that is not JSON with a 400', async () => {
      const reply = await send(`${server.url}/v1/querybatch`, 'POST', '{"queries": [');
      assert.equal(reply.status, 400);
      assert.equal(JSON.parse(reply.text).code, 3);
    });
  });

  describe('GET /v1/vulns/{id} and POST /v1/query', () => {
    it('returns the full record of a known id', async () => {
      const reply = await send(`${server.url}/v1/vulns/GHSA-m2qf-hxjv-5gpq`, 'GET');
      assert.equal(reply.status, 200);
      const record = JSON.parse(reply.text);
      assert.deepEqual(record.aliases, ['CVE-2023-30861']);
      assert.equal(record.database_specific.severity, 'HIGH');
      assert.equal(record.severity[0].type, 'CVSS_V3');
      assert.deepEqual(record, fixture('GHSA-m2qf-hxjv-5gpq'));
    });

    it('answers 404 "Bug not found." for an unknown id', async () => {
      const reply = await send(`${server.url}/v1/vulns/GHSA-0000-0000-0000`, 'GET');
      assert.equal(reply.status, 404);
      assert.deepEqual(JSON.parse(reply.text), { code: 5, message: 'Bug not found.' });
    });

    it('answers a single query with the full records, or {}', async () => {
      const affected = await send(`${server.url}/v1/query`, 'POST', pypi('flask', '2.2.2'));
      assert.deepEqual(JSON.parse(affected.text), { vulns: FLASK_IDS.map(fixture) });
      const clean = await send(`${server.url}/v1/query`, 'POST', pypi('flask', '2.2.5'));
      assert.equal(clean.status, 200);
      assert.deepEqual(JSON.parse(clean.text), {});
    });

    it('answers 404 for any other path or method', async () => {
      assert.equal((await send(`${server.url}/v1/querybatch`, 'GET')).status, 404);
      assert.equal((await send(`${server.url}/v2/query`, 'POST', pypi('flask', '2.2.2'))).status, 404);
      assert.equal((await send(`${server.url}/`, 'GET')).status, 404);
    });
  });

  describe('faults', () => {
    const batch = { queries: [pypi('flask', '2.2.2')] };

    it('slow: answers normally, after a request sent later (order, not a clock)', async () => {
      server.fault({ kind: 'slow', delayMs: 300 });
      const finished: string[] = [];
      const slow = send(`${server.url}/v1/querybatch`, 'POST', batch).then((reply) => (finished.push('slow'), reply));
      // Sent once the slow one has arrived, so that the fault is taken by the slow one.
      while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
      await send(`${server.url}/v1/querybatch`, 'POST', batch).then(() => finished.push('prompt'));
      const reply = await slow;
      assert.deepEqual(finished, ['prompt', 'slow']);
      assert.equal(reply.status, 200);
      assert.equal(JSON.parse(reply.text).results[0].vulns.length, 2);
    });

    it('status: 429 carries Retry-After and an OSV-style error body', async () => {
      server.fault({ kind: 'status', status: 429, retryAfterSeconds: 7 });
      const reply = await send(`${server.url}/v1/querybatch`, 'POST', batch);
      assert.equal(reply.status, 429);
      assert.equal(reply.headers['retry-after'], '7');
      assert.deepEqual(JSON.parse(reply.text), { code: 8, message: 'Too Many Requests' });
    });

    it('status: 500 and 503 without Retry-After', async () => {
      server.fault({ kind: 'status', status: 500 });
      server.fault({ kind: 'status', status: 503 });
      const first = await send(`${server.url}/v1/querybatch`, 'POST', batch);
      const second = await send(`${server.url}/v1/querybatch`, 'POST', batch);
      assert.deepEqual([first.status, second.status], [500, 503]);
      assert.equal(second.headers['retry-after'], undefined);
      assert.deepEqual(JSON.parse(second.text), { code: 14, message: 'Service Unavailable' });
    });

    it('malformed: a 200 whose body does not parse', async () => {
      server.fault({ kind: 'malformed' });
      const reply = await send(`${server.url}/v1/querybatch`, 'POST', batch);
      assert.equal(reply.status, 200);
      assert.throws(() => JSON.parse(reply.text), SyntaxError);
    });

    it('drop: the client sees the connection reset before any response', async () => {
      server.fault({ kind: 'drop' });
      await assert.rejects(send(`${server.url}/v1/querybatch`, 'POST', batch), (error: NodeJS.ErrnoException) => {
        assert.ok(error.code === 'ECONNRESET' || /socket hang up/.test(error.message), `${error.code}: ${error.message}`);
        return true;
      });
    });

    it('applies to the next N requests only, whatever the endpoint', async () => {
      server.fault({ kind: 'status', status: 503 }, 2);
      const statuses = [
        (await send(`${server.url}/v1/vulns/PYSEC-2023-62`, 'GET')).status,
        (await send(`${server.url}/v1/querybatch`, 'POST', batch)).status,
        (await send(`${server.url}/v1/querybatch`, 'POST', batch)).status,
        (await send(`${server.url}/v1/vulns/PYSEC-2023-62`, 'GET')).status,
      ];
      assert.deepEqual(statuses, [503, 503, 200, 200]);
    });
  });

  it('records every request with its method, path and parsed body, faulted ones included', async () => {
    server.fault({ kind: 'drop' });
    await send(`${server.url}/v1/query`, 'POST', npm('lodash', '4.17.15')).catch(() => undefined);
    await send(`${server.url}/v1/querybatch`, 'POST', { queries: [npm('minimist', '1.2.5')] });
    await send(`${server.url}/v1/vulns/GHSA-xvch-5gv4-984h`, 'GET');
    await send(`${server.url}/v1/querybatch`, 'POST', 'not json');
    assert.deepEqual(server.requests, [
      { method: 'POST', path: '/v1/query', body: npm('lodash', '4.17.15') },
      { method: 'POST', path: '/v1/querybatch', body: { queries: [npm('minimist', '1.2.5')] } },
      { method: 'GET', path: '/v1/vulns/GHSA-xvch-5gv4-984h' },
      { method: 'POST', path: '/v1/querybatch', body: 'not json' },
    ]);
  });
});

describe('OSV test server version ordering', () => {
  /** Asserts each version sorts strictly before the next. */
  function assertAscending(compare: (a: string, b: string) => number | undefined, versions: string[]): void {
    for (let i = 0; i + 1 < versions.length; i++) {
      assert.equal(compare(versions[i], versions[i + 1]), -1, `${versions[i]} < ${versions[i + 1]}`);
      assert.equal(compare(versions[i + 1], versions[i]), 1, `${versions[i + 1]} > ${versions[i]}`);
    }
  }

  it('orders npm versions as SemVer, pre-releases before their release', () => {
    assertAscending(compareSemver, [
      '0.2.3',
      '0.2.4',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.2.10',
      '4.17.9',
      '4.17.19',
      '4.17.20',
    ]);
    assert.equal(compareSemver('1.0.0+build.5', '1.0.0'), 0);
    assert.equal(compareSemver('not-a-version', '1.0.0'), undefined);
  });

  it('orders PyPI versions as PEP 440', () => {
    assertAscending(comparePep440, [
      '0.9',
      '0.10',
      '0.10.1',
      '1.0.dev1',
      '1.0a1',
      '1.0a2.dev1',
      '1.0a2',
      '1.0b1',
      '1.0rc1',
      '1.0',
      '1.0+local.1',
      '1.0.post1.dev1',
      '1.0.post1',
      '1.1',
      '2.2.2',
      '2.3.0',
      '2.3.1',
      '1!0.1',
    ]);
    assert.equal(comparePep440('1.0', '1.0.0'), 0);
    assert.equal(comparePep440('2.0.0RC1', '2.0.0rc1'), 0);
    assert.equal(comparePep440('1.0-1', '1.0.post1'), 0);
    assert.equal(comparePep440('not a version', '1.0'), undefined);
  });

  it('treats a range with only an introduced event as open-ended', () => {
    const range = { type: 'ECOSYSTEM', events: [{ introduced: '1.2.0' }] };
    assert.equal(isInRange('1.1.9', range, 'npm'), false);
    assert.equal(isInRange('1.2.0', range, 'npm'), true);
    assert.equal(isInRange('99.0.0', range, 'npm'), true);
  });

  it('ignores GIT ranges and versions it cannot parse', () => {
    assert.equal(isInRange('1.0.0', { type: 'GIT', events: [{ introduced: '0' }] }, 'npm'), false);
    assert.equal(isInRange('latest', { type: 'ECOSYSTEM', events: [{ introduced: '0' }] }, 'npm'), false);
  });
});
