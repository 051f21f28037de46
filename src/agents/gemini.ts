// Gemini CLI: BeforeTool / AfterTool hooks (.gemini/settings.json). Payload: session_id, transcript_path,
// cwd, hook_event_name, timestamp, tool_name, tool_input; AfterTool adds tool_response. No tool call id,
// and a model only in some versions. Edits: write_file {file_path, content}, replace {file_path,
// old_string, new_string, expected_replacements} (more than 1: every occurrence was replaced).
// Feedback: AfterTool may print {"hookSpecificOutput":{"hookEventName":"AfterTool","additionalContext":…}}
// (stdout holds only that JSON); the context is appended to the tool result the model sees. Not
// `decision: deny` or exit 2: both replace the tool's real result.
import type { AgentAdapter } from './adapter';
import { readEditToolCall, type EditToolHooks } from './edit-tool-call';
import { optionalString } from './event';

const HOOKS: EditToolHooks = { agentName: 'Gemini CLI', preEvent: 'BeforeTool', postEvent: 'AfterTool', writeTool: 'write_file', replaceTools: ['replace'] };

export const geminiAdapter: AgentAdapter = {
  id: 'gemini',
  recognizes: (payload) => payload.hook_event_name === 'BeforeTool' || payload.hook_event_name === 'AfterTool',
  parse(payload) {
    const call = readEditToolCall(payload, HOOKS);
    if (!call) return undefined;
    const { phase, toolName, input, change } = call;
    if (toolName !== HOOKS.writeTool && typeof input.old_string === 'string' && typeof input.new_string === 'string') {
      const count = input.expected_replacements;
      change.replacements = [{ oldText: input.old_string, newText: input.new_string, all: typeof count === 'number' && count > 1 }];
    }
    return {
      agent: 'gemini',
      tool: 'gemini-cli',
      phase,
      toolName,
      model: optionalString(payload.model),
      session: optionalString(payload.session_id),
      cwd: optionalString(payload.cwd),
      changes: [change],
    };
  },
  feedback: (message) => ({ stdout: JSON.stringify({ hookSpecificOutput: { hookEventName: 'AfterTool', additionalContext: message } }), exitCode: 0 }),
};
