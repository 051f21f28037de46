// GitHub Copilot: the Copilot CLI's preToolUse / postToolUse hooks (.github/hooks/*.json) and the VS Code
// agent's PreToolUse / PostToolUse hooks (which read the same files and .claude/settings.json).
// Payloads:
// - CLI camelCase: sessionId, timestamp, cwd, toolName, toolArgs (a JSON string, or an object); no
//   event name: the post event is the one with toolResult.
// - CLI PascalCase and VS Code: hook_event_name (hookEventName), session_id, cwd, tool_name,
//   tool_input, tool_result (CLI) or tool_response (VS Code); VS Code adds transcript_path (under
//   GitHub.copilot-chat) and tool_use_id, which pairs its pre and post events. No model anywhere.
// Edits: create {path, file_text}, edit / str_replace / str_replace_editor {path, old_str, new_str},
// create_file {filePath, content}, replace_string_in_file {filePath, oldString, newString},
// insert_edit_into_file {filePath, code} and editFiles {files[]} (paths only: `code` is a sketch with
// `...existing code...` markers), apply_patch {input} (paths absolute, or relative to cwd).
// Feedback: none. The CLI ignores a command hook's postToolUse output; VS Code's PostToolUse only
// documents `decision: block`, and whether its reason reaches the model is not settled.
import type { AgentAdapter } from './adapter';
import { patchChanges } from './codex';
import { isObject, optionalString, PayloadError, type AgentEvent, type FileChange } from './event';

const EDIT_TOOLS = new Set([
  'create',
  'edit',
  'str_replace',
  'str_replace_editor',
  'create_file',
  'replace_string_in_file',
  'insert_edit_into_file',
  'apply_patch',
  'editFiles',
]);
/** Copilot's tool names (Claude Code's are capitalised): they tell its Claude-shaped payloads from Claude Code's. */
const COPILOT_TOOLS = new Set([...EDIT_TOOLS, 'bash', 'powershell', 'view', 'run_in_terminal']);
/** VS Code's tools, whose arguments are camelCase (filePath); the CLI's use path. */
const VS_CODE_FILE_TOOLS = new Set(['create_file', 'replace_string_in_file', 'insert_edit_into_file']);
/** Claude Code's edit tools: a payload with one of them is Claude's, whatever its transcript path. */
const CLAUDE_EDIT_TOOLS = new Set(['Write', 'Edit', 'MultiEdit']);

export const copilotAdapter: AgentAdapter = {
  id: 'copilot',
  recognizes(payload) {
    if (typeof payload.toolName === 'string' && 'toolArgs' in payload) return true; // CLI camelCase
    const eventName = payload.hook_event_name ?? payload.hookEventName;
    if (eventName !== 'PreToolUse' && eventName !== 'PostToolUse') return false;
    const toolName = payload.tool_name ?? payload.toolName;
    if (typeof toolName !== 'string' || CLAUDE_EDIT_TOOLS.has(toolName)) return false;
    // Claude always sends transcript_path and Codex turn_id: without both, a tool event is the CLI's.
    if (COPILOT_TOOLS.has(toolName) || !('transcript_path' in payload || 'turn_id' in payload)) return true;
    return typeof payload.transcript_path === 'string' && payload.transcript_path.toLowerCase().includes('github.copilot-chat');
  },
  parse(payload) {
    const toolName = optionalString(payload.tool_name) ?? optionalString(payload.toolName);
    if (!toolName || !EDIT_TOOLS.has(toolName)) return undefined;
    const eventName = payload.hook_event_name ?? payload.hookEventName;
    let phase: AgentEvent['phase'];
    if (eventName === undefined) phase = 'toolResult' in payload || 'tool_result' in payload || 'tool_response' in payload ? 'post' : 'pre';
    else if (eventName === 'PreToolUse' || eventName === 'preToolUse') phase = 'pre';
    else if (eventName === 'PostToolUse' || eventName === 'postToolUse') phase = 'post';
    else return undefined;
    const cwd = optionalString(payload.cwd);
    const changes = toolChanges(toolName, toolArguments(payload, toolName), phase, cwd);
    if (!changes) return undefined;
    return {
      agent: 'copilot',
      tool: 'copilot',
      phase,
      toolName,
      session: optionalString(payload.session_id) ?? optionalString(payload.sessionId),
      callId: optionalString(payload.tool_use_id),
      cwd,
      changes,
    };
  },
};

/** tool_input, or toolArgs parsed; a string when toolArgs is not JSON (apply_patch's raw patch). */
function toolArguments(payload: Record<string, unknown>, toolName: string): Record<string, unknown> | string {
  const input = payload.tool_input ?? payload.toolInput ?? payload.toolArgs;
  if (typeof input === 'string') {
    try {
      const parsed: unknown = JSON.parse(input);
      if (isObject(parsed)) return parsed;
    } catch {
      if (toolName === 'apply_patch') return input;
    }
    throw new PayloadError(`Copilot ${toolName} has toolArgs that are not a JSON object`);
  }
  if (!isObject(input)) throw new PayloadError(`Copilot ${toolName} has no tool_input object`);
  return input;
}

/** The tool's changes; undefined when this call of the tool edits nothing (str_replace_editor's view). */
function toolChanges(toolName: string, input: Record<string, unknown> | string, phase: AgentEvent['phase'], cwd: string | undefined): FileChange[] | undefined {
  if (toolName === 'apply_patch') {
    const patch = typeof input === 'string' ? input : optionalString(input.input);
    if (!patch) throw new PayloadError('Copilot apply_patch has no tool_input.input');
    return patchChanges(patch, phase, cwd);
  }
  if (typeof input === 'string') throw new PayloadError(`Copilot ${toolName} has no tool_input object`);
  if (toolName === 'editFiles') {
    if (!Array.isArray(input.files)) throw new PayloadError('Copilot editFiles has no tool_input.files list');
    return input.files.filter((path): path is string => typeof path === 'string' && path !== '').map((path) => ({ path }));
  }
  if (toolName === 'str_replace_editor' && input.command === 'view') return undefined;
  const vsCode = VS_CODE_FILE_TOOLS.has(toolName);
  const path = optionalString(vsCode ? input.filePath : input.path);
  if (!path) throw new PayloadError(`Copilot ${toolName} has no tool_input.${vsCode ? 'filePath' : 'path'}`);
  const change: FileChange = { path };
  const content = vsCode ? (toolName === 'create_file' ? input.content : undefined) : input.file_text;
  const [oldText, newText] = vsCode ? [input.oldString, input.newString] : [input.old_str, input.new_str];
  if (typeof content === 'string') change.content = content;
  else if (typeof oldText === 'string' && typeof newText === 'string') change.replacements = [{ oldText, newText }];
  return [change];
}
