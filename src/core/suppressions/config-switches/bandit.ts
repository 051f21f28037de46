// Bandit's config-level switches (bandit.readthedocs.io "Configuration"; bandit/cli/main.py,
// bandit/core/config.py):
// - `skips`: test ids never run. In YAML (`-c bandit.yaml`, `skips: ['B101', 'B608']`), in
//   pyproject.toml under `[tool.bandit]`, and in an INI `[bandit]` section (`.bandit`, or
//   `--ini setup.cfg`/`tox.ini`: `skips = B101,B608`, split at commas).
// - `assert_used: skips: ['*_test.py']` (YAML, or `[tool.bandit.assert_used]`): files where B101
//   is not reported; one directive per glob.
// `tests` (run only these) and `exclude_dirs` also narrow what Bandit checks, but they name what
// runs rather than what is switched off; they are not reported.
import type { ConfigComment } from '../../languages/config';
import { readIniValues } from './ini-values';
import { TrailingComments, makeSwitch, splitScalar, type ConfigSwitch } from './switch';
import { child, scalarsOf, type ConfigNode, type ConfigScalar } from './tree';

/** `skips` and `assert_used.skips` under `base` (the YAML document, or pyproject's `tool.bandit`). */
export function banditSwitchesFromTree(text: string, base: ConfigNode | undefined, comments: readonly ConfigComment[]): ConfigSwitch[] {
  const trailing = new TrailingComments(text, comments);
  const skipped = scalarsOf(child(base, 'skips')).flatMap((scalar) => splitScalar(text, scalar));
  const assertGlobs = scalarsOf(child(child(base, 'assert_used'), 'skips')).flatMap((scalar) => splitScalar(text, scalar));
  return [
    ...skipped.map((id) => skipSwitch(id, trailing)),
    ...assertGlobs.map((glob) =>
      makeSwitch({ tool: 'bandit', ids: ['B101'], span: glob.span, configScope: [glob.value], reason: trailing.reasonAfter(glob.span) }),
    ),
  ];
}

/** `[bandit]` `skips = B608,B105` in an INI file. */
export function banditSwitchesFromIni(text: string): ConfigSwitch[] {
  const ini = readIniValues(text);
  const trailing = new TrailingComments(text, ini.comments);
  return ini
    .valuesOf('bandit', 'skips')
    .flatMap((scalar) => splitScalar(text, scalar))
    .map((id) => skipSwitch(id, trailing));
}

function skipSwitch(id: ConfigScalar, trailing: TrailingComments): ConfigSwitch {
  return makeSwitch({ tool: 'bandit', ids: [id.value], span: id.span, configScope: [], reason: trailing.reasonAfter(id.span) });
}
