// Argument lists that start a shell on a script: `["sh", "-c", script, …]`, `bash -lc`, `cmd /c`,
// `powershell -Command`. No shell option is set, yet the script is a command line like any other:
// a value written into it runs as shell syntax. Shared by the JS/TS and Python sink finders.

const POSIX_SHELL = /^(?:.*\/)?(?:sh|bash|zsh|dash|ksh|mksh|ash|fish)$/;
/** `-c`, or `-c` among other single-letter options (`-lc`, `-ec`, `-xc`). */
const POSIX_SCRIPT_FLAG = /^-[a-zA-Z]*c[a-zA-Z]*$/;
const WINDOWS_CMD = /^(?:.*[\\/])?cmd(?:\.exe)?$/i;
const POWERSHELL = /^(?:.*[\\/])?(?:powershell|pwsh)(?:\.exe)?$/i;

/**
 * Where the script is in an argument list whose leading items are known (undefined: not a constant):
 * the index after the shell's command flag, or undefined when the list does not run a shell script.
 */
export function shellScriptIndex(leading: readonly (string | undefined)[]): number | undefined {
  const [program, flag] = leading;
  if (program === undefined || flag === undefined) return undefined;
  if (POSIX_SHELL.test(program) && POSIX_SCRIPT_FLAG.test(flag)) return 2;
  if (WINDOWS_CMD.test(program) && /^\/[ck]$/i.test(flag)) return 2;
  if (POWERSHELL.test(program) && /^-(?:c|command)$/i.test(flag)) return 2;
  return undefined;
}

/** `sh -c`, `cmd /c`: how messages name the shell a script runs in. */
export function shellScriptLabel(leading: readonly (string | undefined)[]): string {
  return `${leading[0] ?? 'sh'} ${leading[1] ?? '-c'}`;
}
