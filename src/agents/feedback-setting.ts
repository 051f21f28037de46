// The project's `agentFeedback` setting, read without the engine: when it is "off", recording an
// edit never loads the rules. Invalid values fall back to the default here; `lastline scan` and the
// editor report them with the rest of the config's problems.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILE_NAME, defaultConfig, parseConfig, type AgentFeedbackLevel } from '../core/config';
import { findProjectRoot } from '../scan/project-root';

export function agentFeedbackFor(file: string): AgentFeedbackLevel {
  const path = join(findProjectRoot(dirname(file)), CONFIG_FILE_NAME);
  if (!existsSync(path)) return defaultConfig().agentFeedback;
  try {
    return parseConfig(readFileSync(path, 'utf8'), path, new Set()).config.agentFeedback;
  } catch {
    return defaultConfig().agentFeedback;
  }
}
