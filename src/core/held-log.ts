// A logger that holds its lines until the caller knows whether they still apply: released as
// logged, or — when what they reported was overcome (a retry succeeded) — at debug level only.
import type { Logger } from './log';

type Level = keyof Logger;

export class HeldLog implements Logger {
  private readonly lines: { level: Level; message: string }[] = [];

  constructor(private readonly target: Logger) {}

  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }

  /** Passes the lines on: at their own level when they `stand`, else as debug lines. */
  release(stand: boolean): void {
    for (const { level, message } of this.lines.splice(0)) this.target[stand ? level : 'debug'](message);
  }
}
