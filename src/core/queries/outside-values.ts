// Where a value comes from when the program does not write it itself, as both analyses of the
// command rule name it. One model for JS/TS and Python: a request value or a function parameter
// (caller data: the same sources that make a string-built command an error) makes a finding an
// error; what the operator running the program supplies (its command line, its environment, its
// terminal) a warning, as a value of unknown origin in a built command is.

export type OutsideKind = 'request' | 'parameter' | 'argv' | 'environment' | 'input';

export function isErrorKind(kind: OutsideKind): boolean {
  return kind === 'request' || kind === 'parameter';
}

const OPERATOR_SOURCES: Record<Exclude<OutsideKind, 'request' | 'parameter'>, string> = {
  argv: 'command-line argument',
  environment: 'environment variable',
  input: 'interactive input',
};

/** "command-line argument sys.argv", "environment variable DEPLOY_CMD", "interactive input input()". */
export function operatorSource(kind: Exclude<OutsideKind, 'request' | 'parameter'>, read: string): string {
  return `${OPERATOR_SOURCES[kind]} ${read}`;
}
