// Shell command lines built from values and run through a shell (os.system, subprocess with
// shell=True, child_process.exec, spawn with shell: true, execaCommand). The fix passes an argument
// list without a shell where the command splits cleanly.
import { JS_LANGUAGES } from '../languages/language';
import { defineRule } from '../rule';
import { javascriptStringBuiltReports } from '../queries/javascript';
import { pythonStringBuiltReports } from '../queries/python';

export default defineRule({
  meta: {
    id: 'string-built-command',
    category: 'string-built-command',
    defaultSeverity: 'warning',
    description: 'Shell commands built from values and run through a shell; error when a request value or parameter reaches them.',
    fixable: true,
    languages: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python'],
    // Every sink's name holds one of these (exec, execSync, execa, spawn, system, popen, …).
    keywords: ['exec', 'spawn', 'system', 'popen', 'getoutput', 'create_subprocess_shell', 'shell'],
  },
  check(context) {
    const reports = JS_LANGUAGES.has(context.file.language) ? javascriptStringBuiltReports(context, 'shell') : pythonStringBuiltReports(context, 'shell');
    for (const report of reports) context.report(report);
  },
});
