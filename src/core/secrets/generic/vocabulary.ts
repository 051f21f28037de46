// Word lists for values (names have their own, in secret-names.ts). Values spelled only from
// these words were chosen by a person to stand in for a secret, or name a setting, not hold one.
import { longestWordLength } from './words';

/**
 * What placeholder values are made of: `your_api_key_here`, `mysecretpassword`, `changeme`,
 * `super-secret-key`, `not-a-real-secret`. One single letter only (`a`; more would let random
 * letters "spell"), and no digits: `password123` is a (weak) password, not a placeholder.
 */
export const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  // who / where / what to do
  'a', 'your', 'my', 'our', 'the', 'an', 'this', 'that', 'is', 'it', 'me', 'here', 'there', 'insert', 'enter',
  'put', 'paste', 'fill', 'add', 'replace', 'change', 'set', 'update', 'goes', 'go', 'with', 'real',
  'actual', 'own', 'new', 'some', 'to', 'of', 'for', 'and', 'in', 'not', 'only', 'do', 'dont', 'use',
  'never', 'commit', 'please', 'generate', 'generated', 'something', 'whatever', 'hello', 'world',
  // what it stands for
  'value', 'string', 'text', 'secret', 'secrets', 'password', 'passwords', 'pass', 'passwd', 'pwd',
  'passphrase', 'pw', 'token', 'tokens', 'key', 'keys', 'api', 'apikey', 'access', 'auth', 'authentication',
  'client', 'app', 'application', 'private', 'signing', 'sign', 'jwt', 'session', 'cookie', 'encryption',
  'master', 'bearer', 'credentials', 'credential', 'creds', 'webhook', 'refresh', 'service', 'server',
  'account', 'admin', 'root', 'user', 'username', 'db', 'database', 'web', 'site',
  // how it is labelled
  'example', 'examples', 'sample', 'samples', 'test', 'tests', 'testing', 'dummy', 'fake', 'mock', 'placeholder', 'default', 'xxx',
  'foo', 'bar', 'baz', 'qux', 'dev', 'development', 'prod', 'production', 'staging', 'local', 'demo',
  'temp', 'tmp', 'super', 'very', 'top', 'long', 'random', 'strong', 'secure', 'insecure', 'safe', 'hard', 'guess',
  'changeme', 'changeit', 'todo', 'fixme', 'tbd', 'none', 'null', 'nil', 'undefined', 'empty', 'blank',
  'redacted', 'hidden', 'unknown', 'abc', 'xyz', 'true', 'false', 'fallback', 'passcode',
  // what tests call deliberately right or wrong values
  'wrong', 'invalid', 'bad', 'incorrect', 'other', 'another', 'correct', 'right', 'good', 'valid', 'old',
  'current', 'expired',
]);
export const LONGEST_PLACEHOLDER_WORD = longestWordLength(PLACEHOLDER_WORDS);

/**
 * Values that are settings or names, not secrets, when assigned to a secret-like name:
 * auth schemes (`token_type = "bearer"`), grant types, fetch's `credentials: "include"`,
 * schema types (`password: "string"`), validation keywords, HTML autocomplete tokens.
 */
export const ENUM_VALUES: ReadonlySet<string> = new Set([
  'bearer', 'basic', 'digest', 'token', 'jwt', 'oauth', 'oauth2', 'hmac', 'apikey', 'api_key', 'api-key',
  'password', 'client_credentials', 'authorization_code', 'refresh_token', 'access_token', 'id_token',
  'implicit', 'device_code', 'include', 'omit', 'same-origin', 'same_origin', 'string', 'str', 'text',
  'number', 'int', 'integer', 'boolean', 'bool', 'object', 'required', 'optional', 'nullable', 'true',
  'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'hidden', 'visible', 'masked', 'plain',
  'plaintext', 'base64', 'hex', 'utf8', 'utf-8', 'env', 'environment', 'vault', 'file', 'prompt',
  'keychain', 'keyring', 'header', 'query', 'cookie', 'body', 'current-password', 'new-password',
  'one-time-code', 'off', 'none', 'auto', 'sha1', 'sha256', 'sha512', 'md5', 'bcrypt', 'argon2',
  'argon2id', 'scrypt', 'pbkdf2', 'hs256', 'hs384', 'hs512', 'rs256', 'rs384', 'rs512', 'es256', 'eddsa',
  'aes', 'aes-256-gcm', 'aes-256-cbc', 'secret', 'secrets', 'credentials', 'basic_auth', 'api_token',
]);

/**
 * Words that identifiers around credentials are made of. A value built only from these
 * (`user_password`, `authToken`, `X-Api-Key`, `login.password.label`) names a field, header,
 * storage key or translation key; it does not hold a credential.
 */
export const IDENTIFIER_WORDS: ReadonlySet<string> = new Set([
  ...PLACEHOLDER_WORDS,
  'authorization', 'bearer', 'basic', 'grant', 'type', 'code', 'implicit', 'id', 'ids', 'oauth',
  'oauth2', 'hmac', 'header', 'headers', 'query', 'param', 'params', 'input', 'field', 'form', 'label',
  'login', 'logout', 'signin', 'signup', 'register', 'registration', 'confirm', 'confirmation', 'current',
  'old', 'reset', 'forgot', 'recovery', 'verify', 'verification', 'name', 'url', 'uri', 'endpoint', 'path',
  'file', 'env', 'var', 'prefix', 'cache', 'storage', 'store', 'state', 'data', 'info', 'details',
  'settings', 'config', 'profile', 'page', 'screen', 'modal', 'dialog', 'button', 'link', 'error',
  'errors', 'message', 'title', 'hint', 'placeholder', 'required', 'invalid', 'mismatch', 'expired',
  'hash', 'hashed', 'salt', 'csrf', 'xsrf', 'ocp', 'apim', 'subscription', 'public', 'publishable',
  'anon', 'role', 'scope', 'scopes', 'expires', 'expiry', 'ttl', 'at', 'on', 'by', 'sso', 'saml', 'ldap',
  'otp', 'totp', 'mfa', 'two', 'factor', 'show', 'hide', 'toggle', 'strength', 'policy', 'rules',
]);
