// Values that name something — an auth scheme, a setting, a field, a header, an environment
// variable, a translation key — rather than hold a credential.
import { ENUM_VALUES, IDENTIFIER_WORDS } from './vocabulary';
import { identifierWords } from './words';

/** `DB_PASSWORD`, `STRIPE_SECRET_KEY`: an environment variable or constant name. */
const SCREAMING_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const ALPHABETIC_WORD = /^[A-Za-z]{2,}$/;
/** `userPassword`, `auth_token`, `X-Api-Key`, `login.password.label`. */
const IDENTIFIER_SHAPE = /^[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*$/;
/** Letters only, in camelCase or PascalCase (leading `_` allowed): a function, class or field name. */
const CAMEL_OR_PASCAL_CASE = /^_*[A-Za-z]+$/;
const CASE_BOUNDARY = /[a-z][A-Z]/;
/** Command-line flags: `--username=`, `-p`. */
const CLI_FLAG = /^--?[A-Za-z][\w-]*=?$/;
/** `auth.errors.invalid`, `app.settings.secret`: translation or config keys (no digits, 2+ parts). */
const DOTTED_KEY = /^[A-Za-z_][A-Za-z_-]{0,40}(?:\.[A-Za-z_][A-Za-z_-]{0,40})+$/;
/** Laravel/validator rule lists: `required|string|min:8|confirmed`. */
const VALIDATION_RULES = /^[a-z_]+(?::[\w,.]+)?(?:\|[a-z_]+(?::[\w,.]+)?)+$/;
/**
 * Lowercase words (and numbers) joined by `-` or `_`: `db-credentials`, `flask_app_secret`,
 * `acme-prod-token`, `a-string-secret-at-least-256-bits-long` (jwt.io's sample secret).
 */
const WORD_IDENTIFIER = /^[a-z]+(?:[-_](?:[a-z]+|\d+))+$/;
/** Package versions and ranges (`^9.0.0`, `~1.2`, `>=2.0.0-rc.1`): `package.json` keys can look secret-like. */
const VERSION = /^(?:[~^]|[<>]=?|=)?v?\d+(?:\.\d+){1,3}(?:[-+][\w.-]+)?$/;

export function looksLikeIdentifierOrEnum(value: string): boolean {
  if (ENUM_VALUES.has(value.toLowerCase()) || VERSION.test(value)) return true;
  if (SCREAMING_SNAKE.test(value)) return value.split('_').filter((word) => ALPHABETIC_WORD.test(word)).length >= 2;
  if (DOTTED_KEY.test(value) || VALIDATION_RULES.test(value) || CLI_FLAG.test(value) || isCamelOrPascalName(value)) return true;
  return IDENTIFIER_SHAPE.test(value) && isBuiltFromIdentifierWords(value);
}

/**
 * For secrets, tokens and keys (never passwords, where `correct-horse-battery` is a passphrase):
 * lowercase words joined by separators name a Kubernetes secret, a vault entry or a setting.
 */
export function looksLikeWordIdentifier(value: string): boolean {
  return WORD_IDENTIFIER.test(value) && value.split(/[-_]/).filter((word) => ALPHABETIC_WORD.test(word)).length >= 2;
}

function isBuiltFromIdentifierWords(value: string): boolean {
  const words = identifierWords(value);
  // `X-API-Key`: the `x-` of custom headers is not a word.
  const meaningful = words.length > 1 && words[0] === 'x' ? words.slice(1) : words;
  return meaningful.length > 0 && meaningful.every((word) => IDENTIFIER_WORDS.has(word));
}

/** `validatePassword`, `_RSAPrivateKey`: every word has 2+ letters, so random letters (`kXmPqRtZ`) do not pass. */
function isCamelOrPascalName(value: string): boolean {
  if (!CAMEL_OR_PASCAL_CASE.test(value) || !CASE_BOUNDARY.test(value)) return false;
  const words = identifierWords(value);
  return words.length >= 2 && words.every((word) => word.length >= 2);
}
