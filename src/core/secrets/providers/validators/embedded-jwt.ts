// A JWT written in base64 once more (`ZXlK…`, base64 of `eyJ…`): gitleaks' jwt-base64 rule. The
// decoded text must be a JWT by the same structural check the JWT detector uses, and not one of the
// documentation examples.
import { parseJwt } from '../../detectors/support/jwt-structure';

export function encodesJwt(token: string): boolean {
  const decoded = Buffer.from(token, 'base64').toString('latin1');
  const jwt = parseJwt(decoded);
  return jwt !== undefined && !jwt.documentationExample && jwt.length === decoded.length;
}
