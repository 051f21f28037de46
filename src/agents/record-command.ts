// `lastline record [--agent NAME]`: one agent hook event on stdin → the provenance store, then the
// agent's feedback. It runs inside the agent's tool loop, so it never breaks the agent: every
// problem of ours is one line on stderr and exit 0; only findings in the agent's own new lines
// answer with the agent's feedback protocol (which may ask it to fix them).
// This module stays light (no rules, no parsers): recording must cost little more than Node's
// start. The engine is loaded only when there are new lines to check, through `checkLines`.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Terminal } from '../cli/terminal';
import { inert } from '../core/inert';
import { modelFromTranscript } from './claude';
import { agentFeedbackFor } from './feedback-setting';
import { AGENT_IDS, isObject, PayloadError, type AgentEvent, type AgentId } from './event';
import { adapterFor, detectAdapter } from './index';
import { recordEvent, type RecordedFile } from './record';

/** Hook payloads are small; a Write of a large file is the largest. Past this, something is wrong. */
const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

export const RECORD_HELP = `lastline record [--agent ${AGENT_IDS.join('|')}]

Reads one agent hook event (JSON) on stdin and records which lines the agent wrote, in the
repository's git folder. Post-tool events also check those lines and answer the agent in its own
feedback protocol. Register it with \`lastline hooks install-agent <agent>\`.
Never fails the agent: problems are one line on stderr, and the exit code is 0.`;

/** Checks the new lines and returns the agent's message, or undefined when there is nothing to say. */
export type LineChecker = (files: readonly RecordedFile[]) => Promise<string | undefined>;

export interface RecordInput {
  /** The hook payload; read from stdin when absent. */
  stdin?: () => Buffer;
}

export async function recordCommand(argv: readonly string[], terminal: Terminal, checkLines: LineChecker, input: RecordInput = {}): Promise<number> {
  try {
    let values;
    try {
      ({ values } = parseArgs({ args: [...argv], options: { agent: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
    } catch (error) {
      terminal.error(`record: ${inert((error as Error).message)}; nothing recorded`);
      return 0;
    }
    if (values.help) {
      terminal.out(RECORD_HELP);
      return 0;
    }
    const agent = values.agent;
    if (agent !== undefined && !(AGENT_IDS as readonly string[]).includes(agent)) {
      terminal.error(`record: unknown agent "${agent}" (known: ${AGENT_IDS.join(', ')}); nothing recorded`);
      return 0;
    }
    const payload = readPayload(input, terminal);
    if (!payload) return 0;
    const adapter = agent ? adapterFor(agent as AgentId) : detectAdapter(payload);
    if (!adapter) {
      terminal.error('record: the event is not from an agent Lastline knows (pass --agent); nothing recorded');
      return 0;
    }
    let event: AgentEvent | undefined;
    try {
      event = adapter.parse(payload);
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      terminal.error(`record: ${inert(error.message)}; nothing recorded`);
      return 0;
    }
    if (!event || event.changes.length === 0) return 0; // not a file edit: nothing to do, quickly
    if (!event.model && event.transcriptPath) event.model = modelFromTranscript(event.transcriptPath);
    const outcome = recordEvent(event, terminal.cwd);
    for (const problem of outcome.problems) terminal.error(`record: ${inert(problem)}`);
    if (event.phase !== 'post' || !adapter.feedback) return 0;
    const toCheck = outcome.files.filter((file) => file.agentLines.length > 0 && agentFeedbackFor(file.absolutePath) !== 'off');
    if (toCheck.length === 0) return 0;
    const message = await checkLines(toCheck);
    if (!message) return 0;
    const answer = adapter.feedback(message, event);
    if (answer.stdout) terminal.out(answer.stdout);
    if (answer.stderr) terminal.error(answer.stderr);
    return answer.exitCode;
  } catch (error) {
    terminal.error(`record: internal error, the agent goes on: ${inert(error instanceof Error ? error.message : String(error))}`);
    return 0;
  }
}

function readPayload(input: RecordInput, terminal: Terminal): Record<string, unknown> | undefined {
  let raw: Buffer;
  try {
    if (!input.stdin && process.stdin.isTTY) {
      terminal.error('record: expects an agent hook event as JSON on stdin (see lastline record --help); nothing recorded');
      return undefined;
    }
    raw = input.stdin ? input.stdin() : readFileSync(0);
  } catch (error) {
    terminal.error(`record: cannot read stdin (${inert((error as Error).message)}); nothing recorded`);
    return undefined;
  }
  if (raw.length > MAX_PAYLOAD_BYTES) {
    terminal.error(`record: the event is larger than ${MAX_PAYLOAD_BYTES / 1024 / 1024} MB; nothing recorded`);
    return undefined;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    terminal.error(`record: the event on stdin is not valid JSON (${inert((error as Error).message)}); nothing recorded`);
    return undefined;
  }
  if (!isObject(payload)) {
    terminal.error('record: the event on stdin is not a JSON object; nothing recorded');
    return undefined;
  }
  return payload;
}
