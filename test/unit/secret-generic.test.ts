import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import {
  classifySecretName,
  detectConnectionStringKeys,
  detectConnectionStringPasswords,
  detectCredentialedUris,
  ENTROPY_RATIO_THRESHOLD,
  hostLocality,
  isEnvironmentReference,
  isPlaceholderValue,
  judgeNamedValue,
  looksMachineGenerated,
  shannonEntropy,
  type EmbeddedSecretMatch,
  type NamedValueCandidate,
  type SecretKind,
} from '../../src/core/secrets/generic';
import { assertGrowth } from './scaling';

// Credential-shaped values are derived from hashes at run time: random-looking, stable across
// runs, and never a real credential in the repository (push protection has nothing to find).
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const HEX = '0123456789abcdef';
const BASE36 = LOWER + DIGITS;
const BASE62 = LOWER + UPPER + DIGITS;
const BASE64 = BASE62 + '+/';
const BASE64URL = BASE62 + '-_';

function fakeRandom(seed: string, length: number, alphabet = BASE62): string {
  let out = '';
  for (let block = 0; out.length < length; block++) {
    for (const byte of createHash('sha256').update(`${seed}:${block}`).digest()) {
      if (out.length === length) break;
      out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A JWT-shaped value: real header, hash-derived payload and signature. */
function fakeJwt(seed: string): string {
  return `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${fakeRandom(`${seed}-payload`, 48, BASE64URL)}.${fakeRandom(`${seed}-sig`, 43, BASE64URL)}`;
}

function fakeHexDigest(seed: string, bytes: 16 | 20 | 32): string {
  return createHash('sha256')
    .update(seed)
    .digest('hex')
    .slice(0, bytes * 2);
}

function judge(name: string, value: string, path?: string) {
  return judgeNamedValue({ name, value, path });
}

describe('generic secrets', () => {
  describe('name gate (classifySecretName)', () => {
    const secretLike: [string, SecretKind][] = [
      ['password', 'password'],
      ['PASSWORD', 'password'],
      ['passwd', 'password'],
      ['pwd', 'password'],
      ['db_pass', 'password'],
      ['smtp.auth.pass', 'password'],
      ['dbPassword', 'password'],
      ['DB_PASSWORD', 'password'],
      ['db-password', 'password'],
      ['db.password', 'password'],
      ['DBPASSWORD', 'password'],
      ['MYSQL_ROOT_PASSWORD', 'password'],
      ['adminPassword2', 'password'],
      ['password_confirmation', 'password'],
      ['passphrase', 'password'],
      ['spring.datasource.password', 'password'],
      ["DATABASES['default']['PASSWORD']", 'password'],
      ['secret', 'secret'],
      ['client_secret', 'secret'],
      ['clientSecret', 'secret'],
      ['CLIENT_SECRET', 'secret'],
      ['secret_key', 'secret'],
      ['SECRET_KEY', 'secret'],
      ['SECRET_KEY_BASE', 'secret'],
      ['app.secret_key', 'secret'],
      ["app.config['SECRET_KEY']", 'secret'],
      ['jwt_secret', 'secret'],
      ['JWT_SECRET', 'secret'],
      ['jwtSecret', 'secret'],
      ['private_key', 'secret'],
      ['privateKey', 'secret'],
      ['signing_key', 'secret'],
      ['encryption_key', 'secret'],
      ['credentials', 'secret'],
      ['creds', 'secret'],
      ['AWS_SECRET_ACCESS_KEY', 'secret'],
      ['aws.secretAccessKey', 'secret'],
      ['api_key', 'API key'],
      ['apiKey', 'API key'],
      ['api-key', 'API key'],
      ['APIKEY', 'API key'],
      ['apikey', 'API key'],
      ['X-API-Key', 'API key'],
      ['access_key', 'API key'],
      ['stripe.apiKey', 'API key'],
      ['OPENAI_API_KEY', 'API key'],
      ['api_keys', 'API key'],
      ['Ocp-Apim-Subscription-Key', 'API key'],
      ['apiKeyProd', 'API key'],
      ['token', 'token'],
      ['auth_token', 'token'],
      ['authToken', 'token'],
      ['access_token', 'token'],
      ['refresh_token', 'token'],
      ['bearer', 'token'],
      ['bearer_token', 'token'],
      ['githubToken', 'token'],
      ['GITHUB_TOKEN', 'token'],
      ['_authToken', 'token'],
      ['//registry.npmjs.org/:_authToken', 'token'],
      ['Authorization', 'token'],
      ['headers.Authorization', 'token'],
      ['slack.botToken', 'token'],
      // A bare `key` reads with the segment before it (.NET `Jwt:Key`, Terraform `variable.default`).
      ['Jwt.Key', 'secret'],
      ['Jwt:Key', 'secret'],
      ['encryption.key', 'secret'],
      ['Api.Key', 'API key'],
      ['db_password.default', 'password'],
    ];
    for (const [name, kind] of secretLike) {
      it(`"${name}" is a ${kind} name`, () => {
        const verdict = classifySecretName(name);
        assert.equal(verdict.secretLike, true, JSON.stringify(verdict));
        assert.equal(verdict.secretLike && verdict.kind, kind);
      });
    }

    const notSecretLike = [
      'password_field',
      'passwordField',
      'passwordHash',
      'password_hash',
      'hashed_password',
      'password_digest',
      'encrypted_password',
      'token_url',
      'tokenUrl',
      'token_endpoint',
      'secret_name',
      'secretName',
      'secretArn',
      'password_min_length',
      'MIN_PASSWORD_LENGTH',
      'passwordless',
      'tokenizer',
      'max_tokens',
      'maxTokens',
      'prompt_tokens',
      'token_type',
      'tokenType',
      'csrf_token_name',
      'PASSWORD_RESET_TIMEOUT',
      'keyboard',
      'monkey',
      'author',
      'auth_url',
      'passport',
      'passthrough',
      'bypass',
      'show_password',
      'showPassword',
      'has_api_key',
      'isSecret',
      'forgot_password',
      'forgotPassword',
      'public_key',
      'publicKey',
      'publishable_key',
      'stripePublishableKey',
      'recaptcha_site_key',
      'nextPageToken',
      'next_token',
      'pad_token',
      'eos_token',
      'cancellationToken',
      'csrf_token',
      'AWS_ACCESS_KEY_ID',
      'accessKeyId',
      'api_key_header',
      'apiKeyName',
      'TOKEN_KEY',
      'TOKEN_STORAGE_KEY',
      'key',
      'cacheKey',
      'primaryKey',
      'secret_ref',
      'password_label',
      'passwordPlaceholder',
      'password_path',
      'token_file',
      'SECRET_ENV_VAR',
      'token_count',
      'retry_limit',
      'password_policy',
      'passwordStrength',
      'first_pass',
      'withCredentials',
      'credentials_file',
      'examples.login.password',
      'mocks.apiKey',
      'jwt_expiry',
      'session_timeout',
      'x'.repeat(300),
      'Cache.Key',
      'this.key',
      'Tls.Key',
      'public.key',
      'region.default',
    ];
    for (const name of notSecretLike) {
      it(`"${name.length > 40 ? `${name.slice(0, 10)}…` : name}" is not a secret name`, () => {
        assert.equal(classifySecretName(name).secretLike, false);
      });
    }

    it('gives a reason naming the qualifying word', () => {
      const verdict = classifySecretName('token_url');
      assert.equal(verdict.secretLike, false);
      assert.match(!verdict.secretLike ? verdict.reason : '', /"url"/);
    });
  });

  describe('environment variable names', () => {
    const cases: [string, string][] = [
      ['dbPassword', 'DB_PASSWORD'],
      ['stripe.apiKey', 'STRIPE_API_KEY'],
      ['SECRET_KEY', 'SECRET_KEY'],
      ["app.config['SECRET_KEY']", 'SECRET_KEY'],
      ['settings.SECRET_KEY', 'SECRET_KEY'],
      ['this.apiKey', 'API_KEY'],
      ['self.api_key', 'API_KEY'],
      ['password', 'PASSWORD'],
      ['db-password', 'DB_PASSWORD'],
      ['X-API-Key', 'API_KEY'],
      ['headers.Authorization', 'API_TOKEN'],
      ['github.token', 'GITHUB_TOKEN'],
      ['smtp.auth.pass', 'SMTP_PASS'],
      ['DATABASES.default.PASSWORD', 'DATABASES_PASSWORD'],
      ['config.database.password', 'DATABASE_PASSWORD'],
      ['jwtSecret', 'JWT_SECRET'],
      ['2fa_secret', 'APP_2FA_SECRET'],
      ['OPENAI_API_KEY', 'OPENAI_API_KEY'],
    ];
    const value = fakeRandom('env-name', 32);
    for (const [name, envName] of cases) {
      it(`${name} → ${envName}`, () => {
        const verdict = judge(name, value);
        assert.equal(verdict.secret, true, JSON.stringify(verdict));
        assert.equal(verdict.secret && verdict.envName, envName);
      });
    }
  });

  describe('values judged as passwords', () => {
    const secrets = [
      'hunter2',
      'P@ssw0rd123',
      'Sup3rS3cr3t!',
      'admin123',
      'letmein',
      'iloveyou',
      'password1',
      'Password123!',
      'Welcome2024',
      'trustno1',
      'correct-horse-battery-staple',
      fakeRandom('pw-1', 12),
      fakeRandom('pw-2', 20, BASE62 + '!@#$%^&*'),
    ];
    for (const value of secrets) {
      it(`reports ${JSON.stringify(value)}`, () => {
        const verdict = judge('password', value);
        assert.deepEqual(verdict, { secret: true, kind: 'password', envName: 'PASSWORD' });
      });
    }

    const notSecrets = [
      '',
      '   ',
      'abc',
      'pass',
      'secret',
      'password',
      'Password',
      'PASSWORD',
      'Password:',
      'changeme',
      'change-me',
      'changeit',
      'changeme123',
      '<password>',
      '<your-password>',
      '{{ password }}',
      '{{ .Values.db.password }}',
      '${DB_PASSWORD}',
      '${DB_PASSWORD:-postgres}',
      '$DB_PASSWORD',
      '%(pw)s',
      '%s',
      '{}',
      '{0}',
      '{password}',
      '#{DbPassword}',
      '<%= password %>',
      ':password',
      '@password',
      '__DB_PASSWORD__',
      'xxxxxxxx',
      'XXXXXXXX',
      '********',
      '••••••••',
      '...',
      '…',
      'TODO',
      'replace-me',
      'replace_with_real_password',
      'dummy',
      'example',
      'test',
      'testtest',
      'sample',
      'fake',
      'placeholder',
      'none',
      'null',
      'undefined',
      'your_password_here',
      'YOUR_PASSWORD',
      'yourpassword',
      'mypassword',
      'mysecretpassword',
      'rootpassword',
      'wrongpassword',
      'newpassword',
      'Enter your password',
      'Mot de passe',
      'Passwort',
      'Contraseña',
      'Kata sandi',
      'パスワード',
      'пароль',
      'Palavra-passe',
      'Password must be at least 8 characters',
      'postgres',
      'rabbitmq',
      'changeit',
      'process.env.DB_PASSWORD',
      'os.environ["DB_PASSWORD"]',
      "os.getenv('DB_PASSWORD')",
      'DB_PASSWORD',
      '${{ secrets.DB_PASSWORD }}',
      'env:DB_PASSWORD',
      'op://vault/db/password',
      'var.db_password',
      'random_password.db.result',
      'string',
      'str',
      'required',
      'required|string|min:8|confirmed',
      'current-password',
      'new-password',
      'hidden',
      '#password',
      '#password-input',
      'input[name=password]',
      'passwordInput',
      'validatePassword',
      'not-a-real-password',
      'fake_password_for_tests',
      'shhhhh',
      '12345678',
      'abcdef',
      '1234567890',
      'aaaaaaaa',
      'cGFzc3dvcmQ=',
      `$2b$12$${fakeRandom('bcrypt', 53, BASE62 + './')}`,
      `pbkdf2_sha256$600000$${fakeRandom('salt', 22)}$${fakeRandom('hash', 44, BASE64)}`,
      `pbkdf2:sha256:600000$${fakeRandom('salt2', 16)}$${fakeHexDigest('werkzeug', 32)}`,
      fakeHexDigest('md5-ish', 16),
      fakeHexDigest('sha1-ish', 20),
      fakeHexDigest('sha256-ish', 32),
      `sha384-${fakeRandom('sri', 64, BASE64)}`,
      'https://vault.example.com/v1/secret/data/db',
      './secrets/db_password.txt',
      '/run/secrets/db_password',
      'db_password.txt',
      'admin@example.com',
      '123e4567-e89b-12d3-a456-426614174000',
      `-----BEGIN PRIVATE KEY-----\\n${fakeRandom('pem', 64, BASE64)}`,
      '^9.0.0',
      'x'.repeat(5000),
    ];
    for (const value of notSecrets) {
      it(`does not report ${JSON.stringify(value.length > 50 ? `${value.slice(0, 50)}…` : value)}`, () => {
        const verdict = judge('password', value);
        assert.equal(verdict.secret, false, JSON.stringify(verdict));
      });
    }
  });

  describe('values judged as tokens and API keys', () => {
    const secrets: [string, string][] = [
      ['api_key', fakeRandom('key-1', 32)],
      ['apiKey', `sk-${fakeRandom('key-2', 48)}`],
      ['x-api-key', fakeRandom('key-3', 40, BASE36)],
      ['API_KEY', fakeRandom('key-4', 32, HEX)],
      ['auth_token', fakeHexDigest('token-hex', 20)],
      ['access_token', fakeJwt('access')],
      ['token', fakeRandom('token-b64', 44, BASE64)],
      ['refresh_token', fakeRandom('refresh', 64, BASE64URL)],
      ['bearer', fakeRandom('bearer', 24, UPPER + DIGITS)],
      ['Authorization', `Bearer ${fakeRandom('header', 40)}`],
      ['Authorization', `token ${fakeRandom('gh-header', 40)}`],
      ['Authorization', `Basic ${Buffer.from(`deploy:${fakeRandom('basic', 14)}`).toString('base64')}`],
    ];
    for (const [name, value] of secrets) {
      it(`reports ${name} = ${value.slice(0, 12)}…`, () => {
        assert.equal(judge(name, value).secret, true, JSON.stringify(judge(name, value)));
      });
    }

    const notSecrets = [
      '',
      'abc123',
      'short-token',
      'demo',
      fakeRandom('short', 15),
      'my-dev-api-key-12345',
      'test_token_for_local_dev',
      'abc123def456ghi789jkl',
      'ThisIsMyAppToken2024',
      'aaaabbbb11112222',
      'abcabcabc123123123',
      'test1test2test3test4',
      'sk_live_xxxxxxxxxxxxxxxx',
      'AKIAXXXXXXXXXXXXXXXX',
      'ghp_************************************',
      '<your-token>',
      'your-api-key',
      'YOUR_API_KEY_HERE',
      'bearer',
      'Bearer',
      'Bearer ${token}',
      'Bearer <token>',
      'Bearer YOUR_TOKEN',
      'api_key',
      'client_credentials',
      'access_token',
      'X-API-Key',
      '123e4567-e89b-12d3-a456-426614174000',
      'https://api.example.com/oauth/token',
      'AIza' + 'X'.repeat(35),
      'prod-backend-signing-2024',
      'correct-horse-battery-staple',
      'CorrectHorseBatteryStaple9',
      '2YotnFZFEjr1zCsicMWpAA',
      'Basic not-base64!',
      'process.env.API_KEY',
      'import.meta.env.VITE_API_KEY',
      'acme-widgets-prod-api-key',
    ];
    for (const value of notSecrets) {
      it(`does not report api_key/token = ${JSON.stringify(value)}`, () => {
        assert.equal(judge('api_key', value).secret, false, JSON.stringify(judge('api_key', value)));
        assert.equal(judge('token', value).secret, false, JSON.stringify(judge('token', value)));
      });
    }
  });

  describe('values judged as secrets', () => {
    const secrets = [
      's3cr3t!!',
      'supersecretkey123',
      `django-insecure-${fakeRandom('django', 50, LOWER + DIGITS + '!@#$%^&*(-_=+)')}`,
      fakeRandom('secret-1', 44, BASE64),
      fakeHexDigest('secret-hex', 32),
      'Th1sIsMyJwtS3cret!',
    ];
    for (const value of secrets) {
      it(`reports SECRET_KEY = ${value.slice(0, 16)}…`, () => {
        assert.deepEqual(judge('SECRET_KEY', value), { secret: true, kind: 'secret', envName: 'SECRET_KEY' });
      });
    }

    const notSecrets = [
      'dev',
      'secret',
      'mysecret',
      'supersecret',
      'super-secret-key',
      'your-256-bit-secret',
      'keyboard cat',
      'db-credentials',
      'flask_app_secret',
      'internal',
      'database',
      'a-string-secret-at-least-256-bits-long',
      'change-this-in-production',
      'my-super-secret-jwt-key-change-in-production',
      'prod/db',
      'include',
      'same-origin',
      'omit',
      `arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-${fakeRandom('arn', 6)}`,
      '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db)',
      '{{resolve:secretsmanager:prod/db}}',
      'MSI_SECRET',
      '_RSAPrivateKey',
      '--username=',
      'insecure-dev-key',
      'my-secret-key-123',
      'jwt_secret_key_2024',
    ];
    for (const value of notSecrets) {
      it(`does not report SECRET_KEY/credentials = ${JSON.stringify(value.slice(0, 50))}`, () => {
        assert.equal(judge('SECRET_KEY', value).secret, false, JSON.stringify(judge('SECRET_KEY', value)));
        assert.equal(judge('credentials', value).secret, false, JSON.stringify(judge('credentials', value)));
      });
    }
  });

  describe('locale files', () => {
    it('never reports a message in a translation file', () => {
      for (const path of ['src/locales/de.json', 'i18n/fr/auth.json', 'po/de.po', 'public/messages.fr.json', 'lang/nl.json']) {
        assert.equal(judge('password', 'Kennwortfeld', path).secret, false, path);
        assert.equal(judge('password', 'Wachtwoord', path).secret, false, path);
      }
    });
    it('still reports a single word outside translation files', () => {
      assert.equal(judge('password', 'Kennwortfeld', 'src/config.ts').secret, true);
    });
    it('still reports a random token in a translation file', () => {
      assert.equal(judge('api_key', fakeRandom('locale-token', 32), 'src/locales/de.json').secret, true);
    });
  });

  describe('without a secret-like name', () => {
    it('never reports, whatever the value', () => {
      for (const name of [undefined, '', 'value', 'data', 'id', 'hash', 'checksum']) {
        const candidate: NamedValueCandidate = { name, value: fakeRandom('nameless', 40) };
        assert.equal(judgeNamedValue(candidate).secret, false, String(name));
      }
    });
  });

  describe('realistic code (what an AI assistant writes)', () => {
    const generatedKey = fakeRandom('openai-like', 48);
    const generatedToken = fakeRandom('gh-like', 36);
    const samples: { code: string; candidate: NamedValueCandidate; secret: boolean }[] = [
      { code: 'DB_PASSWORD = "Sup3rS3cr3t!"', candidate: { name: 'DB_PASSWORD', value: 'Sup3rS3cr3t!' }, secret: true },
      { code: 'api_key="sk-…"', candidate: { name: 'api_key', value: `sk-${generatedKey}` }, secret: true },
      { code: 'const GITHUB_TOKEN = "…";', candidate: { name: 'GITHUB_TOKEN', value: generatedToken }, secret: true },
      { code: "app.config['SECRET_KEY'] = '…'", candidate: { name: "app.config['SECRET_KEY']", value: fakeRandom('flask', 32, HEX) }, secret: true },
      { code: 'psycopg2.connect(password="s3cr3t-Pa55")', candidate: { name: 'password', value: 's3cr3t-Pa55' }, secret: true },
      { code: 'headers: { Authorization: `Bearer …` }', candidate: { name: 'headers.Authorization', value: `Bearer ${generatedToken}` }, secret: true },
      {
        code: 'JWT_SECRET: "…" (YAML)',
        candidate: { name: 'auth.JWT_SECRET', value: fakeRandom('jwt-yaml', 40, BASE64), path: 'config/app.yaml' },
        secret: true,
      },
      {
        code: 'spring.datasource.password=Pr0d!Db#2024',
        candidate: { name: 'spring.datasource.password', value: 'Pr0d!Db#2024', path: 'application.properties' },
        secret: true,
      },
      { code: 'password=os.environ["DB_PASSWORD"]', candidate: { name: 'password', value: 'DB_PASSWORD' }, secret: false },
      { code: 'password: process.env.DB_PASSWORD', candidate: { name: 'password', value: 'process.env.DB_PASSWORD' }, secret: false },
      { code: '"password": "Enter your password"', candidate: { name: 'password', value: 'Enter your password' }, secret: false },
      { code: 'token_type="bearer"', candidate: { name: 'token_type', value: 'bearer' }, secret: false },
      { code: 'secret_name="prod/db"', candidate: { name: 'secret_name', value: 'prod/db' }, secret: false },
      { code: 'grant_type: "password"', candidate: { name: 'grant_type', value: 'password' }, secret: false },
      { code: "fetch(url, { credentials: 'include' })", candidate: { name: 'credentials', value: 'include' }, secret: false },
      { code: '<input type="password" autocomplete="current-password">', candidate: { name: 'autocomplete', value: 'current-password' }, secret: false },
      { code: "{ name: 'password', type: 'password' }", candidate: { name: 'password', value: 'password' }, secret: false },
      { code: 'password: { type: "string", minLength: 8 }', candidate: { name: 'password.type', value: 'string' }, secret: false },
      { code: "const TOKEN_KEY = 'auth_token'", candidate: { name: 'TOKEN_KEY', value: 'auth_token' }, secret: false },
      { code: "localStorage.setItem('token', …) key", candidate: { name: 'STORAGE_KEY', value: 'todo-app-state' }, secret: false },
      { code: 'API_KEY = os.getenv("API_KEY", "your-api-key-here")', candidate: { name: 'API_KEY', value: 'your-api-key-here' }, secret: false },
      { code: 'SECRET_KEY = os.environ.get("SECRET_KEY", "dev-secret-key")', candidate: { name: 'SECRET_KEY', value: 'dev-secret-key' }, secret: false },
      { code: "app.secret_key = 'change-me-in-production'", candidate: { name: 'app.secret_key', value: 'change-me-in-production' }, secret: false },
      {
        code: 'POSTGRES_PASSWORD: postgres (compose)',
        candidate: { name: 'services.db.environment.POSTGRES_PASSWORD', value: 'postgres', path: 'docker-compose.yml' },
        secret: false,
      },
      {
        code: 'POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}',
        candidate: { name: 'POSTGRES_PASSWORD', value: '${POSTGRES_PASSWORD}', path: 'docker-compose.yml' },
        secret: false,
      },
      {
        code: 'password: ${{ secrets.DOCKER_PASSWORD }}',
        candidate: { name: 'with.password', value: '${{ secrets.DOCKER_PASSWORD }}', path: '.github/workflows/ci.yml' },
        secret: false,
      },
      { code: 'password = var.db_password (Terraform)', candidate: { name: 'password', value: 'var.db_password', path: 'main.tf' }, secret: false },
      { code: 'max_tokens=4096', candidate: { name: 'max_tokens', value: '4096' }, secret: false },
      { code: 'tokenizer.pad_token = "<pad>"', candidate: { name: 'tokenizer.pad_token', value: '<pad>' }, secret: false },
      {
        code: "PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']",
        candidate: { name: 'PASSWORD_HASHERS', value: 'django.contrib.auth.hashers.Argon2PasswordHasher' },
        secret: false,
      },
      { code: 'api_key_header = APIKeyHeader(name="X-API-Key")', candidate: { name: 'api_key_header', value: 'X-API-Key' }, secret: false },
      { code: 'placeholder="Enter your API key"', candidate: { name: 'placeholder', value: 'Enter your API key' }, secret: false },
      { code: "errors.password = 'Password is required'", candidate: { name: 'errors.password', value: 'Password is required' }, secret: false },
      { code: "password: yup.string().required('Password is required')", candidate: { name: 'password', value: 'Password is required' }, secret: false },
      { code: "'password' => 'required|string|min:8|confirmed'", candidate: { name: 'password', value: 'required|string|min:8|confirmed' }, secret: false },
      {
        code: 'password = "hunter2"  # test fixture (severity is the rule’s call)',
        candidate: { name: 'password', value: 'hunter2', path: 'tests/test_login.py' },
        secret: true,
      },
      {
        code: 'hashed_password = "$2b$12$…"',
        candidate: { name: 'hashed_password', value: `$2b$12$${fakeRandom('bcrypt-2', 53, BASE62 + './')}` },
        secret: false,
      },
      {
        code: 'user.password = "$2b$12$…" (stored hash)',
        candidate: { name: 'user.password', value: `$2b$12$${fakeRandom('bcrypt-3', 53, BASE62 + './')}` },
        secret: false,
      },
      { code: 'integrity: "sha384-…"', candidate: { name: 'integrity', value: `sha384-${fakeRandom('sri-2', 64, BASE64)}` }, secret: false },
      { code: 'JWT_SECRET = "your-256-bit-secret"', candidate: { name: 'JWT_SECRET', value: 'your-256-bit-secret' }, secret: false },
      { code: 'api_key: "123e4567-e89b-12d3-a456-426614174000"', candidate: { name: 'api_key', value: '123e4567-e89b-12d3-a456-426614174000' }, secret: false },
    ];
    for (const { code, candidate, secret } of samples) {
      it(`${secret ? 'reports' : 'does not report'}: ${code}`, () => {
        assert.equal(judgeNamedValue(candidate).secret, secret, JSON.stringify(judgeNamedValue(candidate)));
      });
    }
  });

  describe('isPlaceholderValue', () => {
    const placeholders = [
      '',
      'sk_live_xxxxxxxxxxxxxxxx',
      'sk-xxxx',
      'AKIAXXXXXXXXXXXXXXXX',
      'ghp_************',
      '<your-token>',
      '<token>',
      'sk-<your-key>',
      '[API_KEY]',
      'aaaaaaaaaaaaaaaa',
      '0000000000000000',
      'sk_live_0000000000000000',
      '1234567890abcdef',
      'abcdefghijklmnop',
      'sk_test_12345678',
      'abc123',
      '987654321',
      `AKIAIOSFODNN7${'EXAMPLE'}`,
      'myExampleKey',
      'your-api-key',
      'your_password_here',
      'changeme',
      'change-me',
      'CHANGE_ME',
      'replace-me',
      'REDACTED',
      'dummy-token',
      '${API_KEY}',
      '{{ api_key }}',
      '%s',
      '$TOKEN',
      '…',
      '...',
      '****',
      '•••',
      'insert-key-here',
      'cGFzc3dvcmQ=',
      // jwt.io's sample token, pasted into countless tests and READMEs
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    ];
    for (const value of placeholders) {
      it(`${JSON.stringify(value)} is a placeholder`, () => assert.equal(isPlaceholderValue(value), true));
    }
    const real = [
      fakeRandom('ph-1', 32),
      `sk_live_${fakeRandom('ph-2', 24)}`,
      `sk_test_${fakeRandom('ph-3', 24)}`,
      `ghp_${fakeRandom('ph-4', 36)}`,
      fakeJwt('ph-5'),
      fakeHexDigest('ph-6', 20),
      'hunter2',
      'P@ssw0rd123',
      'password1',
      'Sup3rS3cr3t!',
    ];
    for (const value of real) {
      it(`${value.slice(0, 14)}… is not a placeholder`, () => assert.equal(isPlaceholderValue(value), false));
    }
    it('never calls a hash-derived random token a placeholder (2000 samples, 4 alphabets)', () => {
      for (const alphabet of [HEX, BASE36, BASE62, BASE64URL]) {
        for (let sample = 0; sample < 500; sample++) {
          const value = fakeRandom(`ph-random-${alphabet.length}-${sample}`, 32, alphabet);
          assert.equal(isPlaceholderValue(value), false, value);
        }
      }
    });
  });

  describe('isEnvironmentReference', () => {
    for (const value of [
      'process.env.API_KEY',
      'process.env["API_KEY"]',
      'import.meta.env.VITE_KEY',
      'os.environ["KEY"]',
      'os.environ.get("KEY")',
      "os.getenv('KEY')",
      'System.getenv("KEY")',
      'ENV["KEY"]',
      "ENV.fetch('KEY')",
      "env('DB_PASSWORD')",
      'env:DB_PASSWORD',
      'op://vault/item/field',
      'arn:aws:ssm:us-east-1:1:parameter/x',
    ]) {
      it(`${value} reads the environment or a secret store`, () => assert.equal(isEnvironmentReference(value), true));
    }
    for (const value of ['environment', 'hunter2', 'envelope-key', fakeRandom('env-ref', 32)]) {
      it(`${value.slice(0, 16)} does not`, () => assert.equal(isEnvironmentReference(value), false));
    }
  });

  describe('entropy sanity', () => {
    it('measures bits per character', () => {
      assert.equal(shannonEntropy(''), 0);
      assert.equal(shannonEntropy('aaaa'), 0);
      assert.equal(shannonEntropy('ab'), 1);
      assert.equal(shannonEntropy('abcd'), 2);
      assert.equal(shannonEntropy('0123456789abcdef'), 4);
      assert.ok(Math.abs(shannonEntropy('aab') - 0.9183) < 1e-3);
    });
    it('ranks random text above words', () => {
      assert.ok(shannonEntropy(fakeRandom('entropy', 64)) > 5);
      assert.ok(shannonEntropy('password') < 3);
      assert.ok(shannonEntropy(fakeRandom('entropy-hex', 64, HEX)) > 3.5);
    });
    it('accepts ≥ 97 % of random tokens of every common shape and length (looksMachineGenerated)', () => {
      for (const alphabet of [HEX, BASE36, UPPER + DIGITS, BASE62, BASE64, BASE64URL]) {
        for (const length of [16, 24, 32, 40, 64]) {
          let accepted = 0;
          for (let sample = 0; sample < 200; sample++) {
            if (looksMachineGenerated(fakeRandom(`calibrate-${alphabet.length}-${length}-${sample}`, length, alphabet))) accepted++;
          }
          assert.ok(accepted >= 194, `${alphabet.length}-symbol alphabet, length ${length}: ${accepted}/200`);
        }
      }
    });
    it(`rejects hand-made fillers (entropy ratio threshold ${ENTROPY_RATIO_THRESHOLD})`, () => {
      for (const value of [
        'aaaabbbb11112222',
        'abcabcabc123123123',
        'test1test2test3test4',
        'Password1Password1',
        '1111222233334444',
        'ab12ab12ab12ab12ab12',
      ]) {
        assert.equal(looksMachineGenerated(value), false, value);
      }
    });
  });

  describe('detectCredentialedUris', () => {
    const P = fakeRandom('uri-password', 14);

    it('reports the password and the whole URI with exact offsets', () => {
      const text = `DATABASE_URL=postgres://app:${P}@db.acme.io:5432/app\n`;
      const [match, ...rest] = detectCredentialedUris(text);
      assert.equal(rest.length, 0);
      assert.deepEqual(match, {
        kind: 'PostgreSQL password in connection URI',
        start: 28,
        end: 42,
        severity: 'error',
        envName: 'DATABASE_URL',
        containerStart: 13,
        containerEnd: text.length - 1,
      } satisfies EmbeddedSecretMatch);
    });

    const reported: { text: string; uri: string; password?: string; passwordStart?: number; severity: string; kind?: string; envName: string }[] = [
      {
        text: `url = "postgresql+psycopg2://app:${P}@db.acme.io/app"`,
        uri: `postgresql+psycopg2://app:${P}@db.acme.io/app`,
        severity: 'error',
        envName: 'DATABASE_URL',
      },
      {
        text: `MONGO=mongodb+srv://admin:${P}@cluster0.ab1cd.mongodb.net/test?retryWrites=true&w=majority`,
        uri: `mongodb+srv://admin:${P}@cluster0.ab1cd.mongodb.net/test?retryWrites=true&w=majority`,
        severity: 'error',
        kind: 'MongoDB password in connection URI',
        envName: 'MONGODB_URI',
      },
      {
        text: `mongodb://u:${P}@h1.acme.io:27017,h2.acme.io:27017/db?replicaSet=rs0`,
        uri: `mongodb://u:${P}@h1.acme.io:27017,h2.acme.io:27017/db?replicaSet=rs0`,
        severity: 'error',
        envName: 'MONGODB_URI',
      },
      {
        text: `REDIS_URL=redis://:${P}@redis:6379/0`,
        uri: `redis://:${P}@redis:6379/0`,
        severity: 'warning',
        kind: 'Redis password in connection URI',
        envName: 'REDIS_URL',
      },
      { text: `rediss://default:${P}@cache.acme.io:6380`, uri: `rediss://default:${P}@cache.acme.io:6380`, severity: 'error', envName: 'REDIS_URL' },
      {
        text: `'amqps://svc:${P}@mq.acme.io/vhost'`,
        uri: `amqps://svc:${P}@mq.acme.io/vhost`,
        severity: 'error',
        kind: 'AMQP (RabbitMQ) password in connection URI',
        envName: 'AMQP_URL',
      },
      {
        text: `mysql://root:${P}@127.0.0.1/app`,
        uri: `mysql://root:${P}@127.0.0.1/app`,
        severity: 'info',
        kind: 'MySQL password in connection URI',
        envName: 'DATABASE_URL',
      },
      { text: `mariadb://app:${P}@10.0.0.5/app`, uri: `mariadb://app:${P}@10.0.0.5/app`, severity: 'warning', envName: 'DATABASE_URL' },
      {
        text: `mssql://sa:${P}@sql.acme.io/app`,
        uri: `mssql://sa:${P}@sql.acme.io/app`,
        severity: 'error',
        kind: 'SQL Server password in connection URI',
        envName: 'DATABASE_URL',
      },
      { text: `sqlserver://sa:${P}@sql.acme.io`, uri: `sqlserver://sa:${P}@sql.acme.io`, severity: 'error', envName: 'DATABASE_URL' },
      { text: `ftp://bob:${P}@files.acme.io/pub/`, uri: `ftp://bob:${P}@files.acme.io/pub/`, severity: 'error', envName: 'FTP_URL' },
      {
        text: `git clone https://x-access-token:${P}@github.com/org/repo.git`,
        uri: `https://x-access-token:${P}@github.com/org/repo.git`,
        severity: 'error',
        envName: 'GITHUB_URL',
      },
      { text: `http://admin:${P}@192.168.1.20:8080/`, uri: `http://admin:${P}@192.168.1.20:8080/`, severity: 'warning', envName: 'SERVICE_URL' },
      { text: `See [the db](postgres://app:${P}@db.acme.io/app).`, uri: `postgres://app:${P}@db.acme.io/app`, severity: 'error', envName: 'DATABASE_URL' },
      { text: `postgres://app:${P}@localhost:5432/app`, uri: `postgres://app:${P}@localhost:5432/app`, severity: 'info', envName: 'DATABASE_URL' },
      { text: `postgres://app:${P}@[::1]:5432/app`, uri: `postgres://app:${P}@[::1]:5432/app`, severity: 'info', envName: 'DATABASE_URL' },
      { text: `postgres://app:${P}@db.example.com/app`, uri: `postgres://app:${P}@db.example.com/app`, severity: 'info', envName: 'DATABASE_URL' },
      {
        text: `postgres://postgres:postgres@db.acme.io/app`,
        uri: 'postgres://postgres:postgres@db.acme.io/app',
        password: 'postgres',
        severity: 'warning',
        envName: 'DATABASE_URL',
      },
      {
        text: `postgres://app:p@ss${P}@db.acme.io/app`,
        uri: `postgres://app:p@ss${P}@db.acme.io/app`,
        password: `p@ss${P}`,
        severity: 'error',
        envName: 'DATABASE_URL',
      },
      { text: `jdbc:mysql://app:${P}@db.acme.io:3306/app`, uri: `jdbc:mysql://app:${P}@db.acme.io:3306/app`, severity: 'error', envName: 'DATABASE_URL' },
      // Unencoded reserved characters in the password: database and broker paths never hold `@`.
      {
        text: `DATABASE_URL=postgres://app:${P}#!@db.acme.io:5432/app`,
        uri: `postgres://app:${P}#!@db.acme.io:5432/app`,
        password: `${P}#!`,
        severity: 'error',
        envName: 'DATABASE_URL',
      },
      {
        text: `"mysql://root:a@${P}/?@db:3306/app"`,
        uri: `mysql://root:a@${P}/?@db:3306/app`,
        password: `a@${P}/?`,
        severity: 'warning',
        envName: 'DATABASE_URL',
      },
      {
        text: `redis://:${P}?x#y@cache.acme.io:6379/0`,
        uri: `redis://:${P}?x#y@cache.acme.io:6379/0`,
        password: `${P}?x#y`,
        severity: 'error',
        envName: 'REDIS_URL',
      },
      {
        text: `amqp://svc:${P}/v@[fd00::4]:5672/vhost`,
        uri: `amqp://svc:${P}/v@[fd00::4]:5672/vhost`,
        password: `${P}/v`,
        severity: 'warning',
        envName: 'AMQP_URL',
      },
      // …while an `@` in a query value after a complete user-info stays where it is.
      {
        text: `postgres://app:${P}@db.acme.io/app?contact=ops@acme.io`,
        uri: `postgres://app:${P}@db.acme.io/app?contact=ops@acme.io`,
        severity: 'error',
        envName: 'DATABASE_URL',
      },
      // GitHub's convention puts the token in the user name: that is what is reported.
      {
        text: `https://${P}:x-oauth-basic@github.com/org/repo`,
        uri: `https://${P}:x-oauth-basic@github.com/org/repo`,
        passwordStart: 8,
        severity: 'error',
        envName: 'GITHUB_URL',
      },
    ];
    for (const { text, uri, password = P, passwordStart, severity, kind, envName } of reported) {
      it(`reports ${uri.slice(0, 40)}…`, () => {
        const matches = detectCredentialedUris(text);
        assert.equal(matches.length, 1, JSON.stringify(matches));
        const [match] = matches;
        assert.equal(text.slice(match.start, match.end), password);
        assert.equal(match.start, passwordStart ?? text.lastIndexOf(`:${password}@`) + 1);
        assert.equal(match.containerStart, text.indexOf(uri));
        assert.equal(match.containerEnd, text.indexOf(uri) + uri.length);
        assert.equal(match.severity, severity);
        assert.equal(match.envName, envName);
        if (kind) assert.equal(match.kind, kind);
      });
    }

    const notReported = [
      'postgres://user@host/db',
      'postgres://user:@host/db',
      'postgres://user:password@db.acme.io/app',
      'postgres://u:pass@h/db',
      'postgres://u:secret@h/db',
      'postgres://u:changeme@h/db',
      'postgres://u:<password>@h/db',
      'postgres://u:${DB_PASSWORD}@h/db',
      'postgres://u:$PASSWORD@h/db',
      'postgres://u:%s@h/db',
      'postgres://u:{password}@h/db',
      'postgres://u:****@h/db',
      'postgres://u:xxx@h/db',
      'postgres://u:%24%7BDB_PASSWORD%7D@h/db',
      'f"postgresql://{user}:{password}@{host}/{db}"',
      'f"postgresql://{settings.db_user}:{settings.db_password}@{settings.db_host}/app"',
      '"postgres://%s:%s@%s/%s" % (u, p, h, d)',
      '`postgres://${user}:${pass}@${host}/db`',
      '"postgres://" + user + ":" + pw + "@" + host',
      'postgres://postgres:postgres@localhost:5432/db',
      'amqp://guest:guest@localhost:5672/',
      'mysql://root:root@db:3306/app',
      'redis://localhost:6379',
      'https://example.com/path?email=a@b.com',
      'https://acme.io/@user',
      'mailto:bob@acme.io',
      'http://localhost:3000/api?next=/x@y',
      'https://user:pass@example.com',
      'ssh://git@github.com:org/repo.git',
      'https://x:y',
      'postgres://',
      'https://app.acme.io:8443/',
      `${P}@acme.io`,
      // A port and a path before a later `@` is no password; HTTP paths hold `@` (`/@user`, `/@scope/pkg`).
      'postgres://db.acme.io:5432/app?application_name=ops@acme.io',
      'mongodb://db.acme.io:27017/app#ops@acme.io',
      `https://app.acme.io/x:${P}/@scope/pkg`,
      `https://app.acme.io:8443/${P}#x@y.io`,
      `postgres://u:${P}#x@!bad/db`,
    ];
    for (const text of notReported) {
      it(`does not report ${text}`, () => assert.deepEqual(detectCredentialedUris(text), []));
    }

    it('finds every URI in a longer text', () => {
      const text = `a = "postgres://a:${P}@db1.acme.io/a"\nb = "redis://:${P}x@cache.acme.io"\nc = "postgres://u:password@h/db"\n`;
      assert.deepEqual(
        detectCredentialedUris(text).map((match) => text.slice(match.start, match.end)),
        [P, `${P}x`],
      );
    });
  });

  describe('detectConnectionStringPasswords', () => {
    const P = fakeRandom('conn-password', 14);

    it('reports the password and the whole connection string with exact offsets', () => {
      const text = `"Server=db.acme.io;Database=app;User Id=app;Password=${P};"`;
      assert.deepEqual(detectConnectionStringPasswords(text), [
        {
          kind: 'database password in connection string',
          start: 53,
          end: 67,
          severity: 'error',
          envName: 'DB_CONNECTION_STRING',
          containerStart: 1,
          containerEnd: text.length - 1,
        } satisfies EmbeddedSecretMatch,
      ]);
    });

    const reported: { text: string; container: string; password?: string; severity: string; envName?: string }[] = [
      {
        text: `"Server=tcp:acme.database.windows.net,1433;Initial Catalog=app;User ID=app;Password=${P};Encrypt=True;"`,
        container: `Server=tcp:acme.database.windows.net,1433;Initial Catalog=app;User ID=app;Password=${P};Encrypt=True;`,
        severity: 'error',
      },
      {
        text: `"Data Source=.;Initial Catalog=Db;User Id=sa;Password=${P};"`,
        container: `Data Source=.;Initial Catalog=Db;User Id=sa;Password=${P};`,
        severity: 'info',
      },
      {
        text: `"Data Source=(localdb)\\\\MSSQLLocalDB;Initial Catalog=Db;User Id=sa;Password=${P}"`,
        container: `Data Source=(localdb)\\\\MSSQLLocalDB;Initial Catalog=Db;User Id=sa;Password=${P}`,
        severity: 'info',
      },
      {
        text: `pyodbc.connect('DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql.acme.io;DATABASE=app;UID=app;PWD={${P};x}')`,
        container: `DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql.acme.io;DATABASE=app;UID=app;PWD={${P};x}`,
        password: `${P};x`,
        severity: 'error',
      },
      {
        text: `"Server=db.acme.io;Database=app;User Id=app;Password='${P};x';"`,
        container: `Server=db.acme.io;Database=app;User Id=app;Password='${P};x';`,
        password: `${P};x`,
        severity: 'error',
      },
      { text: `'Server=db.acme.io;Database=app;Uid=app;Pwd="${P}";'`, container: `Server=db.acme.io;Database=app;Uid=app;Pwd="${P}";`, severity: 'error' },
      {
        text: `<add name="Default" connectionString="Server=db.acme.io;Database=app;User Id=app;password = ${P} ;" />`,
        container: `Server=db.acme.io;Database=app;User Id=app;password = ${P} ;`,
        severity: 'error',
      },
      {
        text: `DB_CONN=Server=db.acme.io;Database=app;Uid=app;Pwd=${P}\nNEXT=1`,
        container: `Server=db.acme.io;Database=app;Uid=app;Pwd=${P}`,
        severity: 'error',
      },
      { text: `connection: Server=db;Database=app;PWD=${P}`, container: `Server=db;Database=app;PWD=${P}`, severity: 'warning' },
      { text: `"Password=${P};Server=db.acme.io;"`, container: `Password=${P};Server=db.acme.io;`, severity: 'error' },
      {
        text: `"Provider=Microsoft.ACE.OLEDB.12.0;Data Source=C:\\\\data\\\\app.accdb;Jet OLEDB:Database Password=${P};"`,
        container: `Provider=Microsoft.ACE.OLEDB.12.0;Data Source=C:\\\\data\\\\app.accdb;Jet OLEDB:Database Password=${P};`,
        severity: 'info',
      },
      {
        text: `jdbc:sqlserver://sql.acme.io:1433;databaseName=app;user=app;password=${P};`,
        container: `jdbc:sqlserver://sql.acme.io:1433;databaseName=app;user=app;password=${P};`,
        severity: 'error',
        envName: 'DATABASE_URL',
      },
      {
        text: `"jdbc:mysql://db.acme.io:3306/app?user=app&password=${P}&useSSL=true"`,
        container: `jdbc:mysql://db.acme.io:3306/app?user=app&password=${P}&useSSL=true`,
        severity: 'error',
        envName: 'DATABASE_URL',
      },
      {
        text: `jdbc:postgresql://localhost:5432/app?user=app&password=${P}`,
        container: `jdbc:postgresql://localhost:5432/app?user=app&password=${P}`,
        severity: 'info',
        envName: 'DATABASE_URL',
      },
      {
        text: `"Host=pg.acme.io;Port=5432;Database=app;Username=app;Password=${P}"`,
        container: `Host=pg.acme.io;Port=5432;Database=app;Username=app;Password=${P}`,
        severity: 'error',
      },
    ];
    for (const { text, container, password = P, severity, envName = 'DB_CONNECTION_STRING' } of reported) {
      it(`reports ${container.slice(0, 48)}…`, () => {
        const matches = detectConnectionStringPasswords(text);
        assert.equal(matches.length, 1, JSON.stringify(matches));
        const [match] = matches;
        assert.equal(match.kind, 'database password in connection string');
        assert.equal(text.slice(match.start, match.end), password);
        assert.equal(text.slice(match.containerStart, match.containerEnd), container);
        assert.equal(match.containerStart, text.indexOf(container));
        assert.equal(match.severity, severity);
        assert.equal(match.envName, envName);
      });
    }

    const notReported = [
      `"Server=db.acme.io;Database=app;User Id=app;Password={0};"`,
      '"Server=db;Database=app;User Id=app;Password=;"',
      '"Server=db.acme.io;User Id=app;Password=${DB_PASSWORD};"',
      '"Server=db.acme.io;User Id=app;Password=$(DbPassword);"',
      '"Server=db.acme.io;User Id=app;Password=#{DbPassword}#;"',
      '"Server=db.acme.io;User Id=app;Password=<password>;"',
      '"Server=db.acme.io;User Id=app;Password=your_password;"',
      '"Server=db.acme.io;User Id=app;Password=********;"',
      '"Server=db.acme.io;User Id=app;Pwd=%s;"',
      '"Server=db.acme.io;User Id=app;Password={password};"',
      '"Server=localhost;User Id=sa;Password=sa;"',
      '"User Id=scott;Password=tiger;Data Source=orcl"',
      `password=${P}`,
      `login(password="${P}", user="x")`,
      `DB_PASSWORD=${P}`,
      `mysql -u root --password=${P}`,
      `curl -d "user=x&password=${P}" https://acme.io/login`,
      `Set-Cookie: a=b; password=${P}`,
      `a=1;password=${P}`,
      `https://acme.io/login?user=x&password=${P}`,
      '"Server=db.acme.io;Database=app;Integrated Security=true;"',
      '$"Server={host};Database=app;User Id=app;Password={config.Db.Password};"',
      'f"DRIVER={driver};SERVER={server};UID={uid};PWD={pwd}"',
      '$"Server=db.acme.io;User Id=app;Password={_config["DbPassword"]};"',
    ];
    for (const text of notReported) {
      it(`does not report ${text.slice(0, 60)}`, () => assert.deepEqual(detectConnectionStringPasswords(text), []));
    }

    it('reads StackExchange.Redis configuration strings', () => {
      const read = (text: string) =>
        detectConnectionStringPasswords(text).map((match) => [
          match.kind,
          text.slice(match.start, match.end),
          match.severity,
          text.slice(match.containerStart, match.containerEnd),
        ]);
      const azure = `acme.redis.cache.windows.net:6380,password=${P}=,ssl=True,abortConnect=False`;
      assert.deepEqual(read(`"Redis": "${azure}"`), [['Redis password in connection string', `${P}=`, 'error', azure]]);
      assert.deepEqual(read(`h1:6379,h2:6379,password=${P},ssl=True`), [
        ['Redis password in connection string', P, 'warning', `h1:6379,h2:6379,password=${P},ssl=True`],
      ]);
      for (const text of [
        `db.connect(host,password=get_${P}())`,
        `alice,password=${P}`,
        'redis:6379,password=${REDIS_PASSWORD}',
        'cache:6379,password=changeme,ssl=False',
      ]) {
        assert.deepEqual(read(text), [], text);
      }
    });
  });

  describe('detectConnectionStringKeys', () => {
    const KEY = fakeRandom('conn-key', 60, BASE64);

    const reported: { text: string; container: string; kind: string; severity: string; envName: string }[] = [
      {
        text: `"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${KEY};EndpointSuffix=core.windows.net"`,
        container: `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${KEY};EndpointSuffix=core.windows.net`,
        kind: 'Azure Storage account key in connection string',
        severity: 'error',
        envName: 'AZURE_STORAGE_CONNECTION_STRING',
      },
      {
        text: `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${KEY}`,
        container: `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${KEY}`,
        kind: 'Azure shared access key in connection string',
        severity: 'error',
        envName: 'AZURE_SERVICE_BUS_CONNECTION_STRING',
      },
      {
        text: `'Endpoint=https://acme.service.signalr.net;AccessKey=${KEY};Version=1.0;'`,
        container: `Endpoint=https://acme.service.signalr.net;AccessKey=${KEY};Version=1.0;`,
        kind: 'Azure access key in connection string',
        severity: 'error',
        envName: 'AZURE_SIGNALR_CONNECTION_STRING',
      },
      {
        text: `"AccountName=acme;AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:10000/acme;"`,
        container: `AccountName=acme;AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:10000/acme;`,
        kind: 'Azure Storage account key in connection string',
        severity: 'info',
        envName: 'AZURE_STORAGE_CONNECTION_STRING',
      },
    ];
    for (const { text, container, kind, severity, envName } of reported) {
      it(`reports ${container.slice(0, 48)}…`, () => {
        const matches = detectConnectionStringKeys(text);
        assert.equal(matches.length, 1, JSON.stringify(matches));
        const [match] = matches;
        assert.deepEqual(
          [match.kind, text.slice(match.start, match.end), text.slice(match.containerStart, match.containerEnd), match.severity, match.envName],
          [kind, KEY, container, severity, envName],
        );
      });
    }

    const notReported = [
      'UseDevelopmentStorage=true',
      `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${KEY};`,
      'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=<account-key>;EndpointSuffix=core.windows.net',
      'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${STORAGE_KEY};',
      'AccountName=acme;AccountKey=your-storage-account-key;',
      `AccountKey=${KEY}`,
      `accessKey=${KEY}&signature=x`,
      `{ "AccessKey": "${KEY}" }`,
    ];
    for (const text of notReported) {
      it(`does not report ${text.slice(0, 60)}`, () => assert.deepEqual(detectConnectionStringKeys(text), []));
    }
  });

  describe('hostLocality', () => {
    const cases: [string, string][] = [
      ['localhost', 'loopback'],
      ['127.0.0.1', 'loopback'],
      ['[::1]', 'loopback'],
      ['0.0.0.0', 'loopback'],
      ['(localdb)\\MSSQLLocalDB', 'loopback'],
      ['.', 'loopback'],
      ['db', 'internal'],
      ['postgres', 'internal'],
      ['10.1.2.3', 'internal'],
      ['172.20.0.4', 'internal'],
      ['192.168.0.10:5432', 'internal'],
      ['db.internal', 'internal'],
      ['api.svc.cluster.local', 'internal'],
      ['db.example.com', 'documentation'],
      ['host.test', 'documentation'],
      ['db.acme.io', 'public'],
      ['acme.database.windows.net', 'public'],
      ['8.8.8.8', 'public'],
    ];
    for (const [host, locality] of cases) {
      it(`${host} is ${locality}`, () => assert.equal(hostLocality(host), locality));
    }
  });

  describe('linear time', () => {
    const repeated = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const adversarial: Record<string, (size: number) => string> = {
      'one character': repeated('a'),
      capitals: repeated('A'),
      schemes: repeated('postgres://'),
      'user-info without host': repeated('postgres://a:b@'),
      'colons and ats': repeated(':@'),
      'password keys': repeated('pwd=;'),
      'access keys': repeated('AccountKey=;'),
      'redis option keys': repeated('h:1,password=x'),
      'unclosed braces': repeated('pwd={'),
      'unclosed quotes': repeated('Server=x;pwd="'),
      'pairs then a key': (size) => repeated('a=b;')(size) + 'pwd=x',
      'query keys': repeated('jdbc:mysql://h/db?password='),
      'template openers': repeated('{{'),
      'dollar braces': repeated('${'),
      'angle brackets': repeated('<a '),
      'driver suffix': repeated('mongodb+aaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
      'random base64': (size) => fakeRandom('linear', size, BASE64),
      'reserved characters before an @': repeated('postgres://a:b#c/d?'),
      'at signs after delimiters': repeated('mysql://a:b/@'),
      'closers after URIs': repeated(`postgres://a:${fakeRandom('linear-uri', 14)}@db.acme.io/x${')'.repeat(2000)} `),
    };
    const checkEverything = (text: string): void => {
      detectCredentialedUris(text);
      detectConnectionStringPasswords(text);
      detectConnectionStringKeys(text);
      judgeNamedValue({ name: 'password', value: text });
      judgeNamedValue({ name: text, value: text });
      isPlaceholderValue(text);
      shannonEntropy(text);
      // Values at the length limit go through every check.
      const atLimit = text.slice(0, 4096);
      for (let repeat = 0; repeat < 20; repeat++) {
        judgeNamedValue({ name: 'api_key', value: atLimit });
        judgeNamedValue({ name: 'password', value: atLimit });
        judgeNamedValue({ name: 'SECRET_KEY', value: atLimit });
      }
    };
    for (const [label, build] of Object.entries(adversarial)) {
      it(`handles ${label} in linear time`, () => assertGrowth(build, checkEverything, 16 * 1024));
    }
  });
});
