// Reads the patch format of OpenAI's `apply_patch` tool (Codex; Copilot's apply_patch uses it too):
//   *** Begin Patch
//   *** Add File: path          every line `+text`
//   *** Delete File: path
//   *** Update File: path
//   *** Move to: new/path       (optional)
//   @@ optional context
//    context / -removed / +added lines, hunks separated by `@@`; `*** End of File` may close one
//   *** End Patch
import type { Replacement } from '../core/provenance/replacements';

export interface PatchedFile {
  path: string;
  operation: 'add' | 'delete' | 'update';
  movedTo?: string;
  /** Add: the whole new content. */
  content?: string;
  /** Update: one replacement per hunk (context included, so it can be found again). */
  replacements: Replacement[];
}

/** The files a patch touches; [] when the text is not such a patch. */
export function parseApplyPatch(patch: string): PatchedFile[] {
  const lines = patch.split(/\r?\n/);
  const files: PatchedFile[] = [];
  let current: PatchedFile | undefined;
  let added: string[] = [];
  let hunkOld: string[] = [];
  let hunkNew: string[] = [];
  const closeHunk = () => {
    if (current?.operation === 'update' && (hunkOld.length || hunkNew.length)) {
      current.replacements.push({ oldText: hunkOld.join('\n'), newText: hunkNew.join('\n') });
    }
    hunkOld = [];
    hunkNew = [];
  };
  const closeFile = () => {
    closeHunk();
    if (current?.operation === 'add') current.content = added.length ? `${added.join('\n')}\n` : '';
    added = [];
    current = undefined;
  };
  for (const line of lines) {
    const header = /^\*\*\* (Add|Delete|Update) File: (.+?)\s*$/.exec(line);
    if (header) {
      closeFile();
      current = { path: header[2], operation: header[1].toLowerCase() as PatchedFile['operation'], replacements: [] };
      files.push(current);
      continue;
    }
    if (!current) continue;
    const move = /^\*\*\* Move to: (.+?)\s*$/.exec(line);
    if (move) {
      current.movedTo = move[1];
      continue;
    }
    if (/^\*\*\* (End Patch|Begin Patch)/.test(line)) {
      closeFile();
      continue;
    }
    if (line.startsWith('@@') || line === '*** End of File') {
      closeHunk();
      continue;
    }
    if (current.operation === 'add') {
      if (line.startsWith('+')) added.push(line.slice(1));
    } else if (current.operation === 'update') {
      if (line.startsWith('+')) hunkNew.push(line.slice(1));
      else if (line.startsWith('-')) hunkOld.push(line.slice(1));
      else if (line.startsWith(' ') || line === '') {
        hunkOld.push(line.slice(1));
        hunkNew.push(line.slice(1));
      }
    }
  }
  closeFile();
  return files;
}
