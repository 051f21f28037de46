// A real HTTP server on loopback that answers like the OSV.dev API (https://google.github.io/osv.dev/api/),
// from the recorded records in test/fixtures/osv/vulns, so OSV client tests never leave the machine.
// Which versions a record affects is decided from the record itself, as OSV.dev does, not from a
// hand-written answer table: a test that asks about a version no fixture mentions still gets the truth.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isInRange, isListedVersion, type OsvRange } from './osv-versions';

export interface OsvRequestRecord {
  method: string;
  path: string;
  /** The parsed JSON body; the raw text when it is not JSON; absent when there is no body. */
  body?: unknown;
}

export type OsvFault =
  | { kind: 'slow'; delayMs: number } // answer normally, after at least delayMs
  | { kind: 'status'; status: number; retryAfterSeconds?: number } // error status with an OSV-style JSON body
  | { kind: 'malformed' } // 200 whose body is not valid JSON
  | { kind: 'drop' }; // close the connection before any response bytes

export interface OsvServer {
  /** e.g. http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  /** Every request received, in order of arrival, faulted ones included. */
  requests: OsvRequestRecord[];
  /** The next `count` requests (default 1) get `fault` instead of a normal answer. */
  fault(fault: OsvFault, count?: number): void;
  close(): Promise<void>;
}

// OSV.dev's own limit (gcp/api/server.py: _MAX_BATCH_QUERY) and its answer past it.
const MAX_BATCH_QUERIES = 1000;

// gRPC status codes: OSV.dev is a gRPC service behind a JSON gateway, and its error bodies carry them.
const GRPC_CODE_FOR_STATUS: Record<number, number> = { 400: 3, 403: 7, 404: 5, 429: 8, 500: 13, 501: 12, 503: 14, 504: 4 };
const GRPC_UNKNOWN = 2;

// Fixtures are not compiled into out/, so reach back from out/test/unit to the source tree.
const VULNS_DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'osv', 'vulns');

// ---- Records and matching --------------------------------------------------------------------------

interface OsvPackage {
  ecosystem: string;
  name: string;
}

interface OsvAffected {
  package: OsvPackage;
  ranges?: OsvRange[];
  versions?: string[];
}

interface OsvRecord {
  id: string;
  modified: string;
  affected?: OsvAffected[];
}

interface PackageQuery {
  ecosystem?: string;
  name: string;
  version?: string;
}

