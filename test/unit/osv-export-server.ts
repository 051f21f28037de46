// A real HTTP server on loopback that serves OSV's per-ecosystem exports the way its bucket does
// (https://google.github.io/osv.dev/data/#data-dumps: GET /<ecosystem>/all.zip, one JSON record
// per advisory, with an ETag honoured by If-None-Match), built from records the test hands it.
// Faults: an error status, a connection dropped part-way through the body, a body that is no zip.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import JSZip from 'jszip';

export type ExportFault = { kind: 'status'; status: number } | { kind: 'drop-mid-body' } | { kind: 'not-a-zip' };

export interface ExportServer {
  url: string;
  /** Paths requested, with the If-None-Match each carried. */
  requests: { path: string; ifNoneMatch?: string }[];
  /** Replaces an ecosystem's export (a new ETag). */
  publish(ecosystem: string, records: readonly object[]): Promise<void>;
  fault(fault: ExportFault, count?: number): void;
  close(): Promise<void>;
}

export async function startExportServer(): Promise<ExportServer> {
  const exports = new Map<string, { zip: Buffer; etag: string }>();
  const faults: ExportFault[] = [];
  const requests: ExportServer['requests'] = [];

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '/';
    const ifNoneMatch = request.headers['if-none-match'];
    requests.push({ path, ...(typeof ifNoneMatch === 'string' ? { ifNoneMatch } : {}) });
    const match = /^\/([^/]+)\/all\.zip$/.exec(path);
    const found = match ? exports.get(decodeURIComponent(match[1])) : undefined;
    if (!found) return void response.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
    const fault = faults.shift();
    if (fault?.kind === 'status') return void response.writeHead(fault.status).end();
    if (fault?.kind === 'not-a-zip') return void response.writeHead(200, { 'content-type': 'application/zip' }).end('<html>captive portal</html>');
    if (ifNoneMatch === found.etag) return void response.writeHead(304, { etag: found.etag }).end();
    response.writeHead(200, { 'content-type': 'application/zip', 'content-length': found.zip.length, etag: found.etag });
    if (fault?.kind === 'drop-mid-body') {
      response.write(found.zip.subarray(0, found.zip.length >> 1), () => response.socket?.destroy());
      return;
    }
    response.end(found.zip);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async publish(ecosystem, records) {
      const zip = new JSZip();
      for (const record of records) zip.file(`${(record as { id: string }).id}.json`, JSON.stringify(record));
      const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      exports.set(ecosystem, { zip: bytes, etag: `"${createHash('md5').update(bytes).digest('hex')}"` });
    },
    fault(fault, count = 1) {
      for (let index = 0; index < count; index++) faults.push(fault);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
