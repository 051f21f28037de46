// Provenance for an editor: the AI-written ranges of an open document's current text, with who
// reviewed each. Records are read once per repository and kept until `invalidate()` (the editor
// calls it when the state folder changes), so following a document as it is typed costs one
// alignment of its lines, not a read of the store.
import { join, sep } from 'node:path';
import { rangesOf, type AiRange } from '../core/provenance/model';
import { formatReviewer, hunkHash, type ReviewRecord } from '../core/provenance/review';
import { ReviewStore } from '../store/review-store';
import { RepositoryProvenance } from './repository-provenance';

export interface DocumentAiRange extends AiRange {
  /** Who approved exactly these lines, if anyone. */
  reviewer?: string;
}

interface RepositoryState {
  provenance: RepositoryProvenance;
  reviews: Map<string, ReviewRecord>;
}

export class ProvenanceCache {
  private readonly repositories = new Map<string, RepositoryState | undefined>();

  /** The AI-written ranges of `text`, the current text of the file at `absolutePath`. */
  rangesIn(absolutePath: string, text: string): DocumentAiRange[] {
    const state = this.stateFor(absolutePath);
    if (!state || state.provenance.isEmpty) return [];
    const path = state.provenance.repositoryPath(absolutePath);
    const aligned = state.provenance.aligned(path, text, true);
    if (!aligned || aligned.spans.length === 0) return [];
    return rangesOf(aligned).map((range) => {
      const review = state.reviews.get(hunkHash(path, aligned.hashes.slice(range.start, range.end)));
      return review?.decision === 'approved' ? { ...range, reviewer: formatReviewer(review.reviewer) } : range;
    });
  }

  /** Paths (absolute) of the files with AI-written lines recorded, in the repository holding `absolutePath`. */
  recordedFiles(absolutePath: string): string[] {
    const state = this.stateFor(absolutePath);
    return state ? state.provenance.paths.map((path) => join(state.provenance.repository.root, path)) : [];
  }

  invalidate(): void {
    this.repositories.clear();
  }

  private stateFor(absolutePath: string): RepositoryState | undefined {
    for (const [root, state] of this.repositories) if (absolutePath.startsWith(root + sep)) return state;
    const provenance = RepositoryProvenance.open(absolutePath);
    if (!provenance) return undefined;
    const state = { provenance, reviews: new ReviewStore(provenance.store.directory).all() };
    this.repositories.set(provenance.repository.root, state);
    return state;
  }
}
