// Shell command lines built from values and run through a shell (os.system, subprocess with
// shell=True, child_process.exec, spawn with shell: true, execaCommand). The fix passes an argument
// list without a shell where the command splits cleanly.
import { JS_LANGUAGES } from '../languages/language';
import { defineRule } from '../rule';
import { javascriptStringBuiltReports } from '../queries/javascript';
import { pythonStringBuiltReports } from '../queries/python';

/**
 * A shell is only involved through these. Python: os.system/popen, getoutput, asyncio's shell
 * subprocess, or `shell=True`. JS/TS: a module that runs commands is imported (child_process,
 * execa, shelljs, zx) — the import, not a call name, since sinks are often aliased
 * (`import { exec as run }`) and `regex.exec(…)` is everywhere. Files without any skip the parser.
 */
const PYTHON_SHELL_SINK = /\b(?:system|popen|getoutput|getstatusoutput|create_subprocess_shell)\s*\(|\bshell\s*=\s*True\b/;
const JS_COMMAND_MODULE = /["'`](?:node:)?child_process["'`]|["'`](?:execa|shelljs)["'`]|["'`]zx(?:\/[\w-]+)?["'`]/;

function mayRunShell(language: string, text: string): boolean {
  return language === 'python' ? PYTHON_SHELL_SINK.test(text) : JS_COMMAND_MODULE.test(text);
}

export default defineRule({
  meta: {
    id: 'string-built-command',
    category: 'string-built-command',
    defaultSeverity: 'warning',
    description: 'Shell commands built from values and run through a shell; error when a request value or parameter reaches them.',
    fixable: true,
    languages: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python'],
    // Every sink's name or module holds one of these (exec, execa, spawn, system, popen, shelljs, zx, …).
    keywords: ['exec', 'spawn', 'system', 'popen', 'getoutput', 'create_subprocess_shell', 'shell', 'zx'],
  },
  check(context) {
    if (!mayRunShell(context.file.language, context.file.text)) return;
    const reports = JS_LANGUAGES.has(context.file.language) ? javascriptStringBuiltReports(context, 'shell') : pythonStringBuiltReports(context, 'shell');
    for (const report of reports) context.report(report);
  },
});
