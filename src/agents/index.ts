// The agents `lastline record` understands, in the order auto-detection asks them. Several agents send
// Claude-shaped payloads (hook_event_name PreToolUse/PostToolUse, tool_name, tool_input), so the ones
// with a telling mark go first: Cursor (cursor_version, or its camelCase events), Codex (turn_id),
// Copilot (its tool names, a GitHub.copilot-chat transcript, or no transcript_path); Claude Code takes
// the rest that carry a transcript_path.
import type { AgentAdapter } from './adapter';
import { claudeAdapter } from './claude';
import { codexAdapter } from './codex';
import { copilotAdapter } from './copilot';
import { cursorAdapter } from './cursor';
import type { AgentId } from './event';
import { geminiAdapter } from './gemini';
import { genericAdapter } from './generic';

export const agentAdapters: readonly AgentAdapter[] = [cursorAdapter, codexAdapter, copilotAdapter, claudeAdapter, geminiAdapter, genericAdapter];

export function adapterFor(id: AgentId): AgentAdapter | undefined {
  return agentAdapters.find((adapter) => adapter.id === id);
}

export function detectAdapter(payload: Record<string, unknown>): AgentAdapter | undefined {
  return agentAdapters.find((adapter) => adapter.recognizes(payload));
}
