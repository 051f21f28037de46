// Cursor: hooks in .cursor/hooks.json. Payload: conversation_id, generation_id, model, hook_event_name,
// cursor_version, workspace_roots[], user_email, transcript_path.
// Edits: afterFileEdit {file_path, edits: [{old_string, new_string}]} (old_string "" for a new file)
// and afterTabFileEdit (each edit adds range, old_line, new_line). Cursor has no before-edit event:
// preToolUse for Write / StrReplace {tool_name, tool_input, tool_use_id, cwd} gives the snapshot; its
// tool_input keys are undocumented, so the path is read from file_path, path or filePath. Only
// generation_id is on both that preToolUse and the afterFileEdit of the same edit: it pairs them.
// Cursor also runs Claude Code's hooks ("third party hooks") with cursor_version added: those are
// read as Claude's payloads and recorded as Cursor's.
// Feedback: none. Cursor defines no output for afterFileEdit or afterTabFileEdit.
import type { AgentAdapter } from './adapter';
import { claudeAdapter } from './claude';
import { isObject, optionalString, PayloadError, type AgentEvent } from './event';

const SNAPSHOT_TOOLS = new Set(['Write', 'StrReplace']);

export const cursorAdapter: AgentAdapter = {
  id: 'cursor',
  // Cursor's own event names are camelCase; Claude's, Copilot's and Codex's are PascalCase.
  recognizes: (payload) =>
    'cursor_version' in payload || (typeof payload.hook_event_name === 'string' && /^[a-z]/.test(payload.hook_event_name) && 'conversation_id' in payload),
  parse(payload) {
    const edit = editOf(payload);
    if (!edit) return undefined;
    const roots = Array.isArray(payload.workspace_roots) ? payload.workspace_roots : [];
    return {
      agent: 'cursor',
      tool: 'cursor',
      ...edit,
      model: optionalString(payload.model),
      session: optionalString(payload.conversation_id) ?? optionalString(payload.session_id),
      callId: optionalString(payload.generation_id),
      cwd: optionalString(roots[0]) ?? optionalString(payload.cwd),
    };
  },
};

/** The phase, tool and changes of an event that edits files; undefined for any other event. */
function editOf(payload: Record<string, unknown>): Pick<AgentEvent, 'phase' | 'toolName' | 'changes'> | undefined {
  const eventName = payload.hook_event_name;
  if (eventName === 'PreToolUse' || eventName === 'PostToolUse') {
    const event = claudeAdapter.parse(payload);
    return event && { phase: event.phase, toolName: event.toolName, changes: event.changes };
  }
  if (eventName === 'afterFileEdit' || eventName === 'afterTabFileEdit') {
    const path = optionalString(payload.file_path);
    if (!path) throw new PayloadError(`Cursor ${eventName} has no file_path`);
    if (!Array.isArray(payload.edits)) throw new PayloadError(`Cursor ${eventName} has no edits list`);
    const replacements = payload.edits
      .filter(isObject)
      .flatMap((edit) =>
        typeof edit.old_string === 'string' && typeof edit.new_string === 'string' ? [{ oldText: edit.old_string, newText: edit.new_string }] : [],
      );
    return { phase: 'post', toolName: eventName, changes: [{ path, replacements }] };
  }
  if (eventName !== 'preToolUse') return undefined;
  const tool = optionalString(payload.tool_name);
  if (!tool || !SNAPSHOT_TOOLS.has(tool)) return undefined;
  const input = isObject(payload.tool_input) ? payload.tool_input : {};
  const path = optionalString(input.file_path) ?? optionalString(input.path) ?? optionalString(input.filePath);
  if (!path) throw new PayloadError(`Cursor preToolUse for ${tool} has no tool_input.file_path, path or filePath`);
  return { phase: 'pre', toolName: tool, changes: [{ path }] };
}
