// The one line both `scan` and `deps` print when some dependency look-ups (advisories, registry)
// had no answer: what was not checked is said, never taken for "fine".
export function uncheckedDependenciesNotice(missing: number, problem: string | undefined, offline: boolean): string {
  return `${missing} dependency look-up${missing === 1 ? '' : 's'} (advisories, registry) had no answer: ${problem ?? 'no answer'}${offline ? ' (run without --offline to look them up)' : ''}`;
}
