// One adapter per agent: its hook payloads → AgentEvent, and how to answer it (its feedback protocol).
import type { AgentEvent, AgentId } from './event';

/** What the hook process prints and exits with to tell the agent about findings. */
export interface FeedbackAnswer {
  stdout?: string;
  stderr?: string;
  exitCode: number;
}

export interface AgentAdapter {
  id: AgentId;
  /** Whether a payload looks like this agent's, for `lastline record` without `--agent`. */
  recognizes(payload: Record<string, unknown>): boolean;
  /** The event, or undefined when the payload is not a file edit (exit 0, no output). @throws PayloadError */
  parse(payload: Record<string, unknown>): AgentEvent | undefined;
  /** How the post-tool hook passes `message` to the agent; undefined when the agent cannot receive it. */
  feedback?(message: string, event: AgentEvent): FeedbackAnswer;
}
