// What every agent adapter turns its hook payload into: which files a tool is about to change (pre)
// or changed (post), with whatever the tool says about how, and who the agent is.
import type { Replacement } from '../core/provenance/replacements';

export const AGENT_IDS = ['claude', 'cursor', 'copilot', 'codex', 'gemini', 'generic'] as const;
export type AgentId = (typeof AGENT_IDS)[number];

export interface FileChange {
  /** As the payload gives it: absolute, or relative to the event's cwd. */
  path: string;
  /** The whole content the tool wrote (Write, create, write_file). */
  content?: string;
  /** The tool's old/new pairs (Edit, replace, a patch's hunks). */
  replacements?: Replacement[];
  /** The tool deleted the file. */
  deleted?: boolean;
  /** The tool moved the file here from this path (its record moves with it). */
  movedFrom?: string;
}

export interface AgentEvent {
  agent: AgentId;
  /** The assistant's name as records and trailers show it: claude-code, cursor, copilot, codex, gemini-cli, … */
  tool: string;
  phase: 'pre' | 'post';
  /** The agent's tool that ran (Write, apply_patch, …), for messages. */
  toolName: string;
  model?: string;
  session?: string;
  /** Pairs a pre event with its post event when the agent gives an id per tool call. */
  callId?: string;
  cwd?: string;
  changes: FileChange[];
  /** Claude Code's transcript: the model is read from it when the payload lacks one. */
  transcriptPath?: string;
}

/** The payload is not what its agent documents; the message says what is wrong with it. */
export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

/** Reads a field that must be a string if present. */
export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
