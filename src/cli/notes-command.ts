// `lastline notes push|fetch [remote]`: moves Lastline's notes (provenance and reviews) to and from
// a remote. Fetching merges into the local notes and keeps a local note where both have one for
// the same commit (as git-ai does: `git notes merge -s ours`).
import { NOTES_REFS } from '../git/git-hooks';
import { findRepository } from '../git/repository-paths';
import { GitError, git, gitText } from '../git/run-git';
import { UsageError, type Terminal } from './terminal';

export function runNotes(action: string | undefined, remote: string, terminal: Terminal): number {
  const repository = findRepository(terminal.cwd);
  if (!repository) throw new UsageError('lastline notes needs a git repository');
  const root = repository.root;
  const exists = (ref: string) => {
    try {
      gitText(root, ['rev-parse', '--verify', '--quiet', ref]);
      return true;
    } catch {
      return false;
    }
  };
  try {
    if (action === 'push') {
      const refs = NOTES_REFS.filter(exists);
      if (refs.length === 0) {
        terminal.out('No Lastline notes to push.');
        return 0;
      }
      git(root, ['push', remote, ...refs.map((ref) => `${ref}:${ref}`)]);
      terminal.out(`Pushed ${refs.join(', ')} to ${remote}.`);
      return 0;
    }
    if (action === 'fetch') {
      for (const ref of NOTES_REFS) {
        const fetched = ref.replace('refs/notes/', `refs/notes/lastline-fetched/${remote}/`);
        try {
          git(root, ['fetch', remote, `+${ref}:${fetched}`]);
        } catch (error) {
          if (error instanceof GitError && /couldn't find remote ref/i.test(error.stderr)) continue;
          throw error;
        }
        if (!exists(ref)) git(root, ['update-ref', ref, fetched]);
        else git(root, ['notes', '--ref', ref, 'merge', '-s', 'ours', fetched]);
        terminal.out(`Fetched ${ref} from ${remote}.`);
      }
      return 0;
    }
  } catch (error) {
    if (error instanceof GitError) {
      terminal.error(`notes: ${error.message}`);
      return 2;
    }
    throw error;
  }
  throw new UsageError('lastline notes push|fetch [remote] (default remote: origin)');
}
