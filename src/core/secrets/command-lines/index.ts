// Passwords on command lines as string candidates for the generic-secret rule: each password
// argument is named as written (`--requirepass`, `-p`, `PGPASSWORD`) and judged by what it is
// (`redis_password`, `mysql_password`), like any value assigned to such a name.
import { spanFrom, valueSpan } from '../../languages/shell-words';
import type { RuleContext } from '../../rule';
import type { StringCandidate } from '../candidates';
import { passwordArguments } from './arguments';
import { commandLines } from './sources';

export interface CommandLineCandidate extends StringCandidate {
  /** The name the value is judged as; `name` is the option as written, for the message. */
  judgedAs: string;
}

export function commandLineCandidates(context: RuleContext): CommandLineCandidate[] {
  return context.memo('secrets:command-line-candidates', () =>
    commandLines(context).flatMap((line) =>
      passwordArguments(line.words).map((argument): CommandLineCandidate => {
        const { word, from, to, fallback } = argument;
        // Exact when one run of the file holds the password; else from its start to the word's end, or the whole config value.
        const exact = line.exact ? valueSpan(word, from, to) : undefined;
        const span = exact ?? (line.exact ? spanFrom(word, from) : line.span);
        const expression = exact && fallback ? valueSpan(word, fallback.expression) : undefined;
        return {
          value: word.value.slice(from, to),
          valueStart: span.start,
          valueEnd: span.end,
          literalStart: span.start,
          literalEnd: span.end,
          verbatim: exact !== undefined && (fallback === undefined || expression !== undefined),
          name: argument.option,
          judgedAs: argument.judgedAs,
          ...(fallback && expression ? { envDefault: { variable: fallback.variable, ...expression, withoutDefault: `\${${fallback.variable}}` } } : {}),
        };
      }),
    ),
  );
}
