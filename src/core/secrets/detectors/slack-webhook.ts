// Slack incoming webhook URLs: https://hooks.slack.com/services/T<team id>/B<id>/<24 alnum secret>
// (https://api.slack.com/messaging/webhooks), and workflow-builder webhooks
// https://hooks.slack.com/workflows/T<team id>/A<app id>/<numeric id>/<24..32 alnum secret>.
// The whole URL is the credential: anyone holding it can post into the channel.
import type { SecretDetector, SecretMatch } from '../model';
import { BASE62, looksRandom } from '../randomness';
import { standaloneRuns } from './support/token-runs';

const WEBHOOK_URL = /(?:https:\/\/|http:\/\/)?hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9/]*/g;
const SERVICES_PATH = /^services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/(?<secret>[A-Za-z0-9]{24})$/;
const WORKFLOWS_PATH = /^workflows\/T[A-Z0-9]{8,12}\/A[A-Z0-9]{8,12}\/\d{15,20}\/(?<secret>[A-Za-z0-9]{24,32})$/;
const MAX_LENGTH = 200;

export const slackWebhookDetector: SecretDetector = {
  id: 'slack-webhook',
  keywords: ['hooks.slack.com'],
  detect(text) {
    const matches: SecretMatch[] = [];
    for (const run of standaloneRuns(text, WEBHOOK_URL)) {
      if (run.value.length > MAX_LENGTH) continue;
      const path = run.value.slice(run.value.indexOf('hooks.slack.com/') + 'hooks.slack.com/'.length);
      const secret = (SERVICES_PATH.exec(path) ?? WORKFLOWS_PATH.exec(path))?.groups?.secret;
      if (!secret || !looksRandom(secret, BASE62)) continue;
      const kind = path.startsWith('services/') ? 'Slack incoming webhook URL' : 'Slack workflow webhook URL';
      matches.push({ kind, start: run.start, end: run.end, severity: 'error', envName: 'SLACK_WEBHOOK_URL' });
    }
    return matches;
  },
};
