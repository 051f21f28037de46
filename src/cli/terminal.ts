// Where the CLI writes. Tests pass their own Terminal to capture output without spawning.
export interface Terminal {
  cwd: string;
  color: boolean;
  out(text: string): void;
  error(text: string): void;
}

export function processTerminal(): Terminal {
  return {
    cwd: process.cwd(),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    out: (text) => process.stdout.write(text + '\n'),
    error: (text) => process.stderr.write(`lastline: ${text}\n`),
  };
}

/** Bad arguments or input: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
