// The agents `lastline record` understands, in the order auto-detection asks them.
import type { AgentAdapter } from './adapter';
import { claudeAdapter } from './claude';
import type { AgentId } from './event';

export const agentAdapters: readonly AgentAdapter[] = [claudeAdapter];

export function adapterFor(id: AgentId): AgentAdapter | undefined {
  return agentAdapters.find((adapter) => adapter.id === id);
}

export function detectAdapter(payload: Record<string, unknown>): AgentAdapter | undefined {
  return agentAdapters.find((adapter) => adapter.recognizes(payload));
}
