// Gemini CLI: BeforeTool / AfterTool hooks (.gemini/settings.json). Payload: session_id, transcript_path,
// cwd, hook_event_name, timestamp, tool_name, tool_input; AfterTool adds tool_response. No tool call id,
// and a model only in some versions. Edits: write_file {file_path, content}, replace {file_path,
// old_string, new_string, expected_replacements} (more than 1: every occurrence was replaced).
// Feedback: AfterTool may print {"hookSpecificOutput":{"hookEventName":"AfterTool","additionalContext":…}}
// (stdout holds only that JSON); the context is appended to the tool result the model sees. Not
// `decision: deny` or exit 2: both replace the tool's real result.
import type { AgentAdapter } from './adapter';
import { isObject, optionalString, PayloadError, type FileChange } from './event';

const EDIT_TOOLS = new Set(['write_file', 'replace']);

export const geminiAdapter: AgentAdapter = {
  id: 'gemini',
  recognizes: (payload) => payload.hook_event_name === 'BeforeTool' || payload.hook_event_name === 'AfterTool',
  parse(payload) {
    const eventName = payload.hook_event_name;
    if (eventName !== 'BeforeTool' && eventName !== 'AfterTool') return undefined;
    const toolName = optionalString(payload.tool_name);
    if (!toolName || !EDIT_TOOLS.has(toolName)) return undefined;
    const input = payload.tool_input;
    if (!isObject(input)) throw new PayloadError(`Gemini CLI ${eventName} for ${toolName} has no tool_input object`);
    const path = optionalString(input.file_path);
    if (!path) throw new PayloadError(`Gemini CLI ${toolName} has no tool_input.file_path`);
    const change: FileChange = { path };
    if (toolName === 'write_file') {
      if (typeof input.content === 'string') change.content = input.content;
    } else if (typeof input.old_string === 'string' && typeof input.new_string === 'string') {
      const count = input.expected_replacements;
      change.replacements = [{ oldText: input.old_string, newText: input.new_string, all: typeof count === 'number' && count > 1 }];
    }
    return {
      agent: 'gemini',
      tool: 'gemini-cli',
      phase: eventName === 'BeforeTool' ? 'pre' : 'post',
      toolName,
      model: optionalString(payload.model),
      session: optionalString(payload.session_id),
      cwd: optionalString(payload.cwd),
      changes: [change],
    };
  },
  feedback: (message) => ({ stdout: JSON.stringify({ hookSpecificOutput: { hookEventName: 'AfterTool', additionalContext: message } }), exitCode: 0 }),
};
