// The one line both `scan` and `deps` print when some dependencies could not be checked.
export function uncheckedDependenciesNotice(missing: number, problem: string | undefined, offline: boolean): string {
  return `${missing} dependenc${missing === 1 ? 'y was' : 'ies were'} not checked for advisories: ${problem ?? 'no answer'}${offline ? ' (run without --offline to look them up)' : ''}`;
}
