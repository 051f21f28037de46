// Shell command lines built from values, or taken whole from outside the program (a request value,
// a parameter, the command line, the environment), and run through a shell: os.system, subprocess
// with shell=True or an `sh -c` argument list, child_process.exec, spawn with shell: true,
// execaCommand; through the file's helper functions too. The fix passes an argument list without a
// shell where a command built at the sink splits cleanly.
import { JS_LANGUAGES } from '../languages/language';
import { defineRule } from '../rule';
import { javascriptStringBuiltReports } from '../queries/javascript';
import { pythonStringBuiltReports } from '../queries/python';

/**
 * JS/TS: a shell is only involved through a module that runs commands (child_process, execa,
 * shelljs, zx): the import, not a call name, since sinks are often aliased
 * (`import { exec as run }`) and `regex.exec(…)` is everywhere. Python files are gated by the sink
 * finder's own mayHoldSink (inside pythonStringBuiltReports). Files without any skip the parser.
 */
const JS_COMMAND_MODULE = /["'`](?:node:)?child_process["'`]|["'`](?:execa|shelljs)["'`]|["'`]zx(?:\/[\w-]+)?["'`]/;

export default defineRule({
  meta: {
    id: 'string-built-command',
    category: 'string-built-command',
    defaultSeverity: 'warning',
    description: 'Shell commands built from values or taken whole from outside the program; error when a request value or parameter reaches them.',
    fixable: true,
    languages: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python'],
    // Every sink's name or module holds one of these (exec, execa, spawn, system, popen, shelljs, zx, …);
    // an argument list starting a shell on a script (`["sh", "-c", …]`) ends its program's name in
    // `sh` (sh, bash, zsh, pwsh…), `cmd` or `.exe` right before the closing quote.
    keywords: [
      'exec',
      'spawn',
      'system',
      'popen',
      'getoutput',
      'create_subprocess_shell',
      'shell',
      'zx',
      'sh"',
      "sh'",
      'sh`',
      'cmd"',
      "cmd'",
      'cmd`',
      'exe"',
      "exe'",
      'exe`',
    ],
  },
  check(context) {
    const javascript = JS_LANGUAGES.has(context.file.language);
    if (javascript && !JS_COMMAND_MODULE.test(context.file.text)) return;
    const reports = javascript ? javascriptStringBuiltReports(context, 'shell') : pythonStringBuiltReports(context, 'shell');
    for (const report of reports) context.report(report);
  },
});
