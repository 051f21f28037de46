// The generic-secret rule parses a file only when its lexical pre-check says the AST pass may
// report something. Table: every shape the AST pass binds must pass the pre-check (else a secret
// is silently missed), and look-alikes that no pass can report must not (else a bundle is parsed
// for nothing). The positive rows also run through the real rule, which must report them.
import { strict as assert } from 'node:assert';
import { mayHoldNamedSecret } from '../../src/core/secrets/generic/lexical-pairs';
import { dedent, RuleTester, type ExpectedFinding } from './rule-tester';
import { strongPassword } from './secret-values';

const SECRET = strongPassword();
const tester = new RuleTester({ ruleIds: ['generic-secret'] });

interface Row {
  name: string;
  path: string;
  text: string;
}

/** A row the pre-check lets through, with the one finding the rule then reports. */
interface ReportedRow extends Row {
  reported: ExpectedFinding;
}

const mayHold: ReportedRow[] = [
  {
    name: 'JS const',
    path: 'a.js',
    text: `const dbPassword = '${SECRET}';\n`,
    reported: { message: 'Hard-coded password in `dbPassword` (zbZK… (15 chars)).', line: 1, column: 21, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'TS typed const',
    path: 'a.ts',
    text: `const apiSecret: string = "${SECRET}";\n`,
    reported: { message: 'Hard-coded secret in `apiSecret` (zbZK… (15 chars)).', line: 1, column: 28, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'JS property',
    path: 'a.js',
    text: `module.exports = { password: "${SECRET}" };\n`,
    reported: { message: 'Hard-coded password in `password` (zbZK… (15 chars)).', line: 1, column: 31, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'JS env fallback ||',
    path: 'a.js',
    text: `const password = process.env.DB_PASSWORD || "${SECRET}";\n`,
    reported: { message: 'Hard-coded password in `DB_PASSWORD` (zbZK… (15 chars)).', line: 1, column: 46, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'JS env fallback ??',
    path: 'a.ts',
    text: `const password = process.env.DB_PASSWORD ?? "${SECRET}";\n`,
    reported: { message: 'Hard-coded password in `DB_PASSWORD` (zbZK… (15 chars)).', line: 1, column: 46, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'JS jwt.sign with a literal key after an object payload',
    path: 'a.js',
    text: `jwt.sign({ sub: user.id, roles: ['a', 'b'] }, '${SECRET}', { expiresIn: '1h' });\n`,
    reported: { message: 'Hard-coded secret in a string literal (zbZK… (15 chars)).', line: 1, column: 48, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'JS bare sign( imported from jsonwebtoken',
    path: 'a.ts',
    text: dedent`
      import { sign } from 'jsonwebtoken';
      export const t = sign(payload, \`${SECRET}\`);
    `,
    reported: { message: 'Hard-coded secret in a string literal (zbZK… (15 chars)).', line: 2, column: 33, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'Python assignment',
    path: 'a.py',
    text: `DB_PASSWORD = "${SECRET}"\n`,
    reported: { message: 'Hard-coded password in `DB_PASSWORD` (zbZK… (15 chars)).', line: 1, column: 16, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'Python getenv default',
    path: 'a.py',
    text: dedent`
      import os
      KEY = os.getenv("API_SECRET", "${SECRET}")
    `,
    reported: { message: 'Hard-coded secret in `API_SECRET` (zbZK… (15 chars)).', line: 2, column: 32, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'Python os.environ.get default, arguments on their own lines',
    path: 'a.py',
    text: dedent`
      import os
      KEY = os.environ.get(
          'API_SECRET',
          '${SECRET}',
      )
    `,
    reported: { message: 'Hard-coded secret in `API_SECRET` (zbZK… (15 chars)).', line: 4, column: 6, severity: 'warning', flagged: SECRET },
  },
  // Two line breaks (a blank line) between the ( and the name: the backward skip once stopped moving there.
  {
    name: 'Python getenv default after a blank line in the call',
    path: 'a.py',
    text: dedent`
      import os
      KEY = os.getenv(

          "API_SECRET", "${SECRET}")
    `,
    reported: { message: 'Hard-coded secret in `API_SECRET` (zbZK… (15 chars)).', line: 4, column: 20, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'Python getenv default after a comment in the call',
    path: 'a.py',
    text: dedent`
      from os import getenv
      KEY = getenv(  # the signing key
          "API_SECRET", "${SECRET}")
    `,
    reported: { message: 'Hard-coded secret in `API_SECRET` (zbZK… (15 chars)).', line: 3, column: 20, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'Python os.environ.get(…) or "…"',
    path: 'a.py',
    text: dedent`
      import os
      KEY = os.environ.get("API_SECRET") or "${SECRET}"
    `,
    reported: { message: 'Hard-coded secret in `API_SECRET` (zbZK… (15 chars)).', line: 2, column: 40, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'Python getenv(…)or"…" without spaces',
    path: 'a.py',
    text: dedent`
      from os import getenv
      KEY = getenv('DB_PASSWORD')or'${SECRET}'
    `,
    reported: { message: 'Hard-coded password in `DB_PASSWORD` (zbZK… (15 chars)).', line: 2, column: 31, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'Python decouple config(…, default="…")',
    path: 'a.py',
    text: dedent`
      from decouple import config
      SECRET_KEY = config("SECRET_KEY", default="${SECRET}")
    `,
    reported: { message: 'Hard-coded secret in `SECRET_KEY` (zbZK… (15 chars)).', line: 2, column: 44, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'Python keyword argument',
    path: 'a.py',
    text: `connect(host="db", password="${SECRET}")\n`,
    reported: { message: 'Hard-coded password in `password` (zbZK… (15 chars)).', line: 1, column: 30, severity: 'warning', flagged: SECRET },
  },
  {
    name: 'Python jwt.encode with a literal key',
    path: 'a.py',
    text: dedent`
      import jwt
      token = jwt.encode({"sub": user_id}, "${SECRET}", algorithm="HS256")
    `,
    reported: { message: 'Hard-coded secret in a string literal (zbZK… (15 chars)).', line: 2, column: 39, severity: 'warning', flagged: SECRET },
  },
];

const notParsed: Row[] = [
  { name: 'a minified list of input types', path: 'a.js', text: `if(!new Set(["","email","number","password","search","tel"]).has(t))x();\n` },
  { name: 'a JS call with a name then a string argument', path: 'a.js', text: `t.equal(components.userinfo, 'user:pass', 'userinfo');\n` },
  { name: 'a Python call with an unquoted name then a string', path: 'a.py', text: `check(password, "doesnotexist-${SECRET}")\n` },
  {
    name: 'a Python list of names',
    path: 'a.py',
    text: dedent`
      __all__ = ['splitpasswd',
                 'splitport']
    `,
  },
  { name: 'a Python tuple of names', path: 'a.py', text: `names = ("splitpasswd", "splitport")\n` },
  { name: 'a Python call that is no environment getter', path: 'a.py', text: `config.get("password", "${SECRET}")\n` },
  { name: 'a Python default= in a call that is no environment getter', path: 'a.py', text: `x = settings.get("password", default="${SECRET}")\n` },
  { name: 'a Python `or` after a call that is no environment getter', path: 'a.py', text: `x = settings.get("password") or "${SECRET}"\n` },
  { name: 'a Python `or` after a subscript', path: 'a.py', text: `x = os.environ["DB_PASSWORD"] or "${SECRET}"\n` },
  { name: 'JS || in Python is not an env fallback', path: 'a.py', text: `x = password || "${SECRET}"\n` },
  { name: 'jwt.sign with a variable key', path: 'a.js', text: `jwt.sign({ sub: 1, note: "a, 'b'" }, process.env.JWT_SECRET, { expiresIn: '1h' });\n` },
  {
    name: 'jwt.verify with one argument',
    path: 'a.js',
    text: dedent`
      jwt.verify(token);
      const label = "x";
    `,
  },
  { name: 'a method named sign', path: 'a.js', text: `crypto.sign(data, "${SECRET}");\n` },
];

describe('generic-secret lexical pre-check', () => {
  for (const row of mayHold) {
    it(`lets through: ${row.name}, and the rule reports it`, async () => {
      assert.equal(mayHoldNamedSecret(row.text, row.path, row.path.endsWith('.py')), true);
      await tester.checkInvalid({ name: row.name, path: row.path, code: row.text, errors: [row.reported] });
    });
  }
  for (const row of notParsed) {
    it(`keeps out: ${row.name}`, () => {
      assert.equal(mayHoldNamedSecret(row.text, row.path, row.path.endsWith('.py')), false);
    });
  }
});
