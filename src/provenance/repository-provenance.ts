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
  private readonly lastAligned = new Map<string, FileProvenance>();

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
    const record = this.aligned(path, text);
    return record ? rangesOf(record) : [];
  }

  /**
   * The file's record aligned with `text` (its `hashes` are `text`'s lines); undefined without a
   * record. With `follow`, for a document followed keystroke by keystroke, each alignment starts
   * from the previous one, so it is diffed against its last version (one changed line), not against
   * the record, from which a long session drifts ever further (and which costs ~lines × changes).
   * The price: a line rewritten and then restored stays unmarked until the store is read again.
   */
  aligned(path: string, text: string, follow = false): FileProvenance | undefined {
    const record = (follow ? this.lastAligned.get(path) : undefined) ?? this.records.get(path);
    if (!record) return undefined;
    const aligned = reconcile(record, text);
    if (follow) this.lastAligned.set(path, aligned);
    return aligned;
  }
}
