// A client of OSV.dev's API (https://google.github.io/osv.dev/api/): which advisories affect a
// package version (POST /v1/querybatch, up to 1,000 queries per request) and each advisory's
// record (GET /v1/vulns/{id}). Only ecosystem, package name and version leave the machine.
// Timeouts, retries and proxies: json-http.ts.
import type { Ecosystem } from '../../core/dependencies/model';
import { JsonHttp, type JsonHttpOptions } from './json-http';

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

export interface OsvClientOptions extends JsonHttpOptions {
  baseUrl?: string;
}

export class OsvError extends Error {}

export class OsvClient {
  private readonly baseUrl: string;
  private readonly http: JsonHttp;

  constructor(options: OsvClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? OSV_URL).replace(/\/+$/, '');
    this.http = new JsonHttp('OSV', options);
  }

  /** Requests made (the bench and tests count them). */
  get requestCount(): number {
    return this.http.requestCount;
  }

  /** The advisory ids affecting each query's version, in the queries' order. */
  async affecting(queries: readonly OsvQuery[]): Promise<string[][]> {
    const ids: string[][] = [];
    for (let start = 0; start < queries.length; start += MAX_BATCH) {
      const batch = queries.slice(start, start + MAX_BATCH);
      const answer = (
        await this.http.request('POST', `${this.baseUrl}/v1/querybatch`, {
          queries: batch.map((query) => ({ package: { name: query.name, ecosystem: query.ecosystem }, version: query.version })),
        })
      ).body as {
        results?: { vulns?: { id?: unknown }[] }[];
      };
      if (!Array.isArray(answer?.results) || answer.results.length !== batch.length)
        throw new OsvError('OSV answered a batch query with a result list of the wrong length');
      for (const result of answer.results) ids.push((result?.vulns ?? []).map((vuln) => vuln?.id).filter((id): id is string => typeof id === 'string'));
    }
    return ids;
  }

  async record(id: string): Promise<OsvRecord> {
    const record = (await this.http.request('GET', `${this.baseUrl}/v1/vulns/${encodeURIComponent(id)}`)).body as OsvRecord;
    if (!record || typeof record.id !== 'string') throw new OsvError(`OSV answered ${id} without a record`);
    return record;
  }
}
