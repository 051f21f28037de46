// JSON Web Tokens (RFC 7519) in compact form: base64url header "." payload "." signature, where the
// header decodes to a JSON object with an "alg" string (so it starts with "eyJ", base64 of '{"'),
// the payload to a JSON object, and the signature has the length its algorithm produces (empty
// only for alg "none"). See support/jwt-structure.ts.
// Severity: "warning" — a JWT is a bearer token, but usually short-lived and possibly expired; "info"
// when its "exp" is in the past, and for unsigned (alg "none") tokens, which anyone can forge and
// so hold no secret. Tokens signed with a documentation secret (jwt.io's example token, signed with
// "your-256-bit-secret") are not reported.
import type { SecretDetector, SecretMatch } from '../model';
import { hasExpired, parseJwt } from './support/jwt-structure';
import { standsAlone } from './support/token-runs';

const JWT_CANDIDATE = /eyJ[A-Za-z0-9_.-]*/g;

export const jwtDetector: SecretDetector = {
  id: 'jwt',
  keywords: ['eyJ'],
  detect(text) {
    const matches: SecretMatch[] = [];
    for (const run of text.matchAll(JWT_CANDIDATE)) {
      const jwt = parseJwt(run[0]);
      if (!jwt || jwt.documentationExample) continue;
      const start = run.index;
      const end = start + jwt.length;
      // "." is part of the token alphabet here: a JWT glued after one belongs to something longer.
      if (!standsAlone(text, start, end) || text[start - 1] === '.') continue;
      const unsigned = jwt.alg.toLowerCase() === 'none';
      matches.push({
        kind: unsigned ? 'Unsigned JSON Web Token (alg none)' : 'JSON Web Token',
        start,
        end,
        severity: unsigned || hasExpired(jwt) ? 'info' : 'warning',
        envName: 'AUTH_TOKEN',
      });
    }
    return matches;
  },
};
