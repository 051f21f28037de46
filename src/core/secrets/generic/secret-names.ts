// The name gate: does the name a value is assigned to say "this is a credential"? Words, not
// substrings, decide — `keyboard`, `passport` and `tokenizer` hold no secret word — and the words
// around the secret word decide whether the name is about the credential itself (`db_password`)
// or about something else that mentions it (`password_min_length`, `token_url`, `max_tokens`).
import { PASSWORD_TRANSLATIONS } from './password-translations';
import type { SecretKind } from './types';
import { identifierWords, nameSegments, wordStem } from './words';

export type NameVerdict =
  | {
      secretLike: true;
      kind: SecretKind;
      /** Key-path segments of the name, outermost first (what the env name is built from). */
      segments: string[];
      /** Index of the segment that holds the secret word (usually the last). */
      segmentIndex: number;
    }
  | { secretLike: false; reason: string };

const PASSWORD_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'pw',
  'pswd',
  'passphrase',
  'passcode',
  // Non-English identifiers seen in real code bases.
  ...PASSWORD_TRANSLATIONS,
]);
const SECRET_WORDS = new Set(['secret', 'credential', 'credentials', 'creds']);
const TOKEN_WORDS = new Set(['token', 'bearer', 'authorization']);

/**
 * Every name the gate accepts contains one of these words (alone or run together), so a text
 * without any of them holds no secret-like name: the lexical pre-pass of generic-secret starts
 * from their occurrences. Built from the gate's own vocabulary so the two cannot drift apart.
 */
export const SECRET_NAME_WORDS: readonly string[] = [...PASSWORD_WORDS, ...SECRET_WORDS, ...TOKEN_WORDS, 'key'];

/** Run-together spellings (`APIKEY`, `accesstoken`) that the word splitter cannot cut. */
const COMPOUND_HEADS = new Map<string, SecretKind>([
  ['apikey', 'API key'],
  ['accesskey', 'API key'],
  ['subscriptionkey', 'API key'],
  ['apitoken', 'token'],
  ['accesstoken', 'token'],
  ['authtoken', 'token'],
  ['refreshtoken', 'token'],
  ['bearertoken', 'token'],
  ['sessiontoken', 'token'],
  ['secrettoken', 'token'],
  ['apisecret', 'secret'],
  ['appsecret', 'secret'],
  ['clientsecret', 'secret'],
  ['secretkey', 'secret'],
  ['privatekey', 'secret'],
  ['signingkey', 'secret'],
  ['encryptionkey', 'secret'],
  ['masterkey', 'secret'],
  ['authkey', 'secret'],
  ['secretaccesskey', 'secret'],
]);
/** Run-together words ending in a secret word: `dbpassword`, `MYSQLPASSWORD`, `jwtsecret`. */
const COMPOUND_SUFFIXES: readonly [string, SecretKind][] = [
  ['password', 'password'],
  ['passwd', 'password'],
  ['secret', 'secret'],
  ['apikey', 'API key'],
  ['accesskey', 'API key'],
  ['secretkey', 'secret'],
  ['privatekey', 'secret'],
  ['token', 'token'],
];

/**
 * `key` alone is everywhere (dict keys, React keys, cache keys); only these words in front of it
 * make it a credential. Words naming a key that is meant to be public (`public`, `publishable`,
 * `site` for reCAPTCHA, `anon` for Supabase) are deliberately absent, and so are `storage`,
 * `primary` and `secondary`: Azure calls its account keys that, but in application code
 * `STORAGE_KEY`/`TOKEN_STORAGE_KEY` name localStorage entries and `primaryKey` a column
 * (Azure keys are still found as `AccountKey=` by the provider rules).
 */
const KEY_QUALIFIERS = new Map<string, SecretKind>([
  ['api', 'API key'],
  ['access', 'API key'],
  ['subscription', 'API key'],
  ['account', 'API key'],
  ['admin', 'API key'],
  ['write', 'API key'],
  ['service', 'API key'],
  ['role', 'API key'],
  ['client', 'API key'],
  ['app', 'API key'],
  ['server', 'API key'],
  ['deploy', 'API key'],
  ['rest', 'API key'],
  ['secret', 'secret'],
  ['private', 'secret'],
  ['signing', 'secret'],
  ['sign', 'secret'],
  ['signature', 'secret'],
  ['encryption', 'secret'],
  ['encrypt', 'secret'],
  ['decryption', 'secret'],
  ['decrypt', 'secret'],
  ['master', 'secret'],
  ['auth', 'secret'],
  ['hmac', 'secret'],
  ['aes', 'secret'],
  ['cipher', 'secret'],
  ['crypto', 'secret'],
  ['shared', 'secret'],
  ['jwt', 'secret'],
  ['session', 'secret'],
  ['root', 'secret'],
  ['webhook', 'secret'],
]);

