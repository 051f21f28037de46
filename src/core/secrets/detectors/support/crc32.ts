// CRC-32 as in zlib / IEEE 802.3 (reflected polynomial 0xEDB88320, initial and final XOR
// 0xFFFFFFFF): the checksum GitHub and npm append to their tokens. Kept here, a few lines long,
// rather than relying on zlib.crc32, which only exists from Node 20.15 / 22.2.

const TABLE = buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 of a string of single-byte (ASCII) characters, as an unsigned 32-bit number. */
export function crc32(ascii: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < ascii.length; i++) {
    crc = TABLE[(crc ^ ascii.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
