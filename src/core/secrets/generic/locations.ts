// Values that say where something is rather than what it is: URLs, file paths, e-mail addresses,
// host names and CSS selectors. Credentials inside URLs are the URI detector's business.

const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const OTHER_URI = /^(?:mailto|data|file|tel|urn|blob):/i;
const ROOTED_PATH = /^(?:\/|\.{1,2}[/\\]|~[/\\]|[A-Za-z]:[/\\]|\\\\)/;
/** Lowercase path segments: `prod/db`, `keys/service-account.json`, `secret/data/app`. */
const LOWERCASE_PATH = /^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+\/?$/;
/** Files that hold credentials are not the credential: `service-account.json`, `id_rsa.pem`. */
const CREDENTIAL_FILE = /^[\w.-]+\.(?:json|pem|key|crt|cer|der|p12|pfx|jks|keystore|pub|txt|env|ya?ml|toml|ini|cfg|conf|properties|asc|gpg)$/i;
const EMAIL = /^[^\s@]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?$/;
const CSS_SELECTOR = /^[#.][A-Za-z_][\w-]*$|^[a-z]*\[[\w-]+(?:[~|^$*]?=[^\]]*)?\]$|^[a-z]+[#.][A-Za-z_][\w-]*$/;

export function isUrl(value: string): boolean {
  return URL_SCHEME.test(value) || OTHER_URI.test(value);
}

export function isFilePath(value: string): boolean {
  return ROOTED_PATH.test(value) || LOWERCASE_PATH.test(value) || CREDENTIAL_FILE.test(value);
}

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
}

export function isHostName(value: string): boolean {
  return HOST_NAME.test(value);
}

export function isCssSelector(value: string): boolean {
  return CSS_SELECTOR.test(value);
}
