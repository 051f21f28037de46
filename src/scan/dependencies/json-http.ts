// JSON over HTTP(S) for the dependency services (OSV.dev, the npm registry, PyPI): bounded
// timeouts, a bounded number of retries for what may go away on its own (429 and 5xx, after the
// server's Retry-After, capped; dropped connections and timeouts), and the usual proxy variables
// (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, either case) through an HTTP CONNECT tunnel.
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';

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
    const headers = { accept: 'application/json', 'user-agent': 'lastline', ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) };
    const proxy = proxyFor(url, this.env);
    const options: RequestOptions = { method, timeout: this.timeoutMs, headers };
    if (proxy && url.protocol === 'https:') options.createConnection = (_options, done) => void this.tunnel(proxy, url).then((socket) => done(null, socket), (error: Error) => done(error, undefined as never));
    const target = proxy && url.protocol === 'http:' ? proxy : url; // plain HTTP goes to the proxy with the full URL as path
    if (proxy && url.protocol === 'http:') options.path = url.href;
    const send = target.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      const outgoing = send(target, options, (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), retryAfterMs: retryAfter(response.headers['retry-after']) }));
        response.on('error', reject);
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer from ${url.host} within ${this.timeoutMs / 1000} s`)));
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  /** A TLS socket to `url`'s host through the proxy's CONNECT. */
  private tunnel(proxy: URL, url: URL): Promise<import('node:tls').TLSSocket> {
    return new Promise((resolve, reject) => {
      const authority = `${url.hostname}:${url.port || 443}`;
      const auth = proxy.username ? { 'proxy-authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}` } : {};
      const connect = (proxy.protocol === 'https:' ? httpsRequest : httpRequest)(proxy, { method: 'CONNECT', path: authority, headers: { host: authority, ...auth }, timeout: this.timeoutMs });
      connect.on('connect', (response: IncomingMessage, socket) => {
        if (response.statusCode !== 200) {
          socket.destroy();
          reject(new Error(`the proxy ${proxy.host} refused to connect to ${authority} (HTTP ${response.statusCode})`));
          return;
        }
        resolve(tlsConnect({ socket, servername: url.hostname }));
      });
      connect.on('timeout', () => connect.destroy(new Error(`no answer from the proxy ${proxy.host} within ${this.timeoutMs / 1000} s`)));
      connect.on('error', reject);
      connect.end();
    });
  }
}

/** The proxy for `url` from the environment, unless NO_PROXY exempts its host. */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv): URL | undefined {
  const value = url.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  if (!value) return undefined;
  const exempt = (env.NO_PROXY ?? env.no_proxy ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => entry === '*' || hostMatches(url.hostname, entry.replace(/:\d+$/, '')));
  if (exempt) return undefined;
  try {
    return new URL(/^[a-z]+:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return undefined;
  }
}

function hostMatches(host: string, entry: string): boolean {
  const suffix = entry.replace(/^\*?\./, '');
  return host === suffix || host.endsWith(`.${suffix}`);
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
