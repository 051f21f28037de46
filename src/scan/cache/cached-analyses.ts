// A scan's file analyses through the scan cache: a file whose content was analysed before, under
// the same engine, configuration and project facts, is not analysed again — and not even read,
// when its stamp is trusted and it reported nothing (a report needs the text, for excerpts, fixes
// and SARIF regions).
import type { LastlineConfig } from '../../core/config';
import type { AnalysisResult } from '../../core/engine';
import { readTextFile, type ReadOutcome } from '../read-file';
import type { FileOutcome, FileSource } from '../file-source';
import { currentEngineId } from './engine-id';
import { analysisKey, contentHashOf, type FactDigests, type ScanCache } from './scan-cache';

/** A file made ready for analysis: read, or already answered from the cache. */
export type Prepared = ReadOutcome | { outcome: FileOutcome };

export class CachedAnalyses {
  private readonly keys = new Map<boolean, string>();

  constructor(
    private readonly cache: ScanCache,
    private readonly config: LastlineConfig,
    private readonly facts: FactDigests,
  ) {}

  async prepare(source: FileSource): Promise<Prepared> {
    const maxFileSize = this.config.maxFileSize;
    if (!source.onDisk) {
      const read = await source.read(maxFileSize);
      if (read.kind !== 'text') return read;
      const hash = contentHashOf(read.text);
      return this.recalled(source, hash, read.size, read.text) ?? read;
    }
    const known = await this.cache.contentHash(source.absolutePath, source.projectPath, maxFileSize);
    if (!known) return source.read(maxFileSize); // not a readable text file: the read says why
    const recalled = this.recalled(source, known.hash, known.size, known.text);
    if (recalled && (!needsText(recalled.outcome) || known.text !== undefined)) return recalled;
    const read =
      known.text !== undefined ? { kind: 'text' as const, text: known.text, size: known.size } : await readTextFile(source.absolutePath, maxFileSize);
    // The stamp said unchanged; the text must agree before a cached report is shown beside it.
    if (recalled && read.kind === 'text' && contentHashOf(read.text) === known.hash && recalled.outcome.kind === 'analysed')
      return { outcome: { ...recalled.outcome, text: read.text } };
    return read;
  }

  /** Keeps a fresh analysis for the next run. */
  keep(source: FileSource, outcome: FileOutcome): void {
    if (outcome.kind !== 'analysed') return;
    this.cache.setAnalysis(source.projectPath, outcome.hash, this.key(source), this.facts, outcome.analysis);
  }

  private recalled(source: FileSource, hash: string, size: number, text: string | undefined): { outcome: FileOutcome } | undefined {
    const analysis = this.cache.analysis(source.projectPath, hash, this.key(source), this.facts);
    if (!analysis) return undefined;
    return { outcome: { kind: 'analysed', size, analysis: copyOf(analysis), text: reports(analysis) ? text : undefined, hash } };
  }

  private key(source: FileSource): string {
    const ignored = source.ignoredByGit ?? false;
    let key = this.keys.get(ignored);
    if (key === undefined) this.keys.set(ignored, (key = analysisKey(currentEngineId(), this.config, ignored)));
    return key;
  }
}

function reports(analysis: AnalysisResult): boolean {
  return analysis.findings.length > 0 || analysis.ruleErrors.length > 0;
}

function needsText(outcome: FileOutcome): boolean {
  return outcome.kind === 'analysed' && reports(outcome.analysis) && outcome.text === undefined;
}

/** Callers may change a result (sorting, marking): the cache keeps its own. */
function copyOf(analysis: AnalysisResult): AnalysisResult {
  return structuredClone(analysis);
}
