// Code nested deeper than a thread's stack allows — a 1,600-term `+` chain, 20,000 nested brackets —
// overflows the recursive parts of the analysis: typescript-estree's conversion of the tree, the
// TypeScript parser itself on brackets, our own tree walks. Such a file is analysed once more, on a
// worker thread with a stack of DEEP_STACK_MB (V8 grows the stack it may use with the thread's),
// so it is read rather than reported as "not analysed". A file nested deeper still keeps its
// "not fully analysed" answer.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { LastlineConfig } from '../core/config';
import { analyze, type AnalysisResult, type AnalyzeInput } from '../core/engine';
import type { Logger } from '../core/log';
import { NO_PROJECT_FACTS, type ProjectFacts } from '../core/rule';
import { projectDataOf, projectFactsOf, type ProjectData } from './project-data';

/** Measured: a 256 MB stack reads 50,000 `+` terms and 100,000 nested brackets (200 KB files). */
export const DEEP_STACK_MB = 256;

interface DeepStackJob {
  input: AnalyzeInput;
  config: LastlineConfig;
  project: ProjectData;
}

type DeepStackAnswer = { type: 'done'; result: AnalysisResult } | { type: 'failed'; message: string };

/** Whether the analysis gave up somewhere for lack of stack (and a deeper one may help). */
export function ranOutOfStack(result: AnalysisResult): boolean {
  return result.ruleErrors.some((error) => error.outOfStack);
}

/**
 * `result` as is, or — when it ran out of stack — the analysis made again on a thread with a deep
 * stack (its own answer, whatever it is; the first one if that thread cannot run).
 */
export async function withDeepStackRetry(
  result: AnalysisResult,
  input: AnalyzeInput,
  options: { config: LastlineConfig; project?: ProjectFacts; log: Logger },
): Promise<AnalysisResult> {
  if (!ranOutOfStack(result)) return result;
  options.log.debug(`${input.path}: nested deeper than this thread's stack allows; analysing it again on a thread with a ${DEEP_STACK_MB} MB stack`);
  try {
    return await analyzeOnDeepStack(input, options.config, options.project);
  } catch (error) {
    options.log.warn(`${input.path}: the deep-stack analysis failed (${error instanceof Error ? error.message : String(error)})`);
    return result;
  }
}

function analyzeOnDeepStack(input: AnalyzeInput, config: LastlineConfig, project: ProjectFacts | undefined): Promise<AnalysisResult> {
  const job: DeepStackJob = { input, config, project: projectDataOf(project ?? NO_PROJECT_FACTS) };
  // This module's own file: in the engine bundle that is dist/lastline.js, which re-exports
  // runDeepStackWorker; in the compiled sources (tests), this file.
  const worker = new Worker(`require(${JSON.stringify(__filename)}).runDeepStackWorker();`, {
    eval: true,
    workerData: job,
    resourceLimits: { stackSizeMb: DEEP_STACK_MB },
  });
  return new Promise<AnalysisResult>((resolve, reject) => {
    worker.once('message', (answer: DeepStackAnswer) => (answer.type === 'done' ? resolve(answer.result) : reject(new Error(answer.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the deep-stack worker exited (code ${code})`)));
  }).finally(() => void worker.terminate());
}

/** The deep-stack thread: one analysis, then its answer. */
export function runDeepStackWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runDeepStackWorker runs in a worker thread');
  const job = workerData as DeepStackJob;
  analyze(job.input, { config: job.config, project: projectFactsOf(job.project) }).then(
    (result) => port.postMessage({ type: 'done', result } satisfies DeepStackAnswer),
    (error: unknown) => port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies DeepStackAnswer),
  );
}
