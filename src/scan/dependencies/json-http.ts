// JSON over HTTP(S) for the dependency services (OSV.dev, the npm registry, PyPI): bounded
// timeouts, and a bounded number of retries for what may go away on its own (429 and 5xx, after
// the server's Retry-After, capped; dropped connections and timeouts). Proxies: http-transport.ts.
import { retryAfter, sendRequest, sleep } from './http-transport';

export interface JsonHttpOptions {
  /** Per request. */
  timeoutMs?: number;
  /** Further attempts after a failed one. */
  retries?: number;
  /** The longest wait before a retry, whatever Retry-After says. */
  maxRetryWaitMs?: number;
  /** The environment the proxy variables are read from. */
  env?: NodeJS.ProcessEnv;
}

/** A service's answer that no retry will change (or the last one): with the status when there is one. */
export class HttpJsonError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface JsonAnswer {
  status: number;
  /** Parsed JSON for 2xx answers; undefined for others. */
  body?: unknown;
}

export class JsonHttp {
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly maxRetryWaitMs: number;
  private readonly env: NodeJS.ProcessEnv;
  /** Requests sent (tests and the bench count them). */
  requestCount = 0;

  constructor(
    /** Named in messages: "OSV", "the npm registry". */
    private readonly service: string,
    options: JsonHttpOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 2;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 5_000;
    this.env = options.env ?? process.env;
  }

  /**
   * The parsed answer to a 2xx; with `accept`, those statuses too (e.g. 404 for "no such
   * package"), with no body. Anything else is an HttpJsonError after the retries.
   */
  async request(method: 'GET' | 'POST', url: string, body?: unknown, accept: readonly number[] = []): Promise<JsonAnswer> {
    let lastError: Error = new HttpJsonError(`${this.service}: ${method} ${url} failed`);
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await sleep(Math.min(this.maxRetryWaitMs, (lastError as HttpJsonError).retryAfterMs ?? 250 * 2 ** (attempt - 1)));
      let response: { status: number; body: string; retryAfterMs?: number };
      try {
        response = await this.send(method, new URL(url), body);
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error)); // a dropped connection, a timeout: retried
        continue;
      }
      const path = new URL(url).pathname;
      if (response.status >= 200 && response.status < 300) {
        try {
          return { status: response.status, body: JSON.parse(response.body) };
        } catch {
          throw new HttpJsonError(`${this.service} answered ${method} ${path} with a body that is not JSON`, response.status);
        }
      }
      if (accept.includes(response.status)) return { status: response.status };
      lastError = new HttpJsonError(`${this.service} answered ${method} ${path} with HTTP ${response.status}`, response.status, response.retryAfterMs);
      // Only "too many requests" and server errors may go away on their own.
      if (response.status !== 429 && response.status < 500) throw lastError;
    }
    throw lastError;
  }

  private async send(method: string, url: URL, body: unknown): Promise<{ status: number; body: string; retryAfterMs?: number }> {
    this.requestCount++;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { accept: 'application/json', ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) };
    const response = await sendRequest(method, url, { headers, payload, timeoutMs: this.timeoutMs, env: this.env });
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), retryAfterMs: retryAfter(response.headers['retry-after']) }),
      );
      response.on('error', reject);
    });
  }
}
