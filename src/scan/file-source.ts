// A file as a scan sees it: where its content comes from (the working tree, the index), and what
// became of it.
import type { AnalysisResult } from '../core/engine';
import type { ReadOutcome } from './read-file';

export interface FileSource {
  absolutePath: string;
  projectPath: string;
  /** Git ignores the file (only known for files named explicitly; walked files are never ignored). */
  ignoredByGit?: boolean;
  /** The content is the file on disk at absolutePath (not, say, the index's), so its stamp tells whether it changed. */
  onDisk?: boolean;
  /** Reads the text, or says why the file is skipped. */
  read(maxFileSize: number): Promise<ReadOutcome>;
}

/** What became of one file: skipped (and why), or analysed, with its text kept only when it reports. */
export type FileOutcome =
  { kind: 'skipped'; reason: string; detail: string } | { kind: 'analysed'; size: number; analysis: AnalysisResult; text?: string; hash: string };
