// What the commit gate checks in the staged content: which AI-written hunks lack a person's review,
// error-level findings inside AI-written lines, and secrets anywhere. Each check can be switched off
// in the `gate` section of .lastline.json.
import { relative, sep } from 'node:path';
import type { LastlineConfig } from '../core/config';
import { analyze } from '../core/engine';
import { markAiWritten, touchesRanges } from '../core/provenance/ai-findings';
import { allRules } from '../core/rules';
import type { Finding } from '../core/types';
import { stagedSources } from '../git/staged';
import { stagedAiHunks, type StagedAi, type StagedHunk } from '../provenance/staged-hunks';
import { findProjectRoot, loadConfig } from '../scan/config-file';
import { ScanCache } from '../scan/cache/scan-cache';
import { withDeepStackRetry } from '../scan/deep-stack';
import { scanSources } from '../scan/scan';
import { projectFacts } from '../scan/working-tree-scan';
import { SILENT_LOGGER } from '../core/log';
import type { ProjectFacts } from '../core/rule';
import { changedDependencies, checksDependencies } from '../scan/dependencies/changed-dependencies';
import { networkOptionsFromEnvironment } from '../scan/dependencies/dependency-facts';
import { unansweredLookUps } from '../scan/dependencies/unchecked-notice';

export interface GateFinding {
  path: string;
  finding: Finding;
}

export interface CommitChecks {
  staged: StagedAi;
  config: LastlineConfig;
  unreviewed: StagedHunk[];
  aiFindings: GateFinding[];
  secrets: GateFinding[];
  /** Checks that could not be made (a dependency service did not answer): said, never blocking. */
  notices: string[];
}

export interface CommitCheckOptions {
  /**
   * Check the dependencies AI-written lines add (advisories, registries): pre-commit does; commit-msg,
   * which reads only the review state, does not ask the network again.
   */
  dependencies?: boolean;
}

/** A commit must not wait long for a dependency service: short timeouts, one retry. */
const GATE_HTTP = { timeoutMs: 4_000, retries: 1, maxRetryWaitMs: 1_000 };

/** Undefined outside a repository. */
export async function checkStagedContent(cwd: string, options: CommitCheckOptions = {}): Promise<CommitChecks | undefined> {
  const staged = await stagedAiHunks(cwd);
  if (!staged) return undefined;
  const root = staged.provenance.repository.root;
  const projectRoot = findProjectRoot(root);
  const { config } = loadConfig(projectRoot);
  const checks: CommitChecks = { staged, config, unreviewed: [], aiFindings: [], secrets: [], notices: [] };
  if (config.gate.aiReview) checks.unreviewed = staged.hunks.filter((hunk) => hunk.review?.decision !== 'approved');
  const projectPath = (path: string) => relative(projectRoot, `${root}/${path}`).split(sep).join('/');

  if (config.gate.findings || config.gate.secrets) {
    const project = staged.texts.size > 0 && config.gate.findings ? await projectFactsFromCache(projectRoot, config) : undefined;
    if (project && options.dependencies) {
      const dependencies = checksDependencies(config)
        ? await changedDependencies(
            new Map([...staged.texts].map(([path, text]) => [projectPath(path), text])),
            projectRoot,
            config.maxFileSize,
            networkOptionsFromEnvironment(false),
            GATE_HTTP,
          )
        : undefined;
      if (dependencies) project.dependencies = dependencies.facts;
      // A service that does not answer is a notice, not a refusal: the gate must not stop a commit because a network is down.
      const missing = dependencies?.check.missing ?? 0;
      if (missing)
        checks.notices.push(
          `${unansweredLookUps({ missing, problem: dependencies?.check.problem })}: the dependencies the AI-written lines add are not fully checked`,
        );
    }
    for (const [path, text] of staged.texts) {
      const ranges = staged.hunks.filter((hunk) => hunk.path === path);
      const input = { path: projectPath(path), text };
      const { findings } = await withDeepStackRetry(await analyze(input, { config, project }), input, { config, project, log: SILENT_LOGGER });
      for (const finding of markAiWritten(findings, ranges)) {
        if (finding.category === 'inline-secret' && config.gate.secrets) checks.secrets.push({ path, finding });
        else if (config.gate.findings && finding.severity === 'error' && finding.aiWritten && touchesRanges(finding, ranges))
          checks.aiFindings.push({ path, finding });
      }
    }
  }
  if (config.gate.secrets) {
    // Every other staged file, with the secret rules only: a secret is refused wherever it is.
    const secretsOnly: LastlineConfig = { ...config, rules: { ...config.rules } };
    for (const rule of allRules) if (rule.meta.category !== 'inline-secret') secretsOnly.rules[rule.meta.id] = { level: 'off', options: {} };
    const done = new Set(staged.texts.keys());
    const others = (async function* () {
      for await (const source of stagedSources(root, projectRoot, [])) if (!done.has(relative(root, source.absolutePath).split(sep).join('/'))) yield source;
    })();
    const result = await scanSources(others, { config: secretsOnly });
    for (const report of result.reports) {
      for (const finding of report.findings) checks.secrets.push({ path: relative(root, report.absolutePath).split(sep).join('/'), finding });
    }
  }
  return checks;
}

/**
 * Route findings are judged within the project's route model (a guard mounted in another file
 * counts). It is built through the scan cache, so only files changed since the last scan or commit
 * are read; most commits hold no AI-written lines and never get here.
 */
async function projectFactsFromCache(projectRoot: string, config: LastlineConfig): Promise<ProjectFacts> {
  const cache = ScanCache.open(projectRoot);
  const { facts } = await projectFacts(projectRoot, config, SILENT_LOGGER, { cache });
  cache.save();
  return facts;
}
