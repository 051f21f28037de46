// A large file (OSV's per-ecosystem exports) streamed to disk: never held in memory, resumable in
// the sense that matters here — an unchanged file is not fetched again (If-None-Match with the
// ETag of the last download) — with the same timeouts, retries and proxies as the JSON clients.
// A failed download leaves no partial file behind.
import { createWriteStream, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { retryAfter, sendRequest, sleep } from './http-transport';
import { HttpJsonError } from './json-http';

export interface DownloadOptions {
  /** The ETag of the copy already here: the server answers 304 when it is still current. */
  etag?: string;
  timeoutMs?: number;
  retries?: number;
  maxRetryWaitMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Bytes received so far, and the total when the server says. */
  onProgress?(received: number, total: number | undefined): void;
}

export type DownloadResult = { kind: 'unchanged' } | { kind: 'downloaded'; bytes: number; etag?: string };

const MAX_REDIRECTS = 5;

export async function downloadToFile(url: string, file: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const retries = options.retries ?? 2;
  let lastError: Error = new Error(`download of ${url} failed`);
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(Math.min(options.maxRetryWaitMs ?? 5_000, (lastError as HttpJsonError).retryAfterMs ?? 500 * 2 ** (attempt - 1)));
    let response: IncomingMessage;
    try {
      response = await follow(new URL(url), options);
    } catch (error) {
      lastError = error instanceof Error ? error : new Error(String(error)); // a dropped connection, a timeout: retried
      continue;
    }
    const status = response.statusCode ?? 0;
    if (status === 304 && options.etag) {
      response.resume();
      return { kind: 'unchanged' };
    }
    if (status >= 200 && status < 300) {
      try {
        const bytes = await save(response, file, options);
        const etag = response.headers.etag;
        return { kind: 'downloaded', bytes, ...(etag ? { etag } : {}) };
      } catch (error) {
        rmSync(file, { force: true });
        lastError = error instanceof Error ? error : new Error(String(error)); // cut off part-way: retried
        continue;
      }
    }
    response.resume();
    lastError = new HttpJsonError(
      `${new URL(url).host} answered GET ${new URL(url).pathname} with HTTP ${status}`,
      status,
      retryAfter(response.headers['retry-after']),
    );
    if (status !== 429 && status < 500) throw lastError;
  }
  throw lastError;
}

/** The answer at `url`, after any redirects. */
async function follow(url: URL, options: DownloadOptions): Promise<IncomingMessage> {
  for (let hop = 0; ; hop++) {
    const headers = options.etag ? { 'if-none-match': options.etag } : {};
    const response = await sendRequest('GET', url, { headers, timeoutMs: options.timeoutMs ?? 30_000, env: options.env ?? process.env });
    const location = response.headers.location;
    if (![301, 302, 303, 307, 308].includes(response.statusCode ?? 0) || !location) return response;
    response.resume();
    if (hop === MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url.host}`);
    url = new URL(location, url);
  }
}

async function save(response: IncomingMessage, file: string, options: DownloadOptions): Promise<number> {
  const total = Number(response.headers['content-length']) || undefined;
  let received = 0;
  response.on('data', (chunk: Buffer) => {
    received += chunk.length;
    options.onProgress?.(received, total);
  });
  // `pipeline` rejects when the connection drops (the response is then "aborted").
  await pipeline(response, createWriteStream(file));
  if (total !== undefined && received !== total) throw new Error(`the download stopped at ${received} of ${total} bytes`);
  return received;
}
