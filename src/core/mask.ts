/**
 * The only form in which a secret's value may appear in a message, log or output file: a few
 * leading characters (enough to recognise a provider prefix) and the length.
 */
export function maskSecret(value: string, visible = 4): string {
  const shown = value.length > visible * 3 ? value.slice(0, visible) : '';
  return `${shown}… (${value.length} chars)`;
}
