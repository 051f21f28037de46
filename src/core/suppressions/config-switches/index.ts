// Config-level suppressions: settings that switch a security check off for a whole project or a
// set of files (Bandit skips, Ruff ignores of S rules, ESLint security rules set to off, entries
// of .semgrepignore / .gitleaksignore). Chosen by file name; any other file yields nothing. Each
// result is a `config`-scoped directive (start/end = offsets in the file text) and the span to
// report at: the id, rule name or ignore entry that switches the check off.
import { readConfig, type ConfigComment } from '../../languages/config';
import { banditSwitchesFromIni, banditSwitchesFromTree } from './bandit';
import { eslintConfigSwitches } from './eslint-config';
import { eslintJsConfigSwitches } from './eslint-js-config';
import { gitleaksIgnoreSwitches, semgrepIgnoreSwitches } from './ignore-files';
import { readJsonTree } from './json-tree';
import { ruffSwitches } from './ruff';
import type { ConfigSwitch } from './switch';
import { readTomlTree } from './toml-tree';
import { child, childAt } from './tree';
import { readYamlTree } from './yaml-tree';

export type { ConfigSwitch } from './switch';
export { isSecurityRule } from './eslint-rules';
export { isSecuritySelector } from './ruff';

const BANDIT_YAML_NAMES = new Set(['bandit.yaml', 'bandit.yml', '.bandit.yaml', '.bandit.yml']);
const ESLINT_JS_CONFIG = /^(?:eslint\.config\.[cm]?[jt]s|\.eslintrc\.c?js)$/;

/** `path` is project-relative; the file name decides which tool's settings are read. */
export function findConfigSwitches(path: string, text: string): ConfigSwitch[] {
  const name = baseName(path);
  switch (name) {
    case 'pyproject.toml': {
      const root = readTomlTree(text);
      const comments = commentsOf(text, 'toml');
      return sorted([
        ...banditSwitchesFromTree(text, childAt(root, ['tool', 'bandit']), comments),
        ...ruffSwitches(text, childAt(root, ['tool', 'ruff']), comments),
      ]);
    }
    case 'ruff.toml':
    case '.ruff.toml':
      return ruffSwitches(text, readTomlTree(text), commentsOf(text, 'toml'));
    case 'setup.cfg':
    case 'tox.ini':
      return banditSwitchesFromIni(text);
    case '.bandit':
      // Bandit reads `.bandit` as INI with a `[bandit]` section; as `-c` config it is YAML.
      return /^[ \t]*\[bandit\]/m.test(text) ? banditSwitchesFromIni(text) : banditSwitchesFromTree(text, readYamlTree(text), commentsOf(text, 'yaml'));
    case '.eslintrc.json':
      return eslintConfigSwitches(text, readJsonTree(text), commentsOf(text, 'jsonc'));
    case '.eslintrc.yml':
    case '.eslintrc.yaml':
      return eslintConfigSwitches(text, readYamlTree(text), commentsOf(text, 'yaml'));
    case '.eslintrc':
      // The legacy loader reads it as YAML, of which JSON is (almost) a subset.
      return isJsonLike(text)
        ? eslintConfigSwitches(text, readJsonTree(text), commentsOf(text, 'jsonc'))
        : eslintConfigSwitches(text, readYamlTree(text), commentsOf(text, 'yaml'));
    case 'package.json':
      return eslintConfigSwitches(text, child(readJsonTree(text), 'eslintConfig'), []);
    case '.semgrepignore':
      return semgrepIgnoreSwitches(text);
    case '.gitleaksignore':
      return gitleaksIgnoreSwitches(text);
    default:
      if (BANDIT_YAML_NAMES.has(name)) return banditSwitchesFromTree(text, readYamlTree(text), commentsOf(text, 'yaml'));
      if (ESLINT_JS_CONFIG.test(name)) return eslintJsConfigSwitches(path, text);
      return [];
  }
}

function commentsOf(text: string, format: 'toml' | 'yaml' | 'jsonc'): ConfigComment[] {
  return readConfig(text, format).comments;
}

function sorted(switches: ConfigSwitch[]): ConfigSwitch[] {
  return switches.sort((a, b) => a.span.start - b.span.start);
}

function isJsonLike(text: string): boolean {
  const first = text.replace(/^\ufeff/, '').trimStart()[0];
  return first === '{';
}

function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(slash + 1);
}
