// The engine reports problems it recovers from (a rule that threw, a parse that failed) through
// this sink: the CLI prints them to stderr, the extension to its log channel.
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const SILENT_LOGGER: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
