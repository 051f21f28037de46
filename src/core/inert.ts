// Text from scanned files (names, code quoted in messages) reaches the person's terminal. An escape
// sequence in a file name could clear or rewrite the screen, and a bidirectional override could
// make a line read differently than it is (Trojan Source). Text output shows such characters as
// escapes, as git does for unusual file names (core.quotePath). JSON and SARIF escape for themselves.

/** C0 controls (tab aside), DEL, C1 controls, and the bidirectional embedding/override/isolate characters. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function inert(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
