// Whether a package exists on its registry, and when it was first published: npm's package
// document (GET registry.npmjs.org/<name>: `time.created`) and PyPI's JSON API (GET
// pypi.org/pypi/<name>/json: the earliest file upload). A 404 is "no such package".
import type { Ecosystem } from '../../core/dependencies/model';
import { JsonHttp, type JsonHttpOptions } from './json-http';

export const NPM_REGISTRY_URL = 'https://registry.npmjs.org';
export const PYPI_URL = 'https://pypi.org';

export interface RegistryAnswer {
  exists: boolean;
  /** ISO time of the first publication, when the registry says. */
  createdAt?: string;
}

export interface RegistryClientOptions extends JsonHttpOptions {
  npmUrl?: string;
  pypiUrl?: string;
}

export class RegistryClient {
  private readonly npmUrl: string;
  private readonly pypiUrl: string;
  private readonly npm: JsonHttp;
  private readonly pypi: JsonHttp;

  constructor(options: RegistryClientOptions = {}) {
    this.npmUrl = (options.npmUrl ?? NPM_REGISTRY_URL).replace(/\/+$/, '');
    this.pypiUrl = (options.pypiUrl ?? PYPI_URL).replace(/\/+$/, '');
    this.npm = new JsonHttp('the npm registry', options);
    this.pypi = new JsonHttp('PyPI', options);
  }

  get requestCount(): number {
    return this.npm.requestCount + this.pypi.requestCount;
  }

  async lookUp(ecosystem: Ecosystem, name: string): Promise<RegistryAnswer> {
    if (ecosystem === 'npm') {
      // A scoped name keeps its `@` and encodes its `/`, as the registry expects.
      const answer = await this.npm.request('GET', `${this.npmUrl}/${encodeURIComponent(name).replace(/^%40/, '@')}`, undefined, [404]);
      if (answer.status === 404) return { exists: false };
      const created = (answer.body as { time?: { created?: unknown } })?.time?.created;
      return { exists: true, ...(typeof created === 'string' ? { createdAt: created } : {}) };
    }
    const answer = await this.pypi.request('GET', `${this.pypiUrl}/pypi/${encodeURIComponent(name)}/json`, undefined, [404]);
    if (answer.status === 404) return { exists: false };
    return { exists: true, ...firstUpload(answer.body) };
  }
}

/** The earliest upload among a PyPI project's releases. */
function firstUpload(body: unknown): { createdAt?: string } {
  const releases = (body as { releases?: Record<string, { upload_time_iso_8601?: unknown }[]> })?.releases;
  let earliest: string | undefined;
  for (const files of Object.values(releases ?? {})) {
    for (const file of Array.isArray(files) ? files : []) {
      const time = file?.upload_time_iso_8601;
      if (typeof time === 'string' && (!earliest || Date.parse(time) < Date.parse(earliest))) earliest = time;
    }
  }
  return earliest ? { createdAt: earliest } : {};
}
