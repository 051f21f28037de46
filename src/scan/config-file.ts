// Finds and reads `.lastline.json` for a folder: the same lookup for the CLI, hooks and extension.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, defaultConfig, parseConfig, type ConfigProblem, type LastlineConfig } from '../core/config';
import { ruleIds } from '../core/rules';
import { derivedFingerprintSalt } from './fingerprint-salt';
import { MAX_STEERING_FILE_SIZE, readTextFileSync } from './read-file';

export { findProjectRoot } from './project-root';

export interface LoadedConfig {
  config: LastlineConfig;
  problems: ConfigProblem[];
  /** Absolute path of the file read; absent when there is none (defaults apply). */
  path?: string;
  /** The folder the config belongs to: paths, globs and fingerprints are relative to it. */
  root: string;
}

export function loadConfig(root: string): LoadedConfig {
  const loaded = readConfigFile(root);
  // Secrets' fingerprints are salted in every project: by .lastline.json, or by a derived salt.
  loaded.config.fingerprintSalt ??= derivedFingerprintSalt(root);
  return loaded;
}

function readConfigFile(root: string): LoadedConfig {
  const path = join(root, CONFIG_FILE_NAME);
  if (!existsSync(path)) return { config: defaultConfig(), problems: [], root };
  const read = readTextFileSync(path, MAX_STEERING_FILE_SIZE);
  if (read.kind === 'skipped')
    return { config: defaultConfig(), problems: [{ file: path, key: '', message: `cannot be read (${read.detail}); using defaults` }], path, root };
  return { ...parseConfig(read.text, path, ruleIds), path, root };
}
