// Azure shared access signatures (SAS): the `sig=` parameter of a SAS token, in a storage
// connection string (`SharedAccessSignature=sv=…&sig=…`), a blob/queue URL (`?sv=…&sig=…`) or a
// Service Bus / Event Hubs token (`SharedAccessSignature sr=…&sig=…&se=…&skn=…`).
// The signature is an HMAC-SHA256: 32 bytes, i.e. 43 base64 characters + "=", URL-encoded
// (%2B, %2F, %3D). It is only reported inside a SAS, recognised by its `sv=` (storage service
// version) or `skn=` (Service Bus key name) parameter.
// https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas
// https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas
// Severity "error", or "info" when the signed expiry (`se=`, ISO date or Unix seconds) has passed.
import type { SecretDetector, SecretMatch } from '../model';
import { lineWindow } from './support/line-window';
import { BASE64, looksRandom } from '../randomness';
import { isGlueChar } from './support/token-runs';

const SIGNATURE_PARAM = /[?&;= ]sig=[A-Za-z0-9%+/=]*/g;
const DECODED_SIGNATURE = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;
const SAS_MARKER = /[?&;= ]s(?:v|kn)=/;
const EXPIRY = /[?&;= ]se=([^&;"'\s]{1,40})/;
/** The other parameters of the same SAS are on the same line, within this many characters. */
const SAS_RADIUS = 600;

/** The signature with its URL-encoding undone, or undefined when it holds other escapes. */
function decodeSignature(raw: string): string | undefined {
  const decoded = raw.replace(/%2B/gi, '+').replace(/%2F/gi, '/').replace(/%3D/gi, '=');
  return decoded.includes('%') ? undefined : decoded;
}

function hasExpired(sas: string, nowMs: number): boolean {
  const raw = EXPIRY.exec(sas)?.[1];
  if (!raw) return false;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return false;
  }
  const expiresMs = /^\d{9,11}$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  return Number.isFinite(expiresMs) && expiresMs < nowMs;
}

export const azureSasDetector: SecretDetector = {
  id: 'azure-sas',
  keywords: ['sig='],
  detect(text) {
    const matches: SecretMatch[] = [];
    for (const param of text.matchAll(SIGNATURE_PARAM)) {
      const start = param.index + '?sig='.length;
      const end = param.index + param[0].length;
      if (end < text.length && isGlueChar(text.charCodeAt(end))) continue;
      const signature = decodeSignature(text.slice(start, end));
      if (!signature || !DECODED_SIGNATURE.test(signature) || !looksRandom(signature.slice(0, 43), BASE64)) continue;
      const sas = lineWindow(text, param.index, end, SAS_RADIUS);
      if (!SAS_MARKER.test(sas)) continue;
      matches.push({
        kind: 'Azure shared access signature',
        start,
        end,
        severity: hasExpired(sas, Date.now()) ? 'info' : 'error',
        envName: 'AZURE_SAS_TOKEN',
      });
    }
    return matches;
  },
};
