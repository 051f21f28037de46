// Public shapes of the generic secret judgement (named values, credentialed URIs, connection strings).
import type { SecretMatch } from '../model';

/** What a secret-like name says the value is; drives the value test and the message. */
export type SecretKind = 'password' | 'API key' | 'secret' | 'token';

/** A string literal or config value together with the name it is assigned to. */
export interface NamedValueCandidate {
  /** Variable, property/dict key, keyword argument or config key path (`stripe.apiKey`, `DATABASES.default.PASSWORD`). */
  name?: string;
  /** The literal's content, unquoted and unescaped. */
  value: string;
  /** Workspace-relative file path; only used to recognise locale/translation files. */
  path?: string;
}

export type GenericVerdict = { secret: true; kind: SecretKind; envName: string } | { secret: false; reason: string };

/**
 * A credential embedded in a larger value that should move to the environment as a whole:
 * `start`/`end` (from SecretMatch) cover only the password, `containerStart`/`containerEnd` the
 * whole URI or connection string. A richer type rather than an entry in `related`, because the
 * fix needs this span unambiguously and `related` is for separate ranges shown to the user.
 */
export interface EmbeddedSecretMatch extends SecretMatch {
  containerStart: number;
  containerEnd: number;
}
