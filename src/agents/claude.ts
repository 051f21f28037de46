// Claude Code: PreToolUse / PostToolUse hooks (.claude/settings.json). Payload: session_id,
// transcript_path, cwd, hook_event_name, tool_name, tool_input, tool_response, tool_use_id.
// Edits: Write {file_path, content}, Edit {file_path, old_string, new_string, replace_all},
// MultiEdit {file_path, edits: [{old_string, new_string, replace_all}]}.
// Feedback: PostToolUse may print {"decision":"block","reason":…}; the reason goes to Claude.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { AgentAdapter } from './adapter';
import { readEditToolCall, type EditToolHooks } from './edit-tool-call';
import { isObject, optionalString, PayloadError, type AgentEvent } from './event';

const HOOKS: EditToolHooks = {
  agentName: 'Claude Code',
  preEvent: 'PreToolUse',
  postEvent: 'PostToolUse',
  writeTool: 'Write',
  replaceTools: ['Edit', 'MultiEdit'],
};

export const claudeAdapter: AgentAdapter = {
  id: 'claude',
  recognizes: (payload) => typeof payload.hook_event_name === 'string' && /^(Pre|Post)ToolUse$/.test(payload.hook_event_name) && 'transcript_path' in payload,
  parse(payload) {
    const call = readEditToolCall(payload, HOOKS);
    if (!call) return undefined;
    const { phase, toolName, input, change } = call;
    if (toolName !== HOOKS.writeTool) {
      const edits = toolName === 'MultiEdit' ? input.edits : [input];
      if (!Array.isArray(edits)) throw new PayloadError('Claude Code MultiEdit has no tool_input.edits list');
      change.replacements = edits
        .filter(isObject)
        .flatMap((edit) =>
          typeof edit.old_string === 'string' && typeof edit.new_string === 'string'
            ? [{ oldText: edit.old_string, newText: edit.new_string, all: edit.replace_all === true }]
            : [],
        );
    }
    const transcriptPath = optionalString(payload.transcript_path);
    const event: AgentEvent = {
      agent: 'claude',
      tool: 'claude-code',
      phase,
      toolName,
      session: optionalString(payload.session_id),
      callId: optionalString(payload.tool_use_id),
      cwd: optionalString(payload.cwd),
      changes: [change],
    };
    if (transcriptPath) event.transcriptPath = transcriptPath;
    return event;
  },
  feedback: (message) => ({ stdout: JSON.stringify({ decision: 'block', reason: message }), exitCode: 0 }),
};

/** How much of the transcript's end is read for the model: the latest assistant message is there. */
const TRANSCRIPT_TAIL_BYTES = 256 * 1024;

/**
 * The model of the latest assistant message in a Claude Code transcript (JSONL), read from its last
 * 256 KB; undefined when it cannot be told. Hooks do not carry the model; fail closed rather than guess.
 */
export function modelFromTranscript(path: string): string | undefined {
  let fd: number | undefined;
  try {
    const size = statSync(path).size;
    const length = Math.min(size, TRANSCRIPT_TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    fd = openSync(path, 'r');
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    for (let index = lines.length - 1; index >= 0; index--) {
      if (!lines[index].includes('"assistant"')) continue;
      try {
        const entry = JSON.parse(lines[index]) as { type?: string; message?: { model?: unknown } };
        const model = entry.type === 'assistant' ? entry.message?.model : undefined;
        if (typeof model === 'string' && model && model !== '<synthetic>') return model;
      } catch {
        // the first line of the tail is usually cut; others are whole
      }
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
