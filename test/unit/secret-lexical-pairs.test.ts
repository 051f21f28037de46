// The generic-secret rule parses a file only when its lexical pre-check says the AST pass may
// report something. Table: every shape the AST pass binds must pass the pre-check (else a secret
// is silently missed), and look-alikes that no pass can report must not (else a bundle is parsed
// for nothing). The positive rows also run through the real rule, which must report them.
import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/engine';
import { mayHoldNamedSecret } from '../../src/core/secrets/generic/lexical-pairs';
import { strongPassword } from './secret-values';

const SECRET = strongPassword();

interface Row {
  name: string;
  path: string;
  text: string;
}

const mayHold: Row[] = [
  { name: 'JS const', path: 'a.js', text: `const dbPassword = '${SECRET}';\n` },
  { name: 'TS typed const', path: 'a.ts', text: `const apiSecret: string = "${SECRET}";\n` },
  { name: 'JS property', path: 'a.js', text: `module.exports = { password: "${SECRET}" };\n` },
  { name: 'JS env fallback ||', path: 'a.js', text: `const password = process.env.DB_PASSWORD || "${SECRET}";\n` },
  { name: 'JS env fallback ??', path: 'a.ts', text: `const password = process.env.DB_PASSWORD ?? "${SECRET}";\n` },
  {
    name: 'JS jwt.sign with a literal key after an object payload',
    path: 'a.js',
    text: `jwt.sign({ sub: user.id, roles: ['a', 'b'] }, '${SECRET}', { expiresIn: '1h' });\n`,
  },
  {
    name: 'JS bare sign( imported from jsonwebtoken',
    path: 'a.ts',
    text: `import { sign } from 'jsonwebtoken';\nexport const t = sign(payload, \`${SECRET}\`);\n`,
  },
  { name: 'Python assignment', path: 'a.py', text: `DB_PASSWORD = "${SECRET}"\n` },
  { name: 'Python getenv default', path: 'a.py', text: `import os\nKEY = os.getenv("API_SECRET", "${SECRET}")\n` },
  {
    name: 'Python os.environ.get default, arguments on their own lines',
    path: 'a.py',
    text: `import os\nKEY = os.environ.get(\n    'API_SECRET',\n    '${SECRET}',\n)\n`,
  },
  // Two line breaks (a blank line) between the ( and the name: the backward skip once stopped moving there.
  { name: 'Python getenv default after a blank line in the call', path: 'a.py', text: `import os\nKEY = os.getenv(\n\n    "API_SECRET", "${SECRET}")\n` },
  {
    name: 'Python getenv default after a comment in the call',
    path: 'a.py',
    text: `from os import getenv\nKEY = getenv(  # the signing key\n    "API_SECRET", "${SECRET}")\n`,
  },
  { name: 'Python os.environ.get(…) or "…"', path: 'a.py', text: `import os\nKEY = os.environ.get("API_SECRET") or "${SECRET}"\n` },
  { name: 'Python getenv(…)or"…" without spaces', path: 'a.py', text: `from os import getenv\nKEY = getenv('DB_PASSWORD')or'${SECRET}'\n` },
  {
    name: 'Python decouple config(…, default="…")',
    path: 'a.py',
    text: `from decouple import config\nSECRET_KEY = config("SECRET_KEY", default="${SECRET}")\n`,
  },
  { name: 'Python keyword argument', path: 'a.py', text: `connect(host="db", password="${SECRET}")\n` },
  { name: 'Python jwt.encode with a literal key', path: 'a.py', text: `import jwt\ntoken = jwt.encode({"sub": user_id}, "${SECRET}", algorithm="HS256")\n` },
];

const notParsed: Row[] = [
  { name: 'a minified list of input types', path: 'a.js', text: `if(!new Set(["","email","number","password","search","tel"]).has(t))x();\n` },
  { name: 'a JS call with a name then a string argument', path: 'a.js', text: `t.equal(components.userinfo, 'user:pass', 'userinfo');\n` },
  { name: 'a Python call with an unquoted name then a string', path: 'a.py', text: `check(password, "doesnotexist-${SECRET}")\n` },
  { name: 'a Python list of names', path: 'a.py', text: `__all__ = ['splitpasswd',\n           'splitport']\n` },
  { name: 'a Python tuple of names', path: 'a.py', text: `names = ("splitpasswd", "splitport")\n` },
  { name: 'a Python call that is no environment getter', path: 'a.py', text: `config.get("password", "${SECRET}")\n` },
  { name: 'a Python default= in a call that is no environment getter', path: 'a.py', text: `x = settings.get("password", default="${SECRET}")\n` },
  { name: 'a Python `or` after a call that is no environment getter', path: 'a.py', text: `x = settings.get("password") or "${SECRET}"\n` },
  { name: 'a Python `or` after a subscript', path: 'a.py', text: `x = os.environ["DB_PASSWORD"] or "${SECRET}"\n` },
  { name: 'JS || in Python is not an env fallback', path: 'a.py', text: `x = password || "${SECRET}"\n` },
  { name: 'jwt.sign with a variable key', path: 'a.js', text: `jwt.sign({ sub: 1, note: "a, 'b'" }, process.env.JWT_SECRET, { expiresIn: '1h' });\n` },
  { name: 'jwt.verify with one argument', path: 'a.js', text: `jwt.verify(token);\nconst label = "x";\n` },
  { name: 'a method named sign', path: 'a.js', text: `crypto.sign(data, "${SECRET}");\n` },
];

describe('generic-secret lexical pre-check', () => {
  for (const row of mayHold) {
    it(`lets through: ${row.name}, and the rule reports it`, async () => {
      assert.equal(mayHoldNamedSecret(row.text, row.path, row.path.endsWith('.py')), true);
      const { findings } = await analyze({ path: row.path, text: row.text });
      assert.deepEqual(
        findings.filter((finding) => finding.ruleId === 'generic-secret').map((finding) => row.text.split('\n')[finding.range.start.line].includes(SECRET)),
        [true],
      );
    });
  }
  for (const row of notParsed) {
    it(`keeps out: ${row.name}`, () => {
      assert.equal(mayHoldNamedSecret(row.text, row.path, row.path.endsWith('.py')), false);
    });
  }
});
