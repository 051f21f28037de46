import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { readTextFile } from '../../src/scan/read-file';
import { tempDir, writeTree } from './helpers';

describe('reading a file for analysis', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  const text = async (name: string, maxFileSize = 64 * 1024 * 1024) => {
    const outcome = await readTextFile(join(dir.path, name), maxFileSize);
    assert.equal(outcome.kind, 'text', JSON.stringify(outcome));
    return outcome.kind === 'text' ? outcome : assert.fail();
  };

  it('gives each file exactly its own text, whatever was read before it', async () => {
    // Files are read through one reused buffer: a short file after a long one must not show the
    // long one's tail, and an earlier text must not change when later files are read.
    const long = 'x'.repeat(300 * 1024) + 'END';
    const beyondScratch = 'y'.repeat(5 * 1024 * 1024) + 'LAST';
    writeTree(dir.path, { 'long.txt': long, 'short.txt': 'abc', 'empty.txt': '', 'big.txt': beyondScratch, 'after.txt': 'é ü 😀' });
    const first = await text('long.txt');
    assert.equal((await text('short.txt')).text, 'abc');
    assert.equal((await text('empty.txt')).text, '');
    assert.equal((await text('big.txt')).text, beyondScratch);
    const after = await text('after.txt');
    assert.equal(after.text, 'é ü 😀');
    assert.equal(after.size, Buffer.byteLength('é ü 😀'));
    assert.equal(first.text, long);
    assert.equal(first.size, long.length);
  });

  it('drops a byte-order mark, and calls NUL-holding content binary', async () => {
    writeTree(dir.path, {
      'bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('const a = 1;')]),
      'image.png': Buffer.from([0x89, 0x50, 0x00, 0x01]),
    });
    assert.equal((await text('bom.ts')).text, 'const a = 1;');
    assert.deepEqual(await readTextFile(join(dir.path, 'image.png'), 1024), { kind: 'skipped', reason: 'binary', detail: 'binary file' });
  });

  it('decodes UTF-16 text, with or without a byte-order mark, little- or big-endian', async () => {
    const secret = 'STRIPE_KEY = "sk_live_51HqZ3cKj7vXw9TbYp2LmN4rS8uV6aDfGhJkL0qW"\r\nname = "é"\r\n';
    const le = Buffer.from(secret, 'utf16le');
    const be = Buffer.from(le).swap16();
    writeTree(dir.path, {
      'le-bom.env': Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      'be-bom.env': Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
      'le.env': le,
      'be.env': be,
    });
    for (const name of ['le-bom.env', 'be-bom.env', 'le.env', 'be.env']) assert.equal((await text(name)).text, secret, name);
    // Binary with zeros on both sides stays binary.
    writeTree(dir.path, { 'data.bin': Buffer.from([0, 1, 0, 2, 3, 0, 4, 0, 0, 0]) });
    assert.equal((await readTextFile(join(dir.path, 'data.bin'), 1024)).kind, 'skipped');
  });

  it('skips a file over the size limit, and says why a missing file is unreadable', async () => {
    writeTree(dir.path, { 'large.js': 'z'.repeat(2048) });
    const large = await readTextFile(join(dir.path, 'large.js'), 1024);
    assert.equal(large.kind, 'skipped');
    assert.equal(large.kind === 'skipped' && large.reason, 'too-large');
    const missing = await readTextFile(join(dir.path, 'gone.js'), 1024);
    assert.equal(missing.kind === 'skipped' && missing.reason, 'unreadable');
  });
});
