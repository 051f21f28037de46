// Any other agent, through git-ai's `checkpoint agent-v1` JSON (what a custom agent pipes to
// `git-ai checkpoint agent-v1 --hook-input stdin`), tagged by type:
// - "human" {repo_working_dir, will_edit_filepaths?}: sent before an AI edit → a pre event that
//   snapshots those files, so the person's changes so far stay the person's.
// - "ai_agent" {repo_working_dir, edited_filepaths?, agent_name, model, conversation_id}: sent after
//   the edit → a post event, the files by path only; agent_name is the tool in records.
// Paths are absolute or relative to repo_working_dir. The human checkpoint has no conversation id,
// and a snapshot is found by session and path: so neither event has a session (conversation_id is
// not recorded), else the ai_agent event would never find the human checkpoint's snapshot.
// Feedback: none (git-ai's protocol has no channel back to the agent).
import type { AgentAdapter } from './adapter';
import { optionalString, PayloadError, type AgentEvent } from './event';

export const genericAdapter: AgentAdapter = {
  id: 'generic',
  recognizes: (payload) => typeof payload.type === 'string' && 'repo_working_dir' in payload,
  parse(payload) {
    const type = payload.type;
    if (type !== 'human' && type !== 'ai_agent')
      throw new PayloadError(`git-ai agent-v1 checkpoint has an unknown type ${JSON.stringify(type)} (human, ai_agent)`);
    const cwd = optionalString(payload.repo_working_dir);
    if (!cwd) throw new PayloadError(`git-ai agent-v1 ${type} checkpoint has no repo_working_dir`);
    const tool = type === 'human' ? 'generic' : optionalString(payload.agent_name);
    if (!tool) throw new PayloadError('git-ai agent-v1 ai_agent checkpoint has no agent_name');
    const paths = type === 'human' ? payload.will_edit_filepaths : payload.edited_filepaths;
    const event: AgentEvent = {
      agent: 'generic',
      tool,
      phase: type === 'human' ? 'pre' : 'post',
      toolName: `${type} checkpoint`,
      model: type === 'ai_agent' ? optionalString(payload.model) : undefined,
      cwd,
      changes: (Array.isArray(paths) ? paths : []).filter((path): path is string => typeof path === 'string' && path !== '').map((path) => ({ path })),
    };
    return event;
  },
};
