// ESLint's legacy config files as data (`.eslintrc.json`, `.eslintrc` (JSON or YAML),
// `.eslintrc.yml`/`.yaml`, `package.json`'s `eslintConfig`): security rules set to off under
// `rules`, and under `overrides[].rules`, whose scope is that override's `files` (nested
// overrides take their own `files`).
import type { ConfigComment } from '../../languages/config';
import { isSecurityRule, isSeverityOff } from './eslint-rules';
import { TrailingComments, makeSwitch, type ConfigSwitch } from './switch';
import { child, entriesOf, itemsOf, scalarsOf, type ConfigNode } from './tree';

export function eslintConfigSwitches(text: string, config: ConfigNode | undefined, comments: readonly ConfigComment[]): ConfigSwitch[] {
  const switches: ConfigSwitch[] = [];
  collect(config, [], new TrailingComments(text, comments), switches, 0);
  return switches.sort((a, b) => a.span.start - b.span.start);
}

function collect(config: ConfigNode | undefined, scope: string[], trailing: TrailingComments, switches: ConfigSwitch[], depth: number): void {
  if (depth > 16) return;
  for (const rule of entriesOf(child(config, 'rules'))) {
    if (!isSecurityRule(rule.key) || !isSeverityOff(rule.value)) continue;
    switches.push(makeSwitch({ tool: 'eslint', ids: [rule.key], span: rule.keySpan, configScope: scope, reason: trailing.reasonAfter(rule.keySpan) }));
  }
  for (const override of itemsOf(child(config, 'overrides'))) {
    const files = scalarsOf(child(override, 'files')).map((glob) => glob.value);
    collect(override, files, trailing, switches, depth + 1);
  }
}
