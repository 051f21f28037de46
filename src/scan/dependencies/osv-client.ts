// A client of OSV.dev's API (https://google.github.io/osv.dev/api/): which advisories affect a
// package version (POST /v1/querybatch, up to 1,000 queries per request) and each advisory's
// record (GET /v1/vulns/{id}). Only ecosystem, package name and version leave the machine.
// Requests time out, and a refused or failed request is retried a bounded number of times (429
// and 5xx after the server's Retry-After, capped): a failing service costs seconds, not minutes.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Ecosystem } from '../../core/dependencies/model';

export const OSV_URL = 'https://api.osv.dev';
/** OSV's own limit per querybatch request. */
export const MAX_BATCH = 1000;

export interface OsvQuery {
  ecosystem: Ecosystem;
  name: string;
  version: string;
}

/** The parts of an OSV record a finding needs. */
export interface OsvRecord {
  id: string;
  aliases?: string[];
  summary?: string;
  details?: string;
  severity?: { type: string; score: string }[];
  affected?: {
    package?: { ecosystem?: string; name?: string };
    ranges?: { type?: string; events?: Record<string, string>[] }[];
    versions?: string[];
  }[];
  database_specific?: { severity?: string };
}

export interface OsvClientOptions {
  baseUrl?: string;
  /** Per request. */
  timeoutMs?: number;
  /** Further attempts after a failed one. */
  retries?: number;
  /** The longest wait before a retry, whatever Retry-After says. */
  maxRetryWaitMs?: number;
}

export class OsvError extends Error {}

export class OsvClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly maxRetryWaitMs: number;
  /** Requests made (the bench and tests count them). */
  requestCount = 0;

  constructor(options: OsvClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? OSV_URL).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 2;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 5_000;
  }

  /** The advisory ids affecting each query's version, in the queries' order. */
  async affecting(queries: readonly OsvQuery[]): Promise<string[][]> {
    const ids: string[][] = [];
    for (let start = 0; start < queries.length; start += MAX_BATCH) {
      const batch = queries.slice(start, start + MAX_BATCH);
      const answer = (await this.json('POST', '/v1/querybatch', { queries: batch.map((query) => ({ package: { name: query.name, ecosystem: query.ecosystem }, version: query.version })) })) as {
        results?: { vulns?: { id?: unknown }[] }[];
      };
      if (!Array.isArray(answer?.results) || answer.results.length !== batch.length) throw new OsvError('OSV answered a batch query with a result list of the wrong length');
      for (const result of answer.results) ids.push((result?.vulns ?? []).map((vuln) => vuln?.id).filter((id): id is string => typeof id === 'string'));
    }
    return ids;
  }

  async record(id: string): Promise<OsvRecord> {
    const record = (await this.json('GET', `/v1/vulns/${encodeURIComponent(id)}`)) as OsvRecord;
    if (!record || typeof record.id !== 'string') throw new OsvError(`OSV answered ${id} without a record`);
    return record;
  }

  private async json(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    let lastError: Error = new OsvError(`OSV: ${method} ${path} failed`);
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await sleep(this.waitBeforeRetry(attempt, lastError));
      let response: { status: number; body: string; retryAfterMs?: number };
      try {
        response = await this.send(method, path, body);
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error)); // a dropped connection, a timeout: retried
        continue;
      }
      if (response.status >= 200 && response.status < 300) {
        try {
          return JSON.parse(response.body);
        } catch {
          throw new OsvError(`OSV answered ${method} ${path} with a body that is not JSON`);
        }
      }
      lastError = Object.assign(new OsvError(`OSV answered ${method} ${path} with HTTP ${response.status}`), { retryAfterMs: response.retryAfterMs });
      // Only "too many requests" and server errors may go away on their own.
      if (response.status !== 429 && response.status < 500) throw lastError;
    }
    throw lastError;
  }

  private waitBeforeRetry(attempt: number, error: Error): number {
    const asked = (error as { retryAfterMs?: number }).retryAfterMs;
    return Math.min(this.maxRetryWaitMs, asked ?? 250 * 2 ** (attempt - 1));
  }

  private send(method: string, path: string, body: unknown): Promise<{ status: number; body: string; retryAfterMs?: number }> {
    this.requestCount++;
    const url = new URL(this.baseUrl + path);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        url,
        { method, timeout: this.timeoutMs, headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
        (response: IncomingMessage) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), retryAfterMs: retryAfter(response.headers['retry-after']) }));
          response.on('error', reject);
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer from ${url.host} within ${this.timeoutMs / 1000} s`)));
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }
}

function retryAfter(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
