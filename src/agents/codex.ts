// OpenAI Codex CLI: PreToolUse / PostToolUse hooks (.codex/hooks.json). Payload: session_id, turn_id,
// transcript_path, cwd, hook_event_name, model, permission_mode, tool_name, tool_input, tool_response,
// tool_use_id. Edits: apply_patch, the patch text in tool_input.command (`input` accepted too), its
// paths relative to cwd: Add File → the content, Update File → one replacement per hunk, Move to →
// the new path with the old one as movedFrom, Delete File → deleted.
// Feedback: PostToolUse may print {"decision":"block","reason":…}; the reason goes to the model.
import { isAbsolute, resolve } from 'node:path';
import type { AgentAdapter } from './adapter';
import { parseApplyPatch } from './apply-patch';
import { isObject, optionalString, PayloadError, type AgentEvent, type FileChange } from './event';

export const codexAdapter: AgentAdapter = {
  id: 'codex',
  // Claude-shaped, but only Codex sends turn_id; an apply_patch with its patch in `command` is Codex's too.
  recognizes: (payload) =>
    typeof payload.hook_event_name === 'string' &&
    /^(Pre|Post)ToolUse$/.test(payload.hook_event_name) &&
    ('turn_id' in payload || (payload.tool_name === 'apply_patch' && isObject(payload.tool_input) && typeof payload.tool_input.command === 'string')),
  parse(payload) {
    const eventName = payload.hook_event_name;
    if (eventName !== 'PreToolUse' && eventName !== 'PostToolUse') return undefined;
    if (payload.tool_name !== 'apply_patch') return undefined;
    const input = payload.tool_input;
    const patch = isObject(input) ? (optionalString(input.command) ?? optionalString(input.input)) : optionalString(input);
    if (!patch) throw new PayloadError(`Codex ${eventName} for apply_patch has no patch in tool_input.command`);
    const phase = eventName === 'PreToolUse' ? 'pre' : 'post';
    const cwd = optionalString(payload.cwd);
    const event: AgentEvent = {
      agent: 'codex',
      tool: 'codex',
      phase,
      toolName: 'apply_patch',
      model: optionalString(payload.model),
      session: optionalString(payload.session_id),
      callId: optionalString(payload.tool_use_id),
      cwd,
      changes: patchChanges(patch, phase, cwd),
    };
    return event;
  },
  feedback: (message) => ({ stdout: JSON.stringify({ decision: 'block', reason: message }), exitCode: 0 }),
};

/**
 * The changes of an apply_patch patch (Codex; Copilot's apply_patch too). A moved file is left out of
 * a pre event: its snapshot would be of the new path, which does not exist yet, and make the whole
 * file the agent's; the post event undoes the hunks instead. movedFrom is made absolute with `cwd`,
 * as the patch's paths are relative to it.
 */
export function patchChanges(patch: string, phase: AgentEvent['phase'], cwd: string | undefined): FileChange[] {
  const changes: FileChange[] = [];
  for (const file of parseApplyPatch(patch)) {
    if (file.operation === 'add') changes.push({ path: file.path, content: file.content ?? '' });
    else if (file.operation === 'delete') changes.push({ path: file.path, deleted: true });
    else if (!file.movedTo) changes.push({ path: file.path, replacements: file.replacements });
    else if (phase === 'post') {
      const movedFrom = cwd && !isAbsolute(file.path) ? resolve(cwd, file.path) : file.path;
      changes.push({ path: file.movedTo, replacements: file.replacements, movedFrom });
    }
  }
  return changes;
}
