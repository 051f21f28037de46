// What the line/structure reader makes of a config file: its key/value entries and its comments.
// Rules (secrets, suppressions in config) read these instead of re-tokenising each format.
import type { ConfigFormat } from '../language';

export interface Span {
  /** Offsets into the file text: [start, end). */
  start: number;
  end: number;
}

export interface ConfigEntry {
  /** Nesting from outermost to innermost: section/table/mapping keys, `[]` for list items. */
  keyPath: string[];
  /** The innermost key (`keyPath[keyPath.length - 1]`), e.g. `DATABASE_URL`, `_authToken`. */
  key: string;
  keySpan: Span;
  /** The scalar value, unquoted and unescaped as the format defines. */
  value: string;
  /** Where the value's text sits, quotes excluded, so an edit can replace exactly the value. */
  valueSpan: Span;
  /** The quote the value was written with, if any. */
  quote?: '"' | "'" | '`';
}

export interface ConfigComment extends Span {
  /** Comment text without its marker (`#`, `;`, `//`, `/* *\/`). */
  text: string;
}

/** A flow collection (`[a, b]`, `{ a: b }`) that is a key's value, left unread by the YAML reader. */
export interface ConfigFlow {
  keyPath: string[];
  /** From the opening bracket to just after the closing one. */
  span: Span;
}

/** A Dockerfile instruction that runs a command: RUN, CMD, ENTRYPOINT, HEALTHCHECK. */
export interface ConfigCommand {
  instruction: string;
  /** The instruction's arguments, over its continuation lines (shell form or exec-form JSON). */
  span: Span;
}

export interface ConfigDocument {
  format: ConfigFormat;
  entries: ConfigEntry[];
  comments: ConfigComment[];
  /** YAML only: flow collections that are values of keys. */
  flows?: ConfigFlow[];
  /** Dockerfiles only (and only with the `\` escape character, whose lines are shell). */
  commands?: ConfigCommand[];
  /** Lines or regions the reader could not make sense of; reading goes on after them. */
  problems: { message: string; span: Span }[];
}
