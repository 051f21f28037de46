// Read access to a repository's provenance for the commands that show or use it (`lastline ai`,
// `lastline scan`): which lines of a given text of a file an assistant wrote. Records are aligned
// with the text asked about, never rewritten here (only `record`, under the lock, writes).
import { relative, sep } from 'node:path';
import { reconcile } from '../core/provenance/attribution';
import { rangesOf, type AiRange, type FileProvenance } from '../core/provenance/model';
import { findRepository, stateDirectory, type RepositoryPaths } from '../git/repository-paths';
import { ProvenanceStore } from '../store/provenance-store';

export class RepositoryProvenance {
  private readonly records: Map<string, FileProvenance>;

  private constructor(
    readonly repository: RepositoryPaths,
    readonly store: ProvenanceStore,
  ) {
    this.records = new Map(store.list().map((record) => [record.path, record]));
  }

  /** The provenance of the repository holding `path`; undefined outside a repository. */
  static open(path: string): RepositoryProvenance | undefined {
    const repository = findRepository(path);
    return repository && new RepositoryProvenance(repository, new ProvenanceStore(stateDirectory(repository)));
  }

  get isEmpty(): boolean {
    return this.records.size === 0;
  }

  /** Paths (relative to the repository root) of the files with a record. */
  get paths(): string[] {
    return [...this.records.keys()];
  }

  repositoryPath(absolutePath: string): string {
    return relative(this.repository.root, absolutePath).split(sep).join('/');
  }

  /** The AI-written ranges of `text`, a version of the file at `path` (relative to the repository root). */
  rangesIn(path: string, text: string): AiRange[] {
    const record = this.records.get(path);
    return record ? rangesOf(reconcile(record, text)) : [];
  }
}
