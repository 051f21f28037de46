import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/engine';
import privateKey, { keyBlocks } from '../../src/core/rules/private-key';
import { fakePem, fakePemBody } from './helpers';
import { assertGrowth } from './scaling';

async function findings(path: string, text: string) {
  return (await analyze({ path, text }, { rules: [privateKey] })).findings;
}

describe('rule private-key', () => {
  const invalid: { name: string; path: string; text: string; line: number; severity?: string }[] = [
    { name: 'a PEM file', path: 'deploy/key.pem', text: fakePem(), line: 0 },
    { name: 'an OpenSSH key in a text file', path: 'id_ed25519', text: fakePem('OPENSSH ', 3), line: 0 },
    { name: 'a PKCS#8 key after other text', path: 'notes.txt', text: `keys below\n\n${fakePem('', 11)}`, line: 2 },
    {
      name: 'an EC key in YAML block scalar',
      path: 'config.yaml',
      text: `tls:\n  key: |\n    ${fakePem('EC ', 5).trim().split('\n').join('\n    ')}\n`,
      line: 2,
    },
    {
      name: 'a \\n-escaped key in a JS string',
      path: 'src/sign.ts',
      text: `const key = "-----BEGIN RSA PRIVATE KEY-----\\n${fakePemBody(9).split('\n').join('\\n')}\\n-----END RSA PRIVATE KEY-----";\n`,
      line: 0,
    },
    {
      name: 'a key concatenated over JS lines',
      path: 'src/sign.js',
      text: `const key =\n  '-----BEGIN PRIVATE KEY-----\\n' +\n${fakePemBody(4)
        .split('\n')
        .map((line) => `  '${line}\\n' +`)
        .join('\n')}\n  '-----END PRIVATE KEY-----';\n`,
      line: 1,
    },
    { name: 'a Python triple-quoted key', path: 'app/keys.py', text: `KEY = """${fakePem('RSA ', 21)}"""\n`, line: 0 },
    { name: 'an encrypted PKCS#8 key (warning)', path: 'k.pem', text: fakePem('ENCRYPTED ', 2), line: 0, severity: 'warning' },
    {
      name: 'a legacy encrypted PEM with headers (warning)',
      path: 'k.pem',
      text: `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n${fakePemBody(13)}\n-----END RSA PRIVATE KEY-----\n`,
      line: 0,
      severity: 'warning',
    },
  ];
  for (const { name, path, text, line, severity } of invalid) {
    it(`reports ${name}`, async () => {
      const found = await findings(path, text);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0].ruleId, 'private-key');
      assert.equal(found[0].category, 'inline-secret');
      assert.equal(found[0].range.start.line, line);
      assert.equal(found[0].severity, severity ?? 'error');
    });
  }

  const valid: { name: string; path: string; text: string }[] = [
    {
      name: 'markers mentioned in prose',
      path: 'README.md',
      text: 'Paste the block between -----BEGIN PRIVATE KEY----- and -----END PRIVATE KEY----- into the field.\n',
    },
    { name: 'a placeholder body', path: 'k.pem', text: '-----BEGIN RSA PRIVATE KEY-----\n<your key here>\n-----END RSA PRIVATE KEY-----\n' },
    { name: 'an elided body', path: 'docs.md', text: '-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----\n' },
    {
      name: 'a low-variety filler body',
      path: 'k.pem',
      text: `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n${'x'.repeat(64)}\n-----END PRIVATE KEY-----\n`,
    },
    { name: 'a public key', path: 'k.pub.pem', text: fakePem('', 1).replace(/PRIVATE/g, 'PUBLIC') },
    { name: 'a certificate', path: 'cert.pem', text: fakePem('', 1).replace(/PRIVATE KEY/g, 'CERTIFICATE') },
    { name: 'mismatched END marker', path: 'k.pem', text: `-----BEGIN RSA PRIVATE KEY-----\n${fakePemBody(3)}\n-----END EC PRIVATE KEY-----\n` },
    {
      name: 'a BEGIN marker in a parser constant',
      path: 'src/pem.ts',
      text: "const HEADER = /-----BEGIN (RSA )?PRIVATE KEY-----/;\nconst END = '-----END PRIVATE KEY-----';\n",
    },
  ];
  for (const { name, path, text } of valid) {
    it(`does not report ${name}`, async () => {
      assert.deepEqual(await findings(path, text), []);
    });
  }

  it('never echoes the key in its message', async () => {
    const text = fakePem();
    const [finding] = await findings('k.pem', text);
    const body = fakePemBody(7).split('\n');
    for (const line of body) assert.ok(!finding.message.includes(line.slice(4, 24)), 'message contains key material');
    assert.match(finding.message, /\(768 chars\)/);
  });

  it('gives the same fingerprint when the key moves', async () => {
    const [first] = await findings('k.pem', fakePem());
    const [moved] = await findings('k.pem', `\n\n# rotated yesterday\n${fakePem()}`);
    assert.equal(first.fingerprint, moved.fingerprint);
    assert.notEqual(first.range.start.line, moved.range.start.line);
  });

  describe('linear time on BEGIN markers without their END', () => {
    const begin = '-----BEGIN RSA PRIVATE KEY-----\n';
    const cases: [string, (size: number) => string][] = [
      ['with one END at the very end', (size) => `${begin.repeat(size / begin.length)}-----END RSA PRIVATE KEY-----\n`],
      ['with END markers of another kind', (size) => `${begin}-----END EC PRIVATE KEY-----\n`.repeat(size / 64)],
      ['with no END at all', (size) => begin.repeat(size / begin.length)],
    ];
    for (const [label, build] of cases) {
      it(label, () => assertGrowth(build, keyBlocks, 16 * 1024));
    }
  });
});