function loadRecords(): Map<string, OsvRecord> {
  const records = new Map<string, OsvRecord>();
  for (const file of readdirSync(VULNS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const record = JSON.parse(readFileSync(join(VULNS_DIR, file), 'utf8')) as OsvRecord;
    records.set(record.id, record);
  }
  return records;
}

/** PyPI names compare in PEP 503 normalized form (Flask == flask, zope.interface == zope-interface). */
function canonicalName(ecosystem: string, name: string): string {
  return ecosystem === 'PyPI' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}

function packageMatches(pkg: OsvPackage, query: PackageQuery): boolean {
  // Ecosystem names are case-sensitive in OSV ("PyPI", not "pypi"); a query without one searches them all.
  if (query.ecosystem !== undefined && query.ecosystem !== pkg.ecosystem) return false;
  return canonicalName(pkg.ecosystem, pkg.name) === canonicalName(pkg.ecosystem, query.name);
}

/** The OSV schema: a version is affected if the `versions` list names it or any range contains it. */
function versionAffected(entry: OsvAffected, version: string): boolean {
  const ecosystem = entry.package.ecosystem;
  if (entry.versions && isListedVersion(version, entry.versions, ecosystem)) return true;
  return (entry.ranges ?? []).some((range) => isInRange(version, range, ecosystem));
}

function matchingRecords(records: Map<string, OsvRecord>, query: PackageQuery): OsvRecord[] {
  // Without a version OSV.dev lists every vulnerability of the package.
  const affects = (entry: OsvAffected): boolean =>
    packageMatches(entry.package, query) && (query.version === undefined || versionAffected(entry, query.version));
  return [...records.values()].filter((record) => (record.affected ?? []).some(affects)).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A query's package and version, or the reason it is refused (answered as a 400). */
function readQuery(value: unknown): PackageQuery | string {
  if (typeof value !== 'object' || value === null) return 'Each query must be an object.';
  const { package: pkg, version, commit } = value as Record<string, unknown>;
  if (commit !== undefined) return 'This test server does not answer commit queries.';
  if (typeof pkg !== 'object' || pkg === null) return 'Missing package.';
  const { name, ecosystem, purl } = pkg as Record<string, unknown>;
  if (purl !== undefined) return 'This test server does not answer purl queries.';
  if (typeof name !== 'string' || name === '') return 'Missing package name.';
  if (ecosystem !== undefined && typeof ecosystem !== 'string') return 'Invalid ecosystem.';
  if (version !== undefined && typeof version !== 'string') return 'Invalid version.';
  return { name, ecosystem, version };
}

// ---- HTTP ------------------------------------------------------------------------------------------

interface Answer {
  status: number;
  body: unknown;
}

const invalid = (message: string): Answer => ({ status: 400, body: { code: 3, message } });
const INVALID_JSON = invalid('Invalid JSON payload received.');

function answerQueryBatch(records: Map<string, OsvRecord>, body: unknown): Answer {
  const queries = (body as { queries?: unknown } | undefined)?.queries;
  if (typeof body !== 'object' || body === null || !Array.isArray(queries)) return invalid('Missing queries.');
  if (queries.length > MAX_BATCH_QUERIES) return invalid('Too many queries.');
  const parsed = queries.map(readQuery);
  const refused = parsed.findIndex((query) => typeof query === 'string');
  if (refused >= 0) return invalid(`Invalid query at index ${refused}: ${parsed[refused] as string}`);
  // The batch endpoint returns only id and modified; an empty result is {} (proto3 omits empty lists).
  const results = (parsed as PackageQuery[]).map((query) => {
    const vulns = matchingRecords(records, query).map(({ id, modified }) => ({ id, modified }));
    return vulns.length > 0 ? { vulns } : {};
  });
  return { status: 200, body: { results } };
}

function answerQuery(records: Map<string, OsvRecord>, body: unknown): Answer {
  const query = readQuery(body);
  if (typeof query === 'string') return invalid(query);
  const vulns = matchingRecords(records, query);
  return { status: 200, body: vulns.length > 0 ? { vulns } : {} };
}

function route(records: Map<string, OsvRecord>, method: string, path: string, rawBody: string): Answer {
  const vulnId = /^\/v1\/vulns\/([^/]+)$/.exec(path)?.[1];
  if (method === 'GET' && vulnId !== undefined) {
    const record = records.get(decodeURIComponent(vulnId));
    return record ? { status: 200, body: record } : { status: 404, body: { code: 5, message: 'Bug not found.' } };
  }
  if (method === 'POST' && (path === '/v1/querybatch' || path === '/v1/query')) {
    const body = parseJson(rawBody);
    if (body === undefined) return INVALID_JSON;
    return path === '/v1/querybatch' ? answerQueryBatch(records, body) : answerQuery(records, body);
  }
  return { status: 404, body: { code: 5, message: 'Method does not exist.' } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, answer: Answer, headers: Record<string, string> = {}): void {
  if (response.destroyed) return; // the client gave up (e.g. timed out during a slow fault)
  response.writeHead(answer.status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(answer.body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

export async function startOsvServer(): Promise<OsvServer> {
  const records = loadRecords();
  const requests: OsvRequestRecord[] = [];
  const pendingFaults: OsvFault[] = [];
  const timers = new Set<NodeJS.Timeout>();

  // setTimeout may fire a millisecond early against a wall clock (libuv keeps time in whole ms);
  // a slow fault promises "at least delayMs", so top the wait up until it has really passed.
  const waitAtLeast = (delayMs: number): Promise<void> => {
    const until = performance.now() + delayMs;
    return new Promise((resolve) => {
      const tick = (): void => {
        const left = until - performance.now();
        if (left <= 0) return resolve();
        const timer = setTimeout(() => {
          timers.delete(timer);
          tick();
        }, Math.ceil(left));
        timers.add(timer);
      };
      tick();
    });
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = request.method ?? 'GET';
    const target = request.url ?? '/';
    const record: OsvRequestRecord = { method, path: target };
    requests.push(record); // at arrival, so the order is the order requests came in
    const rawBody = await readBody(request);
    if (rawBody !== '') record.body = parseJson(rawBody) ?? rawBody;

    const path = new URL(target, 'http://osv.invalid').pathname;
    const fault = pendingFaults.shift();
    switch (fault?.kind) {
      case undefined:
        return send(response, route(records, method, path, rawBody));
      case 'slow':
        await waitAtLeast(fault.delayMs);
        return send(response, route(records, method, path, rawBody));
      case 'status': {
        const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
        const body = { code: GRPC_CODE_FOR_STATUS[fault.status] ?? GRPC_UNKNOWN, message: STATUS_CODES[fault.status] ?? 'Error' };
        return send(response, { status: fault.status, body }, headers);
      }
      case 'malformed':
        // A response cut off mid-stream: the status and headers promise JSON, the body breaks off.
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"results":[{"vulns":[{"id":"GHSA-');
        return;
      case 'drop':
        request.socket.destroy();
        return;
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, { status: 500, body: { code: 13, message: String(error) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fault(fault, count = 1) {
      for (let i = 0; i < count; i++) pendingFaults.push(fault);
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
      });
    },
  };
}
