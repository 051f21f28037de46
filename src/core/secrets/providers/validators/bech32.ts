// Bech32 checksums (BIP 173), as age secret keys carry them: `AGE-SECRET-KEY-1` + 52 data
// characters + 6 checksum characters, written in upper case. A key whose checksum does not verify
// is a typo or a made-up look-alike. https://github.com/C2SP/C2SP/blob/main/age.md (key encoding)
// and https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki (the checksum).

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: readonly number[]): number {
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let bit = 0; bit < 5; bit++) if ((top >>> bit) & 1) checksum ^= GENERATORS[bit];
  }
  return checksum;
}

/** The human-readable part expanded as BIP 173 feeds it to the checksum: high bits, 0, low bits. */
function expandHrp(hrp: string): number[] {
  const codes = [...hrp].map((character) => character.charCodeAt(0));
  return [...codes.map((code) => code >> 5), 0, ...codes.map((code) => code & 31)];
}

/** True when `value` (one case throughout) is a Bech32 string whose checksum verifies. */
export function hasValidBech32Checksum(value: string): boolean {
  if (value !== value.toLowerCase() && value !== value.toUpperCase()) return false;
  const lower = value.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || lower.length - separator - 1 < 6) return false;
  const data: number[] = [];
  for (const character of lower.slice(separator + 1)) {
    const digit = CHARSET.indexOf(character);
    if (digit < 0) return false;
    data.push(digit);
  }
  return polymod([...expandHrp(lower.slice(0, separator)), ...data]) === 1;
}
