// A string value in a file, with what a secret rule needs to judge and to fix it: the name it is
// bound to, where its text sits, and whether it is the fallback of an environment lookup.

export interface EnvLookupDefault {
  /** The environment variable the code already reads, e.g. `STRIPE_KEY` in `os.getenv("STRIPE_KEY", "…")`. */
  variable: string;
  /** The whole lookup expression including the literal fallback, and what it becomes without it. */
  start: number;
  end: number;
  withoutDefault: string;
}

export interface StringCandidate {
  /** The decoded value. */
  value: string;
  /** [start, end) of the value's text inside the quotes. */
  valueStart: number;
  valueEnd: number;
  /** [start, end) of the whole literal, quotes included: what "move to environment" replaces. */
  literalStart: number;
  literalEnd: number;
  /** True when the text between the quotes is exactly `value` (no escapes), so offsets map 1:1. */
  verbatim: boolean;
  /** The variable, property, key, keyword argument or parameter the value is bound to. */
  name?: string;
  /** For a call argument: the callee as written (`jwt.sign`) and the argument's index. */
  call?: { callee: string; argument: number };
  envDefault?: EnvLookupDefault;
  /** A JSX attribute value (`apiKey="…"`): an expression replacing it needs braces. */
  inJsxAttribute?: boolean;
}
