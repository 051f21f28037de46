// The words of the string-built-command findings, for every language: one rule, one voice. A built
// command line names the values interpolated into it; a whole one names where the command itself
// comes from. Each says why it matters and how to run the program without a shell in that language.
import { describeHoles, noFix, shorten, verb, type NamedHole } from './message-parts';

export interface CommandWords {
  /** The sink as written: `exec`, `subprocess.run()`. */
  sink: string;
  /** Whether the sink hands the line to a shell (execaCommand splits it into arguments itself). */
  viaShell: boolean;
  /** The language's way to run a program with an argument list: `execFile, or spawn without a shell`. */
  listForm: string;
  /** The language's shell quoting function, when there is a standard one (`shlex.quote()`). */
  quoteFunction?: string;
  /** Helper functions of the file the command was passed through, outermost first: `run_command()`. */
  through: readonly string[];
  /** Why no quick fix is offered. */
  fixReason?: string;
}

/** Values interpolated into a command line: `exec(`convert ${src}`)`. */
export function builtCommandMessage(holes: readonly NamedHole[], words: CommandWords, error: boolean): string {
  const headline = error ? 'Command injection' : 'Shell command built from interpolated values';
  const danger = words.viaShell
    ? 'A value containing `;`, `|`, `$( )` or quotes runs other commands'
    : 'A value containing spaces adds arguments (options included)';
  const quoting = words.quoteFunction ? `, or quote each value with ${words.quoteFunction}` : '';
  return (
    `${headline}: ${describeHoles(holes)} ${verb(holes)} interpolated into the command line that \`${shorten(words.sink)}\` ${runs(words)}${through(words)}. ` +
    `${danger}: pass the program and its arguments as a list (${words.listForm})${quoting}.${noFix(words.fixReason)}`
  );
}

/** A command line that is an outside value as a whole: `os.system(request.args["cmd"])`. */
export function wholeCommandMessage(values: readonly NamedHole[], words: CommandWords, error: boolean): string {
  const headline = error ? 'Command injection' : 'Shell command taken from outside the program';
  return (
    `${headline}: ${describeHoles(values)} ${verb(values)} the whole command line that \`${shorten(words.sink)}\` ${runs(words)}${through(words)}, ` +
    `so whoever supplies it chooses what runs. Run a fixed program and pass the value as one of its arguments (${words.listForm}), ` +
    'or map the value to one of a few constant commands.'
  );
}

function runs(words: CommandWords): string {
  return words.viaShell ? 'runs through a shell' : 'splits into arguments';
}

function through(words: CommandWords): string {
  return words.through.length ? `, passed through ${words.through.map((helper) => `\`${helper}\``).join(' and ')}` : '';
}

/** Why a script given to `sh -c` gets no "Run without a shell" fix, and what to do instead. */
export function scriptFixReason(shell: string): string {
  return `the script runs through \`${shell}\`: keep the script constant and pass each value after it as a positional parameter ("$1")`;
}

/** The related location at a call of a helper function that passed the command on. */
export function passedHere(helper: string): string {
  return `passed to \`${helper}\` here`;
}

/** Why a command built where a helper function is called gets no fix at the helper's sink. */
export const HELPER_BUILT = 'the command is built where the helper function is called';
