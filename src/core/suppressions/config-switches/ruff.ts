// Ruff switching flake8-bandit (`S`) rules off (docs.astral.sh/ruff/settings): `ignore` and
// `extend-ignore` (project-wide), `per-file-ignores` and `extend-per-file-ignores` (a glob → codes
// table; the glob is the scope), each at the top level of ruff.toml / `[tool.ruff]` or under
// `lint` (`[lint]` / `[tool.ruff.lint]`, the current spelling). A selector counts when it can
// cover an S rule: `S`, `S1`…`S704` by prefix, or `ALL`; `E501` and `SIM` do not.
import type { ConfigComment } from '../../languages/config';
import { TrailingComments, makeSwitch, splitScalar, type ConfigSwitch } from './switch';
import { child, entriesOf, scalarsOf, type ConfigNode, type ConfigScalar } from './tree';

const IGNORE_KEYS = ['ignore', 'extend-ignore'];
const PER_FILE_KEYS = ['per-file-ignores', 'extend-per-file-ignores'];

/** `base` is ruff.toml's document or pyproject.toml's `tool.ruff` table. */
export function ruffSwitches(text: string, base: ConfigNode | undefined, comments: readonly ConfigComment[]): ConfigSwitch[] {
  const trailing = new TrailingComments(text, comments);
  const switches: ConfigSwitch[] = [];
  for (const table of [base, child(base, 'lint')]) {
    for (const key of IGNORE_KEYS) {
      for (const code of securityCodes(text, child(table, key))) switches.push(ruffSwitch(code, [], trailing));
    }
    for (const key of PER_FILE_KEYS) {
      for (const entry of entriesOf(child(table, key))) {
        for (const code of securityCodes(text, entry.value)) switches.push(ruffSwitch(code, [entry.key], trailing));
      }
    }
  }
  return switches.sort((a, b) => a.span.start - b.span.start);
}

function securityCodes(text: string, node: ConfigNode | undefined): ConfigScalar[] {
  return scalarsOf(node)
    .flatMap((scalar) => splitScalar(text, scalar))
    .filter((code) => isSecuritySelector(code.value));
}

/** `S`, `S1`, `S60`, `S608` (flake8-bandit, by prefix) or `ALL`. */
export function isSecuritySelector(selector: string): boolean {
  return selector === 'ALL' || /^S\d{0,3}$/.test(selector);
}

function ruffSwitch(code: ConfigScalar, configScope: string[], trailing: TrailingComments): ConfigSwitch {
  return makeSwitch({ tool: 'ruff', ids: [code.value], span: code.span, configScope, reason: trailing.reasonAfter(code.span) });
}
