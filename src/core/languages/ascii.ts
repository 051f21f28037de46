// ASCII character classes on UTF-16 code units (charCodeAt), for the scanners that walk text by
// offset without allocating one-character strings. Readers add their own extras on top (`$` in SQL
// names, `-` and `.` in config keys, non-ASCII letters where a language allows them).

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isUpperAsciiLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}

export function isLowerAsciiLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

export function isAsciiLetter(code: number): boolean {
  return isUpperAsciiLetter(code) || isLowerAsciiLetter(code);
}

export function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** `[A-Za-z0-9_]`: a character of an identifier in most languages (regex `\w`). */
export function isAsciiWordCharacter(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code) || code === 95;
}

/** `[A-Za-z0-9_.-]`: a character of a config key or environment-style name (`db.password`, `api-key`). */
export function isKeyNameCharacter(code: number): boolean {
  return isAsciiWordCharacter(code) || code === 45 || code === 46;
}
