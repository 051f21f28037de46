// Values that are digests or identifiers rather than credentials: password hashes (what a
// database stores instead of the password), Subresource Integrity values, image digests, UUIDs.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** bcrypt, argon2, scrypt, PBKDF2, crypt(3) `$1$`/`$5$`/`$6$`/`$y$`, Django `algo$…`, LDAP `{SSHA}…`. */
const PASSWORD_HASH = new RegExp(
  [
    String.raw`^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$`,
    String.raw`^\$(?:argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?|[1567y]|sha(?:256|512)crypt)\$\S+$`,
    String.raw`^(?:pbkdf2_sha\d+|bcrypt_sha256|bcrypt|argon2|scrypt|sha1|md5|unsalted_md5|unsalted_sha1)\$\S+$`,
    String.raw`^(?:pbkdf2|scrypt):[\w:]+\$\S+$`, // Werkzeug `pbkdf2:sha256:600000$salt$hash`
    String.raw`^\{(?:SSHA|SHA|SSHA256|SSHA512|SHA256|SHA512|MD5|SMD5|CRYPT|BCRYPT|PBKDF2[-\w]*|ARGON2)\}\S+$`,
  ].join('|'),
);

/** Subresource Integrity (`sha384-…`) and content digests (`sha256:…` of container images). */
const INTEGRITY_OR_DIGEST = /^sha(?:256|384|512)-[A-Za-z0-9+/]{40,}={0,2}$|^(?:sha1|sha256|sha512|md5):[0-9a-f]{32,128}$/;

/** Hex strings of exactly a common digest length: MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512. */
const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;

export function isUuid(value: string): boolean {
  return value.length === 36 && UUID.test(value);
}

/** A formatted hash: unambiguous, never a usable credential in itself. */
export function isFormattedHash(value: string): boolean {
  return PASSWORD_HASH.test(value) || INTEGRITY_OR_DIGEST.test(value);
}

/**
 * Bare hex of a digest's length. Ambiguous: many real API keys and tokens are 32 or 40 hex
 * digits (Twilio auth tokens, Datadog keys, Facebook app secrets), so the caller only treats
 * this as a hash where a hash is the likelier reading (a "password" that is 64 hex digits).
 */
export function isHexDigest(value: string): boolean {
  return HEX_DIGEST.test(value);
}
