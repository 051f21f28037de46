// Shared by the URI and connection-string detectors: is a password written inside a connection
// value real, and how severe is it given the host it opens?
import type { Severity } from '../../types';
import { hostLocality } from './host-locality';
import { isPlaceholderValue } from './placeholders';
import { isWellKnownDefaultPassword } from './well-known-defaults';

/** Below this, "passwords" inside URIs are stand-ins (`:pw@`, `:x@`) rather than credentials. */
export const MIN_EMBEDDED_PASSWORD_LENGTH = 3;

/**
 * The severity to report `password` at, or undefined when it is not worth reporting.
 *
 * - placeholders, templates and environment references: never reported;
 * - well-known defaults (`postgres`, `guest`, or the user name repeated) on loopback, internal
 *   or documentation hosts: skipped — `postgres://postgres:postgres@localhost/db` is the
 *   canonical local setup and public knowledge; on a public host they are a 'warning';
 * - anything else: 'error' for a public host; 'warning' for internal hosts (compose service
 *   names, private networks — often shared staging credentials); 'info' for loopback (a
 *   developer's own database, still better kept out of git) and documentation domains
 *   (`db.example.com` reaches nothing; the password is most likely invented for the example).
 *
 * `host` undefined means the value names no host (e.g. a connection string without `Server=`).
 */
export function embeddedPasswordSeverity(password: string, user: string | undefined, host: string | undefined): Severity | undefined {
  const decoded = percentDecoded(password);
  if (decoded.length < MIN_EMBEDDED_PASSWORD_LENGTH) return undefined;
  if (isPlaceholderValue(password) || isPlaceholderValue(decoded)) return undefined;
  const locality = host === undefined || host === '' ? 'internal' : hostLocality(host);
  if (isWellKnownDefaultPassword(decoded, user === undefined ? undefined : percentDecoded(user))) {
    return locality === 'public' ? 'warning' : undefined;
  }
  switch (locality) {
    case 'public':
      return 'error';
    case 'internal':
      return 'warning';
    case 'loopback':
    case 'documentation':
      return 'info';
  }
}

function percentDecoded(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
