// People's reviews of AI-written hunks, under the repository's Lastline state folder
// (reviews.json), written atomically under the provenance store's lock. Only `lastline review` in
// a person's terminal and the editor's review UI add to it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewRecord } from '../core/provenance/review';
import { writeFileAtomic } from './atomic-file';

const FORMAT_VERSION = 1;

export class ReviewStore {
  constructor(readonly directory: string) {}

  private get file(): string {
    return join(this.directory, 'reviews.json');
  }

  /** Reviews by hunk hash; the latest verdict on a hunk wins. A damaged file counts as no reviews. */
  all(): Map<string, ReviewRecord> {
    const reviews = new Map<string, ReviewRecord>();
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as { version?: number; reviews?: ReviewRecord[] };
      if (parsed.version === FORMAT_VERSION && Array.isArray(parsed.reviews)) {
        for (const review of parsed.reviews) if (review && typeof review.hunk === 'string' && review.reviewer) reviews.set(review.hunk, review);
      }
    } catch {
      // none yet, or damaged: nothing counts as reviewed (fail closed)
    }
    return reviews;
  }

  /** Adds verdicts; the caller holds the store lock. */
  add(records: readonly ReviewRecord[]): void {
    const reviews = this.all();
    for (const record of records) reviews.set(record.hunk, record);
    writeFileAtomic(this.file, JSON.stringify({ version: FORMAT_VERSION, reviews: [...reviews.values()] }));
  }
}
