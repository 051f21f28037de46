// One row of the provider table: everything needed to find one credential format, check it and
// move it out of the code. The engine (engine.ts) turns rows into detectors; adding a provider is
// adding a row (table/*.ts) and its tests (test/unit/secret-providers.test.ts).
import type { Severity } from '../../types';

/** Body length in characters: exact, or an inclusive [min, max] range. */
export type Length = number | readonly [number, number];

/**
 * What a token looks like. Every format is found as `lead? prefix body`, where the body is a run of
 * ONE character class, so finding candidates is a single linear pass (see compile.ts); everything
 * finer is checked on the bounded candidate afterwards.
 */
export interface TokenShape {
  /**
   * Literal(s) the token starts with (after its lead). Required for rows without `context`; for
   * context rows, a prefix the value starts with (`live_`), if any.
   */
  prefix?: string | readonly string[];
  /** The body's character class, as written between `[` and `]` of a RegExp: `'A-Za-z0-9_-'`. */
  body: string;
  /** Characters after the prefix. */
  length: Length;
  /**
   * Characters right before the prefix that belong to the token, for formats whose fixed part sits
   * in the middle or at the end (`…Q~…` Azure AD secrets, `….atlasv1.…`, `…_mmk`).
   */
  lead?: { chars: string; length: Length };
  /**
   * Literals allowed right before the token although they end in a letter: Telegram's bot API
   * puts its token straight after `bot` (`…/bot<token>/sendMessage`).
   */
  gluedAfter?: readonly string[];
  /**
   * Anchored pattern the whole token (lead and prefix included) must match, for inner structure.
   * Its capture groups are the random parts the randomness check reads (default: the body). Groups
   * may not carry a quantifier other than `?`, so matching stays linear (checked at compile time).
   */
  layout?: RegExp;
  /**
   * Size of the alphabet the random part is drawn from, for the randomness check; default: the
   * size of `body`. Set it lower when the class is wider than real tokens use (`(?i)` hex).
   */
  alphabet?: number;
}

/**
 * How much the assigned name must say (context rows): `credential` — a secret-like name
 * (`DATADOG_API_KEY`, `sentryAuthToken`) or one ending in `key`; `secret` — a secret or password
 * word, where the same shape is also used for public ids (`DROPBOX_APP_SECRET` but not
 * `DROPBOX_APP_KEY`); `any` — the context word itself is the variable (`BUNDLE_GEMS__CONTRIBSYS__COM`).
 */
export type NameGate = 'credential' | 'secret' | 'any';

export interface ProviderRow {
  /** Unique, kebab-case: `gitlab-pat`. */
  id: string;
  /** Detector the row belongs to (rows of one provider are one detector): `gitlab`. */
  provider: string;
  /** What a finding calls it: "GitLab personal access token". */
  kind: string;
  token: TokenShape;
  /**
   * Provider words (context rows): the value is only reported when assigned to a name that holds
   * one of them as a word (`DATADOG_API_KEY = "…"`). Lower, upper and capitalised spellings are
   * derived; list camelCase spellings (`newRelic`) yourself.
   */
  context?: readonly string[];
  nameGate?: NameGate;
  /**
   * The keyword pre-filter: every match (context rows: every file holding one) contains one of
   * these, case-sensitively. Default: the prefixes, or the context words' spellings.
   */
  keywords?: readonly string[];
  /** Checksum or structure check on the whole token, after the shape and randomness checks. */
  validate?: (token: string) => boolean;
  /** Default: `error` for prefixed formats, `warning` for context rows (a plausible credential). */
  severity?: Severity;
  /** Report only the body, not the prefix: the prefix is a label (`_gitlab_session=`). */
  reportBodyOnly?: boolean;
  /** Environment variable the "move to environment" fix suggests. */
  envName: string;
  /** The provider's documentation of the credential. */
  docs: string;
  /** gitleaks rule ids this row covers (traceability, and the coverage test). */
  gitleaks?: readonly string[];
}
