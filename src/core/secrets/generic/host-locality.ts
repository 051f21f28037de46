// How far a host is from the developer's machine, which sets how bad a password for it is.

export type HostLocality =
  /** localhost, 127.0.0.0/8, ::1, 0.0.0.0, `(local)`, `.`: only this machine. */
  | 'loopback'
  /** Docker/compose service names (`db`), private networks, `.local`/`.internal`/cluster names. */
  | 'internal'
  /** example.com/.org/.net and the reserved `.example`/`.test`/`.invalid` names of RFC 2606/6761. */
  | 'documentation'
  | 'public';

const LOOPBACK = /^(?:localhost|localhost\.localdomain|127(?:\.\d{1,3}){3}|::1|0\.0\.0\.0|\(local\)|\(localdb\)|\.|host\.docker\.internal)$/;
const PRIVATE_IPV4 = /^(?:10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}|169\.254(?:\.\d{1,3}){2})$/;
const INTERNAL_SUFFIX = /\.(?:local|internal|lan|home|corp|intranet|localdomain|svc|cluster\.local|docker)$/;
const DOCUMENTATION = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/;

export function hostLocality(rawHost: string): HostLocality {
  // Drop brackets of IPv6 literals, a port, and SQL Server's `\INSTANCE` suffix.
  const host = rawHost
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\\.*$/, '')
    .replace(/^([^:]*):\d+$/, '$1')
    .replace(/,\d+$/, '');
  if (LOOPBACK.test(host) || host.startsWith('(localdb)')) return 'loopback';
  if (DOCUMENTATION.test(host)) return 'documentation';
  if (PRIVATE_IPV4.test(host) || INTERNAL_SUFFIX.test(host) || !host.includes('.')) return 'internal';
  return 'public';
}
