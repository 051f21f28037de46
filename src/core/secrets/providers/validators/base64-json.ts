// Tokens that are base64 of a JSON object (Grafana, 1Password service accounts, Sentry org tokens,
// Mapbox): decoding it is a structure check no random look-alike passes.

/** The object `encoded` (base64 or base64url, padding optional) decodes to, or undefined. */
export function decodeJsonObject(encoded: string): Record<string, unknown> | undefined {
  if (encoded.length % 4 === 1) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A checker: the layout's first capture group decodes to a JSON object holding every one of `keys`. */
export function encodesJsonWith(layout: RegExp, keys: readonly string[]): (token: string) => boolean {
  return (token) => {
    const encoded = layout.exec(token)?.[1];
    const object = encoded === undefined ? undefined : decodeJsonObject(encoded);
    return object !== undefined && keys.every((key) => key in object);
  };
}
