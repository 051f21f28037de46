// The start of a pre/post tool hook that Claude Code and Gemini CLI share: the event name says the
// phase, tool_name the tool, and an edit tool's tool_input names the file in file_path; the tool
// that writes whole files gives the new content in tool_input.content.
import { isObject, optionalString, PayloadError, type FileChange } from './event';

export interface EditToolHooks {
  /** The agent's name in messages: `Claude Code`. */
  agentName: string;
  preEvent: string;
  postEvent: string;
  /** The tool that writes a whole file (`Write`). */
  writeTool: string;
  /** The tools that replace text in a file (`Edit`); the adapter reads their replacements. */
  replaceTools: readonly string[];
}

export interface EditToolCall {
  phase: 'pre' | 'post';
  toolName: string;
  input: Record<string, unknown>;
  /** The file, with the content the write tool gives. */
  change: FileChange;
}

/**
 * The edit tool call a payload reports; undefined for another event or tool (nothing to record).
 * @throws PayloadError when an edit tool's call names no file.
 */
export function readEditToolCall(payload: Record<string, unknown>, hooks: EditToolHooks): EditToolCall | undefined {
  const eventName = payload.hook_event_name;
  if (eventName !== hooks.preEvent && eventName !== hooks.postEvent) return undefined;
  const toolName = optionalString(payload.tool_name);
  if (!toolName || (toolName !== hooks.writeTool && !hooks.replaceTools.includes(toolName))) return undefined;
  const input = payload.tool_input;
  if (!isObject(input)) throw new PayloadError(`${hooks.agentName} ${eventName} for ${toolName} has no tool_input object`);
  const path = optionalString(input.file_path);
  if (!path) throw new PayloadError(`${hooks.agentName} ${toolName} has no tool_input.file_path`);
  const change: FileChange = { path };
  if (toolName === hooks.writeTool && typeof input.content === 'string') change.content = input.content;
  return { phase: eventName === hooks.preEvent ? 'pre' : 'post', toolName, input, change };
}
