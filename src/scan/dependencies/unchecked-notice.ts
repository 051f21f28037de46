// The one line both `scan` and `deps` print when some dependency look-ups (advisories, registry)
// had no answer: what was not checked is said, never taken for "fine".
export function uncheckedDependenciesNotice(missing: number, problem: string | undefined, offline: boolean): string {
  return `${missing} dependency look-up${missing === 1 ? '' : 's'} (advisories, registry) had no answer: ${problem ?? 'no answer'}${offline ? ' (run without --offline to look them up)' : ''}`;
}

/** The short form the gate and the agent's feedback use: "2 dependency look-ups had no answer (why)". */
export function unansweredLookUps(check: { missing: number; problem?: string }): string {
  return `${check.missing} dependency look-up${check.missing === 1 ? '' : 's'} had no answer (${check.problem ?? 'no answer'})`;
}
