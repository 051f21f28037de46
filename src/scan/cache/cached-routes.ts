// The route index's summaries through the scan cache: a file whose content the cache has already
// summarised is not read by a summariser (in this thread or on a worker); only the others are.
import type { WalkedFile } from '../walk';
import type { DeclarationSummary, FileRouteSummary, RouteSummarizer } from '../route-summaries';
import { mapConcurrently } from './map-concurrently';
import type { ScanCache } from './scan-cache';

export function cachedSummarizer(summarizer: RouteSummarizer, cache: ScanCache, maxFileSize: number): RouteSummarizer {
  return {
    declarations: (files) =>
      throughCache<DeclarationSummary>(
        files,
        (path, hash) => cache.declarations(path, hash),
        (path, hash, summary) => cache.setDeclarations(path, hash, summary),
        (missing) => summarizer.declarations(missing),
      ),
    full: (files) =>
      throughCache<FileRouteSummary | undefined>(
        files,
        (path, hash) => cache.full(path, hash),
        (path, hash, summary) => cache.setFull(path, hash, summary),
        (missing) => summarizer.full(missing),
      ),
  };

  async function throughCache<T extends DeclarationSummary>(
    files: readonly WalkedFile[],
    recall: (path: string, hash: string) => T | null | undefined,
    keep: (path: string, hash: string, summary: T) => void,
    compute: (files: readonly WalkedFile[]) => Promise<T[]>,
  ): Promise<T[]> {
    const hashes = await mapConcurrently(files, (file) => cache.contentHash(file.absolutePath, file.projectPath, maxFileSize));
    const results = new Array<T>(files.length);
    const missing: number[] = [];
    for (const [index, file] of files.entries()) {
      const known = hashes[index];
      const recalled = known ? recall(file.projectPath, known.hash) : undefined;
      if (recalled === undefined) missing.push(index);
      else results[index] = (recalled ?? undefined) as T;
    }
    const computed = await compute(missing.map((index) => files[index]));
    for (const [position, index] of missing.entries()) {
      const summary = computed[position];
      results[index] = summary;
      const known = hashes[index];
      // A summary names the content it read: keep it only for the content hashed here (the file
      // may have changed in between). Files without a summary are re-checked by their hash next time.
      if (known && (!isSummary(summary) || summary.hash === known.hash)) keep(files[index].projectPath, known.hash, summary);
    }
    return results;
  }
}

function isSummary(summary: DeclarationSummary): summary is FileRouteSummary {
  return typeof summary === 'object' && summary !== null;
}
