// Whether this process runs inside an AI agent's environment: the variables each agent sets for the
// commands (and hooks) it runs. An approval must come from a person, so `lastline review` refuses
// to approve when any of these is set. They prove nothing when absent (a person's shell may be
// clean while an agent drives it otherwise); that is why approval also needs a terminal on both
// stdin and stdout. Sources for each variable: docs/agent-hooks.md.

export interface AgentVariable {
  agent: string;
  variable: string;
  /** The value that identifies the agent; any non-empty value when absent. */
  value?: string;
}

export const AGENT_VARIABLES: readonly AgentVariable[] = [
  { agent: 'Claude Code', variable: 'CLAUDECODE', value: '1' },
  { agent: 'Claude Code', variable: 'CLAUDE_CODE_CHILD_SESSION' },
  { agent: 'Claude Code', variable: 'CLAUDE_PID' },
  { agent: 'Cursor', variable: 'CURSOR_AGENT', value: '1' },
  { agent: 'Cursor', variable: 'CURSOR_EXTENSION_HOST_ROLE', value: 'agent-exec' },
  { agent: 'GitHub Copilot', variable: 'COPILOT_CLI', value: '1' },
  { agent: 'GitHub Copilot', variable: 'COPILOT_AGENT_SESSION_ID' },
  { agent: 'GitHub Copilot', variable: 'COPILOT_AGENT', value: '1' },
  { agent: 'OpenAI Codex', variable: 'CODEX_THREAD_ID' },
  { agent: 'OpenAI Codex', variable: 'CODEX_SANDBOX' },
  { agent: 'Gemini CLI', variable: 'GEMINI_CLI', value: '1' },
];

/** The first agent variable set in `env`, or undefined. */
export function agentEnvironment(env: NodeJS.ProcessEnv = process.env): AgentVariable | undefined {
  return AGENT_VARIABLES.find(({ variable, value }) => {
    const actual = env[variable];
    return actual !== undefined && actual !== '' && (value === undefined || actual === value);
  });
}
