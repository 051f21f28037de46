// Text meant for people: labels, prompts and their translations. `"password": "Enter your
// password"` in a form schema or `password: "Mot de passe"` in a locale file is not a password.
import { PASSWORD_TRANSLATIONS } from './password-translations';

const ASCII_LETTER_OR_DIGIT = /[A-Za-z0-9]/;
const LETTER = /\p{L}/u;
const WHITESPACE = /\s/;
const DIGIT = /\p{N}/u;
const COMBINING_MARKS = /\p{M}/gu;
const LABEL_PUNCTUATION = /[\s:?!.*…()-]+/g;

/** "Password" and its neighbours as labels, in the languages most often next to code, accents removed. */
const TRANSLATED_LABELS = new Set([
  'password',
  'passphrase',
  'passcode',
  'secret',
  'token',
  'apikey',
  'credentials',
  ...PASSWORD_TRANSLATIONS,
  'palavrapasse',
  'losenord',
  'adgangskode',
  'passord',
  'salasana',
  'jelszo',
  'heslo',
  'sifre',
  'parola',
  'geheim',
  'geheimnis',
  'geslo',
  'lozinka',
  'parool',
  'slaptazodis',
  'parole',
  'clave',
  'chave',
  'segreto',
  'secreto',
]);

/** Translation catalogues, where a word-like value is a message, never a credential. */
const LOCALE_PATH = /(?:^|\/)(?:locales?|i18n|l10n|lang|langs|translations?)\/|\.(?:po|pot|xliff|xlf|arb|strings)$|(?:^|\/)messages[^/]*\.json$/i;

export function isLocaleFile(path: string): boolean {
  return LOCALE_PATH.test(path.replace(/\\/g, '/'));
}

/**
 * Words with spaces between them, a single word in a non-Latin script (`пароль`, `密码`), or a
 * known translation of "password". Passphrases with spaces are given up here on purpose: in
 * code, spaced text next to a secret-like name is a label or message far more often.
 */
export function looksLikeNaturalLanguage(value: string): boolean {
  if (hasSpacedWords(value)) return true;
  if (!ASCII_LETTER_OR_DIGIT.test(value) && LETTER.test(value)) return true;
  const folded = value.normalize('NFD').replace(COMBINING_MARKS, '').replace(LABEL_PUNCTUATION, '').toLowerCase();
  return TRANSLATED_LABELS.has(folded);
}

/** In a locale file any letters-only value (no digits) is a message, even a single word. */
export function looksLikeMessageText(value: string): boolean {
  return LETTER.test(value) && !DIGIT.test(value);
}

/** A letter, then whitespace, then another letter (two words at least): three native searches. */
function hasSpacedWords(value: string): boolean {
  const firstLetter = value.search(LETTER);
  if (firstLetter < 0) return false;
  const space = value.slice(firstLetter).search(WHITESPACE);
  return space >= 0 && LETTER.test(value.slice(firstLetter + space));
}
