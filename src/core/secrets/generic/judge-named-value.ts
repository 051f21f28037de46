// The `generic-secret` judgement: is this literal, assigned to this name, a hard-coded secret?
// Cheap tests run first: most literals fail the name gate and cost a split and a few set lookups.
import { envNameFor } from './env-name';
import { isFormattedHash, isHexDigest, isUuid } from './hashes';
import { looksLikeIdentifierOrEnum, looksLikeWordIdentifier } from './identifiers';
import { isCssSelector, isEmailAddress, isFilePath, isHostName, isUrl } from './locations';
import { isLocaleFile, looksLikeMessageText, looksLikeNaturalLanguage } from './natural-language';
import { isPlaceholderValue } from './placeholders';
import { looksMachineGenerated, MIN_TOKEN_LENGTH } from '../randomness';
import { isTemplateOrReference } from './references';
import { classifySecretName } from './secret-names';
import type { GenericVerdict, NamedValueCandidate, SecretKind } from './types';
import { isWellKnownDefaultPassword } from './well-known-defaults';

/**
 * People pick passwords, so a password only has to be a real value: 6+ characters, not a
 * placeholder, not a label. `hunter2` and `P@ssw0rd123` are hard-coded passwords.
 */
export const MIN_PASSWORD_LENGTH = 6;
/**
 * Signing secrets and "credentials" are often typed by hand too (`JWT_SECRET = "s3cr3t!…"`), so
 * they get the password test with a longer floor, and a single-class word shorter than 12
 * (`internal`, `database`) is not enough: such values are usually names or modes.
 */
export const MIN_SECRET_LENGTH = 8;
const MIN_PLAIN_WORD_SECRET_LENGTH = 12;
/**
 * Longer values are certificates, key files or data blobs: the private-key and provider rules
 * recognise those by format, and judging them by name alone would flag embedded fixtures.
 * (An RSA-4096 private key in base64 DER is ~3.2 KB, so it still fits.)
 */
export const MAX_JUDGED_LENGTH = 4096;

/** `Authorization: Bearer <token>` and friends: the scheme is not part of the secret. */
const AUTH_SCHEME = /^(bearer|token|bot|basic|digest|apikey|api-key|key|sso-key)\s+(\S[\s\S]*)$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const SINGLE_CLASS_WORD = /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)$/;

export function judgeNamedValue(candidate: NamedValueCandidate): GenericVerdict {
  if (candidate.name === undefined || candidate.name.trim() === '') {
    return { secret: false, reason: 'no name: a value alone is judged by provider formats only' };
  }
  const name = classifySecretName(candidate.name);
  if (!name.secretLike) return { secret: false, reason: name.reason };

  const rejection = valueRejection(candidate.value, name.kind, candidate.path);
  if (rejection !== undefined) return { secret: false, reason: rejection };
  return { secret: true, kind: name.kind, envName: envNameFor(name.segments, name.segmentIndex, name.kind) };
}

/** Why `raw` is not a secret of this kind, or undefined if it is one. */
function valueRejection(raw: string, kind: SecretKind, path: string | undefined): string | undefined {
  let value = raw.trim();
  if (value.length === 0) return 'empty value';
  if (value.length > MAX_JUDGED_LENGTH) return `longer than ${MAX_JUDGED_LENGTH} characters: blobs are judged by format rules`;
  if (value.includes('-----BEGIN')) return 'PEM block: the private-key rule judges it';

  const scheme = AUTH_SCHEME.exec(value);
  if (scheme) {
    const credential = schemeCredential(scheme[1].toLowerCase(), scheme[2].trim());
    if (credential === undefined) return 'Basic credentials that do not decode to user:password';
    value = credential.value;
    kind = credential.kind ?? kind;
  }

  if (isTemplateOrReference(value)) return 'template or environment/secret-store reference, not a literal';
  if (isPlaceholderValue(value)) return 'placeholder';
  if (looksLikeNaturalLanguage(value)) return 'text for people (label, prompt or message)';
  if (path !== undefined && isLocaleFile(path) && looksLikeMessageText(value)) return 'message in a translation file';
  if (isUrl(value)) return 'URL (passwords inside URLs are judged by detectCredentialedUris)';
  if (isEmailAddress(value)) return 'e-mail address';
  if (isFilePath(value)) return 'file path or file name';
  if (isHostName(value)) return 'host name';
  if (isCssSelector(value)) return 'CSS selector';
  if (isUuid(value)) return 'UUID: an identifier far more often than a key';
  if (isFormattedHash(value)) return 'password hash or integrity digest, not the secret itself';
  if (kind === 'password' && isHexDigest(value)) return 'hex digest assigned to a password: a password hash';
  if (looksLikeIdentifierOrEnum(value)) return 'identifier or setting value, not a credential';
  return kindRejection(value, kind);
}

function kindRejection(value: string, kind: SecretKind): string | undefined {
  switch (kind) {
    case 'password':
      if (value.length < MIN_PASSWORD_LENGTH) return `shorter than ${MIN_PASSWORD_LENGTH} characters`;
      if (isWellKnownDefaultPassword(value)) return 'well-known default password: public knowledge, not a secret';
      return undefined;
    case 'secret':
      if (value.length < MIN_SECRET_LENGTH) return `shorter than ${MIN_SECRET_LENGTH} characters`;
      if (isWellKnownDefaultPassword(value)) return 'well-known default: public knowledge, not a secret';
      if (looksLikeWordIdentifier(value)) return 'lowercase words joined by separators: a secret name or reference';
      if (value.length < MIN_PLAIN_WORD_SECRET_LENGTH && SINGLE_CLASS_WORD.test(value)) return 'a short plain word: a name or mode';
      return undefined;
    case 'API key':
    case 'token':
      if (value.length < MIN_TOKEN_LENGTH) return `shorter than ${MIN_TOKEN_LENGTH} characters: tokens and keys are long and random`;
      if (looksLikeWordIdentifier(value)) return 'lowercase words joined by separators: a name, not a generated key';
      if (!looksMachineGenerated(value)) return 'not random enough for a generated token or key';
      return undefined;
  }
}

/**
 * The credential part after an auth scheme. For `Basic`, the base64 `user:password` is decoded
 * and the password judged as one; a Basic value that does not decode is not a credential.
 */
function schemeCredential(scheme: string, rest: string): { value: string; kind?: SecretKind } | undefined {
  if (scheme !== 'basic') return { value: rest };
  if (!BASE64.test(rest)) return isTemplateOrReference(rest) ? { value: rest } : undefined;
  const decoded = Buffer.from(rest, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0 || !/^[\x20-\x7e]+$/.test(decoded)) return undefined;
  return { value: decoded.slice(colon + 1), kind: 'password' };
}
