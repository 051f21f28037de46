// The project's route summaries, one per file, and the model resolved from them. The scan layer
// (CLI) or the editor builds it; the open-route rule reads it through ProjectFacts. When the file
// being analysed differs from its indexed version (typing in the editor), the model is resolved
// again with the fresh summary in its place; the last such variant is kept for the next keystroke.
import { createHash } from 'node:crypto';
import type { FileRoutes } from './model';
import { resolveRoutes, type RouteModel } from './resolve';

export function routeTextHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export class RouteIndex {
  private model?: RouteModel;
  private variant?: { path: string; hash: string; model: RouteModel };

  constructor(
    readonly summaries: ReadonlyMap<string, FileRoutes>,
    /** Content hash of each summarised file, to tell whether a file still reads as indexed. */
    private readonly hashes: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** The content hashes, for a holder that keeps the index current file by file (the editor). */
  hashesForEditing(): ReadonlyMap<string, string> {
    return this.hashes;
  }

  static empty(): RouteIndex {
    return new RouteIndex(new Map());
  }

  /** The indexed summary of `path` when the index read the same text (hash), else undefined. */
  currentSummary(path: string, hash: string): FileRoutes | undefined {
    return this.hashes.get(path) === hash ? this.summaries.get(path) : undefined;
  }

  /** The model of the whole project. */
  resolved(): RouteModel {
    return (this.model ??= resolveRoutes(this.summaries));
  }

  /** The model with `summary` (read from text hashing to `hash`) in place of the indexed version of its file. */
  resolvedWith(summary: FileRoutes, hash: string): RouteModel {
    if (this.hashes.get(summary.path) === hash) return this.resolved();
    if (this.variant?.path === summary.path && this.variant.hash === hash) return this.variant.model;
    const summaries = new Map(this.summaries);
    summaries.set(summary.path, summary);
    const model = resolveRoutes(summaries);
    this.variant = { path: summary.path, hash, model };
    return model;
  }
}
