// A real HTTP server on loopback speaking the two registry APIs the unknown-dependency check asks:
// npm's package document (GET /<name>, scoped names as `@scope%2Fname`: `{ name, time: { created,
// modified, <version>: … }, versions }`) and PyPI's JSON API (GET /pypi/<name>/json: `{ info,
// releases: { <version>: [{ upload_time_iso_8601, … }] } }`), written from their public docs, from
// a table of packages. Unknown names get 404 with each registry's own body.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RegistryPackage {
  ecosystem: 'npm' | 'PyPI';
  name: string;
  /** First publication (ISO). */
  created: string;
  versions: readonly string[];
}

export interface RegistryServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startRegistryServer(packages: readonly RegistryPackage[]): Promise<RegistryServer> {
  const requests: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '/';
    requests.push(`${request.method} ${path}`);
    const pypi = /^\/pypi\/([^/]+)\/json$/.exec(path);
    if (pypi) {
      const wanted = normalise(decodeURIComponent(pypi[1]));
      const found = packages.find((entry) => entry.ecosystem === 'PyPI' && normalise(entry.name) === wanted);
      if (!found) return send(response, 404, { message: 'Not Found' });
      return send(response, 200, {
        info: { name: found.name, version: found.versions.at(-1) },
        releases: Object.fromEntries(
          found.versions.map((version, index) => [
            version,
            [{ filename: `${found.name}-${version}.tar.gz`, upload_time_iso_8601: new Date(Date.parse(found.created) + index * 86_400_000).toISOString() }],
          ]),
        ),
      });
    }
    const name = decodeURIComponent(path.slice(1));
    const found = packages.find((entry) => entry.ecosystem === 'npm' && entry.name === name);
    if (!found) return send(response, 404, { error: 'Not found' });
    return send(response, 200, {
      name: found.name,
      'dist-tags': { latest: found.versions.at(-1) },
      versions: Object.fromEntries(found.versions.map((version) => [version, { name: found.name, version }])),
      time: { created: found.created, modified: found.created, ...Object.fromEntries(found.versions.map((version) => [version, found.created])) },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
