// One HTTP(S) request to a dependency service, the way every client here sends it: a bounded idle
// timeout, Lastline's user agent, and the usual proxy variables (HTTPS_PROXY / HTTP_PROXY /
// NO_PROXY, either case) — HTTPS through an HTTP CONNECT tunnel. The caller reads the answer:
// buffered JSON (json-http.ts) or a file streamed to disk (download.ts).
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export interface RequestSettings {
  headers?: OutgoingHttpHeaders;
  payload?: string;
  /** Without a byte from the server for this long, the request fails. */
  timeoutMs: number;
  /** Where the proxy variables are read. */
  env: NodeJS.ProcessEnv;
}

/** The server's answer, its body not yet read; rejects when no answer comes. */
export function sendRequest(method: string, url: URL, settings: RequestSettings): Promise<IncomingMessage> {
  const { timeoutMs, env } = settings;
  const proxy = proxyFor(url, env);
  const options: RequestOptions = { method, timeout: timeoutMs, headers: { 'user-agent': 'lastline', ...settings.headers } };
  if (proxy && url.protocol === 'https:')
    options.createConnection = (_options, done) =>
      void tunnel(proxy, url, timeoutMs).then(
        (socket) => done(null, socket),
        (error: Error) => done(error, undefined as never),
      );
  const target = proxy && url.protocol === 'http:' ? proxy : url; // plain HTTP goes to the proxy with the full URL as path
  if (proxy && url.protocol === 'http:') options.path = url.href;
  const send = target.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(target, options, resolve);
    // The socket's idle timeout: an answer that stalls part-way fails like one that never starts.
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer from ${url.host} within ${timeoutMs / 1000} s`)));
    outgoing.on('error', reject);
    outgoing.end(settings.payload);
  });
}

/** A TLS socket to `url`'s host through the proxy's CONNECT. */
function tunnel(proxy: URL, url: URL, timeoutMs: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const authority = `${url.hostname}:${url.port || 443}`;
    const auth = proxy.username
      ? { 'proxy-authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}` }
      : {};
    const connect = (proxy.protocol === 'https:' ? httpsRequest : httpRequest)(proxy, {
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...auth },
      timeout: timeoutMs,
    });
    connect.on('connect', (response: IncomingMessage, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        reject(new Error(`the proxy ${proxy.host} refused to connect to ${authority} (HTTP ${response.statusCode})`));
        return;
      }
      resolve(tlsConnect({ socket, servername: url.hostname }));
    });
    connect.on('timeout', () => connect.destroy(new Error(`no answer from the proxy ${proxy.host} within ${timeoutMs / 1000} s`)));
    connect.on('error', reject);
    connect.end();
  });
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

/** VS Code's own proxy settings (`http.proxy`, `http.noProxy`), as the editor hands them over. */
export interface EditorProxy {
  proxy?: string;
  noProxy?: readonly string[];
}

/**
 * The environment the clients read proxies from, with the editor's settings applied: like VS Code
 * itself, a set `http.proxy` wins over the variables, and `http.noProxy` adds to NO_PROXY.
 */
export function withEditorProxy(env: NodeJS.ProcessEnv, editor: EditorProxy | undefined): NodeJS.ProcessEnv {
  if (!editor?.proxy && !editor?.noProxy?.length) return env;
  const result = { ...env };
  if (editor.proxy) result.HTTPS_PROXY = result.HTTP_PROXY = editor.proxy;
  if (editor.noProxy?.length) result.NO_PROXY = [...editor.noProxy, ...(env.NO_PROXY ?? env.no_proxy ?? '').split(',').filter(Boolean)].join(',');
  return result;
}

/** A Retry-After header (seconds or an HTTP date) in milliseconds. */
export function retryAfter(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