/**
 * Words that may follow the secret word without changing what the name holds: `api_key_prod`,
 * `DB_PASSWORD_2`, `SECRET_KEY_BASE`. Anything else after it (`_url`, `_length`, `_hash`,
 * `_name`, `_field`, `_timeout`…) names metadata about the credential, so the gate is a
 * whitelist: an unknown trailing word means "not the secret".
 */
const NEUTRAL_TRAILERS = new Set([
  'value',
  'val',
  'str',
  'string',
  'plain',
  'plaintext',
  'raw',
  'clear',
  'cleartext',
  'b64',
  'base64',
  'hex',
  'bytes',
  'prod',
  'production',
  'dev',
  'development',
  'staging',
  'stage',
  'stg',
  'test',
  'testing',
  'qa',
  'uat',
  'live',
  'sandbox',
  'local',
  'old',
  'new',
  'current',
  'primary',
  'secondary',
  'backup',
  'fallback',
  'override',
  'main',
  'base',
  'default',
  'admin',
  'root',
  // the second entry of a sign-up form is a password too
  'confirmation',
  'confirm',
  'again',
  'repeat',
  'retype',
]);

/**
 * Words before the secret word that make the name about something other than the credential:
 * flags and actions (`show_password`, `has_api_key`, `forgot_password`), derived forms that are
 * not the plaintext (`hashed_password`: a hash is not the password), counts (`min_password_…`),
 * test inputs that are wrong on purpose (`invalid_password`) and keys meant to be public.
 */
const NEUTRALISING_PREFIXES = new Set([
  'is',
  'has',
  'show',
  'hide',
  'toggle',
  'use',
  'uses',
  'using',
  'need',
  'needs',
  'require',
  'requires',
  'required',
  'with',
  'without',
  'no',
  'enable',
  'enabled',
  'disable',
  'disabled',
  'allow',
  'allowed',
  'accept',
  'support',
  'supports',
  'should',
  'can',
  'must',
  'forgot',
  'forget',
  'reset',
  'hashed',
  'hash',
  'encrypted',
  'masked',
  'redacted',
  'mock',
  'fake',
  'dummy',
  'example',
  'sample',
  'placeholder',
  'public',
  'publishable',
  'min',
  'max',
  'num',
  'number',
  'count',
  'total',
  'validate',
  'check',
  'generate',
  'gen',
  'get',
  'set',
  'fetch',
  'load',
  'save',
  'remember',
  'display',
  'print',
  'log',
  'prompt',
  'label',
  'ask',
  'invalid',
  'wrong',
  'bad',
  'incorrect',
  'weak',
  'strong',
]);

/** Kinds of "token" that are not credentials: parser/ML vocabulary, paging, UI design tokens, device ids. */
const TOKEN_NEUTRALISING_PREFIXES = new Set([
  'next',
  'prev',
  'previous',
  'page',
  'pagination',
  'continuation',
  'cursor',
  'sync',
  'cancel',
  'cancellation',
  'csrf',
  'xsrf',
  'bos',
  'eos',
  'pad',
  'unk',
  'sep',
  'cls',
  'mask',
  'special',
  'start',
  'end',
  'stop',
  'lexer',
  'syntax',
  'parse',
  'parser',
  'input',
  'output',
  'word',
  'sub',
  'subword',
  'design',
  'theme',
  'device',
  'push',
  'registration',
  'fcm',
  'apns',
  'expo',
  'notification',
  'idempotency',
  'last',
  'current',
]);
/** `first_pass`, `render_pass`, `boarding_pass`: "pass" as a noun that is not a password. */
const PASS_NEUTRALISING_PREFIXES = new Set([
  'first',
  'second',
  'third',
  'final',
  'last',
  'next',
  'render',
  'multi',
  'single',
  'boarding',
  'by',
  'compile',
  'compiler',
  'one',
  'two',
  'each',
  'every',
  'hall',
  'free',
]);

/** Segments that only wrap the real key: `password: { value: … }`, list items `passwords[0]`. */
const HOLDER_SEGMENTS = new Set(['value', 'val', 'default', 'plain', 'raw']);
const LIST_INDEX = /^\d+$/;

/** Parents that make everything below them sample data: `examples.login.password`, `mocks.apiKey`. */
const SAMPLE_PARENTS = new Set([
  'example',
  'examples',
  'sample',
  'samples',
  'mock',
  'mocks',
  'fake',
  'fakes',
  'dummy',
  'placeholder',
  'placeholders',
  'fixture',
  'fixtures',
  'stub',
  'stubs',
]);

/** Plurals that still name credentials (`api_keys`, `passwords`); `tokens` is left out: `max_tokens`, `prompt_tokens`. */
const PLURAL_HEADS = new Map([
  ['keys', 'key'],
  ['passwords', 'password'],
  ['secrets', 'secret'],
]);

