// Grafana service account tokens: `glsa_` + 32 random characters + `_` + 8 hex digits, the CRC-32
// (IEEE) of everything before the last `_`, as little-endian bytes in hex. Grafana itself rejects a
// token whose checksum does not recompute (pkg/components/satokengen in grafana/grafana).
import { crc32 } from 'node:zlib';

export function hasGrafanaChecksum(token: string): boolean {
  const separator = token.lastIndexOf('_');
  if (separator < 0) return false;
  const checksum = crc32(Buffer.from(token.slice(0, separator), 'latin1'));
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(checksum >>> 0);
  return bytes.toString('hex') === token.slice(separator + 1).toLowerCase();
}
