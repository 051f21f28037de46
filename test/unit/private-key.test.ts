import { strict as assert } from 'node:assert';
import privateKey, { keyBlocks } from '../../src/core/rules/private-key';
import { fakePem, fakePemBody } from './helpers';
import { dedent, RuleTester } from './rule-tester';
import { assertGrowth } from './scaling';

const tester = new RuleTester({ rules: [privateKey] });

/** The message for a key of this kind whose masked body is `masked`. */
function committed(label: string, masked: string, encrypted = false): string {
  const passphrase = encrypted ? '; it is passphrase-protected, but the passphrase is rarely strong' : '';
  return `${label} committed in this file (${masked})${passphrase}. Revoke it, and load keys from a secret store or a file outside the repository.`;
}

describe('rule private-key', () => {
  tester.run({
    invalid: [
      {
        name: 'a PEM file',
        path: 'deploy/key.pem',
        code: fakePem(),
        errors: [{ message: committed('RSA private key', '9f9h… (768 chars)'), line: 1, column: 1, endLine: 14, endColumn: 30, severity: 'error', fixes: [] }],
      },
      {
        name: 'an OpenSSH key in a text file',
        path: 'id_ed25519',
        code: fakePem('OPENSSH ', 3),
        errors: [
          { message: committed('OPENSSH private key', '6rgX… (768 chars)'), line: 1, column: 1, endLine: 14, endColumn: 34, severity: 'error', fixes: [] },
        ],
      },
      {
        name: 'a PKCS#8 key after other text',
        path: 'notes.txt',
        code: dedent`
          keys below

          ${fakePem('', 11)}`,
        errors: [{ message: committed('Private key', 'sLrN… (768 chars)'), line: 3, column: 1, endLine: 16, endColumn: 26, severity: 'error', fixes: [] }],
      },
      {
        name: 'an EC key in YAML block scalar',
        path: 'config.yaml',
        code: dedent`
          tls:
            key: |
              ${fakePem('EC ', 5).trim().split('\n').join('\n    ')}
        `,
        errors: [{ message: committed('EC private key', 's9is… (767 chars)'), line: 3, column: 5, endLine: 16, endColumn: 33, severity: 'error', fixes: [] }],
      },
      {
        name: 'a \\n-escaped key in a JS string',
        path: 'src/sign.ts',
        code: `const key = "-----BEGIN RSA PRIVATE KEY-----\\n${fakePemBody(9).split('\n').join('\\n')}\\n-----END RSA PRIVATE KEY-----";\n`,
        errors: [{ message: committed('RSA private key', '37MA… (768 chars)'), line: 1, column: 14, endLine: 1, endColumn: 868, severity: 'error', fixes: [] }],
      },
      {
        name: 'a key concatenated over JS lines',
        path: 'src/sign.js',
        code: dedent`
          const key =
            '-----BEGIN PRIVATE KEY-----\\n' +
          ${fakePemBody(4)
            .split('\n')
            .map((line) => `  '${line}\\n' +`)
            .join('\n')}
            '-----END PRIVATE KEY-----';
        `,
        errors: [{ message: committed('Private key', 'WSUG… (768 chars)'), line: 2, column: 4, endLine: 15, endColumn: 29, severity: 'error', fixes: [] }],
      },
      {
        name: 'a Python triple-quoted key',
        path: 'app/keys.py',
        code: `KEY = """${fakePem('RSA ', 21)}"""\n`,
        errors: [{ message: committed('RSA private key', 'GNjo… (767 chars)'), line: 1, column: 10, endLine: 14, endColumn: 30, severity: 'error', fixes: [] }],
      },
      {
        name: 'an encrypted PKCS#8 key (warning)',
        path: 'k.pem',
        code: fakePem('ENCRYPTED ', 2),
        errors: [
          {
            message: committed('ENCRYPTED private key', '5rGQ… (768 chars)', true),
            line: 1,
            column: 1,
            endLine: 14,
            endColumn: 36,
            severity: 'warning',
            fixes: [],
          },
        ],
      },
      {
        name: 'a legacy encrypted PEM with headers (warning)',
        path: 'k.pem',
        code: dedent`
          -----BEGIN RSA PRIVATE KEY-----
          Proc-Type: 4,ENCRYPTED
          DEK-Info: AES-128-CBC,3F17F5316E2BAC89

          ${fakePemBody(13)}
          -----END RSA PRIVATE KEY-----
        `,
        errors: [
          { message: committed('RSA private key', 'VmqI… (768 chars)', true), line: 1, column: 1, endLine: 17, endColumn: 30, severity: 'warning', fixes: [] },
        ],
      },
    ],
    valid: [
      {
        name: 'markers mentioned in prose',
        path: 'README.md',
        code: 'Paste the block between -----BEGIN PRIVATE KEY----- and -----END PRIVATE KEY----- into the field.\n',
      },
      {
        name: 'a placeholder body',
        path: 'k.pem',
        code: dedent`
          -----BEGIN RSA PRIVATE KEY-----
          <your key here>
          -----END RSA PRIVATE KEY-----
        `,
      },
      {
        name: 'an elided body',
        path: 'docs.md',
        code: dedent`
          -----BEGIN OPENSSH PRIVATE KEY-----
          ...
          -----END OPENSSH PRIVATE KEY-----
        `,
      },
      {
        name: 'a low-variety filler body',
        path: 'k.pem',
        code: dedent`
          -----BEGIN PRIVATE KEY-----
          ${'A'.repeat(64)}
          ${'x'.repeat(64)}
          -----END PRIVATE KEY-----
        `,
      },
      { name: 'a public key', path: 'k.pub.pem', code: fakePem('', 1).replace(/PRIVATE/g, 'PUBLIC') },
      { name: 'a certificate', path: 'cert.pem', code: fakePem('', 1).replace(/PRIVATE KEY/g, 'CERTIFICATE') },
      {
        name: 'mismatched END marker',
        path: 'k.pem',
        code: dedent`
          -----BEGIN RSA PRIVATE KEY-----
          ${fakePemBody(3)}
          -----END EC PRIVATE KEY-----
        `,
      },
      {
        name: 'a BEGIN marker in a parser constant',
        path: 'src/pem.ts',
        code: dedent`
          const HEADER = /-----BEGIN (RSA )?PRIVATE KEY-----/;
          const END = '-----END PRIVATE KEY-----';
        `,
      },
    ],
  });

  it('never echoes the key in its message', async () => {
    const finding = await tester.only({ path: 'k.pem', code: fakePem() });
    const body = fakePemBody(7).split('\n');
    for (const line of body) assert.ok(!finding.message.includes(line.slice(4, 24)), 'message contains key material');
    assert.match(finding.message, /\(768 chars\)/);
  });

  it('gives the same fingerprint when the key moves', async () => {
    const first = await tester.only({ path: 'k.pem', code: fakePem() });
    const moved = await tester.only({
      path: 'k.pem',
      code: dedent`


        # rotated yesterday
        ${fakePem()}`,
    });
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
