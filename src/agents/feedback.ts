// What the post-tool hook tells the agent: the findings in the lines it just wrote, each with the
// fix to make, in a few lines a model acts on. Runs the engine on the changed files only (without
// the project-wide route index: the agent is waiting). A dependency file the agent wrote is checked
// against OSV and the registries with short timeouts — a package it invented is best caught now.
import { dirname, relative, sep } from 'node:path';
import { ruleDocsUrl } from '../core/docs';
import { analyze } from '../core/engine';
import { markAiWritten, touchesRanges } from '../core/provenance/ai-findings';
import { findRule } from '../core/rules';
import type { Category, Finding } from '../core/types';
import { NO_PROJECT_FACTS, type ProjectFacts } from '../core/rule';
import { findProjectRoot, loadConfig } from '../scan/config-file';
import { changedDependencies, checksDependencies } from '../scan/dependencies/changed-dependencies';
import { networkOptionsFromEnvironment } from '../scan/dependencies/dependency-facts';
import { unansweredLookUps } from '../scan/dependencies/unchecked-notice';
import type { RecordedFile } from './record';

/** The agent waits on the hook: one short attempt per service, no retries. */
const AGENT_HTTP = { timeoutMs: 3_000, retries: 0 };

/** What the agent should do instead of silencing a check, by what the check found. */
const INSTEAD_OF_SILENCING: Partial<Record<Category, string>> = {
  'string-built-query': 'fix the query, do not silence the check',
  'string-built-command': 'fix the command, do not silence the check',
  'inline-secret': 'move the secret out of the code, do not silence the check',
  'open-route': 'add the authentication, do not silence the check',
};

export interface AgentFinding {
  path: string;
  finding: Finding;
}

export interface AgentCheck {
  findings: AgentFinding[];
  /** What could not be checked (a dependency service that did not answer), one line each. */
  unchecked: string[];
}

/** The findings in the agent's new lines that the project's `agentFeedback` setting asks to report. */
export async function findingsForAgent(files: readonly RecordedFile[]): Promise<AgentCheck> {
  const results: AgentFinding[] = [];
  const unchecked: string[] = [];
  for (const file of files) {
    if (file.agentLines.length === 0) continue;
    const { config, root } = loadConfig(findProjectRoot(dirname(file.absolutePath)));
    if (config.agentFeedback === 'off') continue;
    const path = relative(root, file.absolutePath).split(sep).join('/');
    let project: ProjectFacts = NO_PROJECT_FACTS;
    const dependencies = checksDependencies(config)
      ? await changedDependencies(new Map([[path, file.text]]), root, config.maxFileSize, networkOptionsFromEnvironment(false), AGENT_HTTP)
      : undefined;
    if (dependencies) {
      project = { ...NO_PROJECT_FACTS, dependencies: dependencies.facts };
      if (dependencies.check.missing) unchecked.push(`${file.path}: ${unansweredLookUps(dependencies.check)}`);
    }
    const { findings } = await analyze({ path, text: file.text }, { config, project });
    for (const finding of markAiWritten(findings, file.agentLines)) {
      if (!finding.aiWritten || !touchesRanges(finding, file.agentLines)) continue;
      if (config.agentFeedback === 'errors' && finding.severity !== 'error') continue;
      results.push({ path: file.path, finding });
    }
  }
  return { findings: results, unchecked };
}

/** The message for the agent; undefined when there is nothing to say. */
export function feedbackMessage({ findings, unchecked }: AgentCheck): string | undefined {
  // Nothing found but something unchecked: not worth interrupting the agent for (the commit gate
  // checks the dependencies again).
  if (findings.length === 0) return undefined;
  const lines = [`Lastline found ${findings.length === 1 ? 'a problem' : `${findings.length} problems`} in the lines you just wrote:`];
  for (const { path, finding } of findings) {
    const fix = finding.fixes.find((candidate) => candidate.edits.length > 0 && !candidate.allowlist);
    const silenced = silencedCategory(finding);
    const advice = silenced
      ? ` This suppression was just added over a finding: ${INSTEAD_OF_SILENCING[silenced] ?? 'fix the code, do not silence the check'}.`
      : fix
        ? ` Fix: ${fix.title}.`
        : '';
    lines.push(
      `- ${path}:${finding.range.start.line + 1} [${finding.ruleId}, ${finding.severity}] ${finding.message.replace(/ \(AI-written\)$/, '')}${advice} (${ruleDocsUrl(finding.ruleId)})`,
    );
  }
  for (const line of unchecked) lines.push(`- not checked: ${line}`);
  lines.push(
    'Fix these in the code. Do not add suppression comments (# nosec, eslint-disable, …) or allowlist entries: a person reviews every AI-written line before it is committed.',
  );
  return lines.join('\n');
}

/** For a suppression finding that hides another finding: the hidden finding's category. */
function silencedCategory(finding: Finding): Category | undefined {
  if (finding.category !== 'suppression') return undefined;
  const hidden = finding.related?.[0]?.message.split(':')[0];
  if (!hidden || !/ hides /.test(finding.message)) return undefined;
  return findRule(hidden)?.meta.category;
}

/** `lastline record`'s check of the agent's new lines: the message for the agent, if any. */
export async function checkAgentLines(files: readonly RecordedFile[]): Promise<string | undefined> {
  return feedbackMessage(await findingsForAgent(files));
}
