// Slack API tokens. Slack documents the prefixes (https://api.slack.com/authentication/token-types,
// https://api.slack.com/authentication/config-tokens) but not the layout after them; the layouts
// below are those observed in real tokens, as collected by gitleaks' slack rules and trufflehog's
// slack detector:
//   xoxb-<team id>-<bot user id>-<24 alnum>       bot token (legacy: xoxb-<id>-<18..26 alnum>)
//   xoxp-<id>-<id>-<id>-<32 alnum/hex>             user token
//   xoxa-[2-]<id>-<id>[-<id>]-<alnum>              workspace app access token (legacy)
//   xoxr-[2-]<id>-<id>[-<id>]-<alnum>              workspace app refresh token (legacy)
//   xoxs-<id>-<id>-<id>-<hex>                      legacy session token
//   xoxo-<id>-<id>-<id>-<hex>                      legacy token (gitleaks' slack-legacy-token)
//   xapp-<n>-<app id>-<id>-<64 hex>                app-level token
//   xoxe.xoxb-1-… / xoxe.xoxp-1-… (163-166)        configuration access token
//   xoxe-1-… (146)                                 configuration refresh token
// Ids must not be filler digits and the random tail must look random.
import type { SecretDetector, SecretMatch } from '../model';
import { BASE62, HEX, looksLikeRealId, looksRandom } from '../randomness';
import { standaloneRuns } from './support/token-runs';

const SLACK_TOKEN = /(?:xoxe\.xox[bp]|xox[abeoprs]|xapp)-[A-Za-z0-9-]*/g;
/** Longest real layout is ~180 characters; anything longer is not one token. */
const MAX_LENGTH = 256;

/** One layout per entry (no optional repeated groups), so every pattern has star height 1. */
interface Layout {
  /** Anchored; capture group "secret" is the random tail, "ids" the numeric ids. */
  pattern: RegExp;
  kind: string;
  envName: string;
  secretAlphabet: number;
}

const LAYOUTS: readonly Layout[] = [
  {
    pattern: /^xoxb-(?<ids>\d{8,14}-\d{8,14})-(?<secret>[A-Za-z0-9]{18,34})$/,
    kind: 'Slack bot token',
    envName: 'SLACK_BOT_TOKEN',
    secretAlphabet: BASE62,
  },
  {
    pattern: /^xoxb-(?<ids>\d{8,14})-(?<secret>[A-Za-z0-9]{18,34})$/,
    kind: 'Slack bot token',
    envName: 'SLACK_BOT_TOKEN',
    secretAlphabet: BASE62,
  },
  {
    pattern: /^xoxp-(?<ids>\d{8,14}-\d{8,14}-\d{8,14})-(?<secret>[A-Za-z0-9]{28,34})$/,
    kind: 'Slack user token',
    envName: 'SLACK_USER_TOKEN',
    secretAlphabet: BASE62,
  },
  {
    pattern: /^xoxa-(?:\d-)?(?<ids>\d{8,14}-\d{8,14}-\d{8,14})-(?<secret>[A-Za-z0-9]{16,64})$/,
    kind: 'Slack workspace access token',
    envName: 'SLACK_ACCESS_TOKEN',
    secretAlphabet: BASE62,
  },
  {
    pattern: /^xoxa-(?:\d-)?(?<ids>\d{8,14}-\d{8,14})-(?<secret>[A-Za-z0-9]{16,64})$/,
    kind: 'Slack workspace access token',
    envName: 'SLACK_ACCESS_TOKEN',
    secretAlphabet: BASE62,
  },
  {
    pattern: /^xoxr-(?:\d-)?(?<ids>\d{8,14}-\d{8,14}-\d{8,14})-(?<secret>[A-Za-z0-9]{16,64})$/,
    kind: 'Slack refresh token',
    envName: 'SLACK_REFRESH_TOKEN',
    secretAlphabet: BASE62,
  },
  {
    pattern: /^xoxr-(?:\d-)?(?<ids>\d{8,14}-\d{8,14})-(?<secret>[A-Za-z0-9]{16,64})$/,
    kind: 'Slack refresh token',
    envName: 'SLACK_REFRESH_TOKEN',
    secretAlphabet: BASE62,
  },
  {
    pattern: /^xoxs-(?<ids>\d{8,14}-\d{8,14}-\d{8,14})-(?<secret>[a-f0-9]{10,64})$/,
    kind: 'Slack legacy session token',
    envName: 'SLACK_TOKEN',
    secretAlphabet: HEX,
  },
  {
    pattern: /^xoxo-(?<ids>\d{8,14}-\d{8,14}-\d{8,14})-(?<secret>[a-f0-9]{10,64})$/,
    kind: 'Slack legacy token',
    envName: 'SLACK_TOKEN',
    secretAlphabet: HEX,
  },
  {
    pattern: /^xapp-\d-[A-Z0-9]{9,12}-(?<ids>\d{10,14})-(?<secret>[a-f0-9]{64})$/,
    kind: 'Slack app-level token',
    envName: 'SLACK_APP_TOKEN',
    secretAlphabet: HEX,
  },
  {
    pattern: /^xoxe\.xox[bp]-\d-(?<secret>[A-Za-z0-9]{163,166})$/,
    kind: 'Slack configuration access token',
    envName: 'SLACK_CONFIG_TOKEN',
    secretAlphabet: BASE62,
  },
  {
    pattern: /^xoxe-\d-(?<secret>[A-Za-z0-9]{146})$/,
    kind: 'Slack configuration refresh token',
    envName: 'SLACK_CONFIG_REFRESH_TOKEN',
    secretAlphabet: BASE62,
  },
];

function layoutOf(token: string): Layout | undefined {
  if (token.length > MAX_LENGTH) return undefined;
  for (const layout of LAYOUTS) {
    const groups = layout.pattern.exec(token)?.groups;
    if (!groups) continue;
    const ids = groups.ids ? groups.ids.split('-') : [];
    if (ids.every(looksLikeRealId) && looksRandom(groups.secret, layout.secretAlphabet)) return layout;
  }
  return undefined;
}

export const slackTokenDetector: SecretDetector = {
  id: 'slack-token',
  keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-', 'xoxe', 'xapp-'],
  detect(text) {
    const matches: SecretMatch[] = [];
    for (const run of standaloneRuns(text, SLACK_TOKEN)) {
      const layout = layoutOf(run.value);
      if (layout) matches.push({ kind: layout.kind, start: run.start, end: run.end, severity: 'error', envName: layout.envName });
    }
    return matches;
  },
};