interface Head {
  kind: SecretKind;
  /** Word indices [start, end) of the secret word(s) within the segment. */
  start: number;
  end: number;
  /** The secret word itself, for prefix rules that depend on it (`token`, `pass`). */
  word: string;
  /** For run-together words (`csrftoken`), what precedes the secret word: judged like a prefix word. */
  gluedPrefix?: string;
}

/** Names longer than this are not names (minified code, data); they are not judged. */
const MAX_NAME_LENGTH = 256;

export function classifySecretName(name: string): NameVerdict {
  if (name.length > MAX_NAME_LENGTH) return { secretLike: false, reason: `longer than ${MAX_NAME_LENGTH} characters: not a name` };
  const segments = nameSegments(name);
  let segmentIndex = segments.length - 1;
  while (segmentIndex > 0 && (HOLDER_SEGMENTS.has(segments[segmentIndex].toLowerCase()) || LIST_INDEX.test(segments[segmentIndex]))) {
    segmentIndex--;
  }
  if (segmentIndex < 0) return { secretLike: false, reason: 'no name' };
  const sampleParent = segments
    .slice(0, segmentIndex)
    .flatMap(identifierWords)
    .find((word) => SAMPLE_PARENTS.has(word));
  if (sampleParent) return { secretLike: false, reason: `"${name}" sits under "${sampleParent}": sample data` };

  const words = segmentWords(segments, segmentIndex);
  const head = lastHead(words);
  if (!head) return { secretLike: false, reason: `"${name}" holds no secret word` };

  const trailer = words.slice(head.end).find((word) => !isNeutralTrailer(word));
  if (trailer) return { secretLike: false, reason: `"${name}": "${trailer}" after the secret word names metadata, not the secret` };

  const prefixes = words.slice(0, head.start).map(wordStem);
  if (head.gluedPrefix) prefixes.push(head.gluedPrefix);
  const neutraliser = prefixes.find(
    (word) =>
      NEUTRALISING_PREFIXES.has(word) ||
      (head.word === 'token' && TOKEN_NEUTRALISING_PREFIXES.has(word)) ||
      (head.word === 'pass' && PASS_NEUTRALISING_PREFIXES.has(word)),
  );
  if (neutraliser) return { secretLike: false, reason: `"${name}": "${neutraliser}" makes the name about something other than the secret` };

  // `AWS_SECRET_ACCESS_KEY` is an access key by its last words but a secret by what it guards.
  const kind = head.kind === 'API key' && prefixes.includes('secret') ? 'secret' : head.kind;
  return { secretLike: true, kind, segments, segmentIndex };
}

/**
 * The words of the segment holding the secret word. A segment that is only `key` reads with the
 * segment before it, which says what the key is for: `Jwt:Key` and `encryption.key` as `jwt key`
 * and `encryption key`, while `cache.key` and `this.key` stay no secret.
 */
function segmentWords(segments: readonly string[], index: number): string[] {
  const words = identifierWords(segments[index]);
  if (index === 0 || words.length !== 1 || words[0] !== 'key') return words;
  return [...identifierWords(segments[index - 1]), ...words];
}

/** The rightmost secret word (or `<qualifier> key` pair) of the segment; earlier ones are qualified by it. */
function lastHead(words: readonly string[]): Head | undefined {
  for (let index = words.length - 1; index >= 0; index--) {
    const stem = singular(wordStem(words[index]));
    const single = { start: index, end: index + 1, word: stem };
    if (PASSWORD_WORDS.has(stem)) return { kind: 'password', ...single };
    if (SECRET_WORDS.has(stem)) return { kind: 'secret', ...single };
    if (TOKEN_WORDS.has(stem)) return { kind: 'token', ...single };
    if (stem === 'key' && index > 0) {
      const qualifier = KEY_QUALIFIERS.get(wordStem(words[index - 1]));
      if (qualifier) return { kind: qualifier, start: index - 1, end: index + 1, word: stem };
    }
    const compound = compoundHead(stem);
    if (compound) return { ...compound, start: index, end: index + 1 };
  }
  return undefined;
}

function singular(word: string): string {
  return PLURAL_HEADS.get(word) ?? word;
}

function compoundHead(word: string): Pick<Head, 'kind' | 'word' | 'gluedPrefix'> | undefined {
  const exact = COMPOUND_HEADS.get(word);
  if (exact) return { kind: exact, word };
  for (const [suffix, kind] of COMPOUND_SUFFIXES) {
    // At least two letters before the suffix, so `token` itself is not a "compound".
    if (word.length >= suffix.length + 2 && word.endsWith(suffix)) {
      return { kind, word: suffix, gluedPrefix: word.slice(0, word.length - suffix.length) };
    }
  }
  return undefined;
}

function isNeutralTrailer(word: string): boolean {
  return /^(?:\d+|v\d+)$/.test(word) || NEUTRAL_TRAILERS.has(word);
}
