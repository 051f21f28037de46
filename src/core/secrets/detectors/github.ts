// GitHub tokens.
//   ghp_ personal access token (classic) · gho_ OAuth access token · ghu_ GitHub App user access
//   token · ghs_ GitHub App installation token · ghr_ GitHub App refresh token:
//   prefix + 30 random base62 characters + 6-character base62 CRC-32 checksum (verified, see
//   support/token-checksum.ts). A look-alike whose checksum does not verify is not reported: the
//   checksum exists precisely so scanners can tell real tokens from typos, fakes and placeholders.
//   https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
//   https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats
// github_pat_ fine-grained personal access token: `github_pat_` + 22 base62 + `_` + 59 base62
//   (GitHub secret scanning's pattern). GitHub has not published a checksum for this format, so
//   only the structure and randomness are checked.
// ghs_<app id>_<JWT> stateless installation token (staged rollout from 2026-04-27, announced in
//   the GitHub changelog "Notice about upcoming new format for GitHub App installation tokens" and
//   noted in https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app):
//   about 520 characters; the embedded JWT is validated structurally. Reported at "warning"
//   ("info" once its exp has passed): installation tokens live for one hour.
import type { SecretDetector, SecretMatch } from '../model';
import { hasExpired, parseJwt } from './support/jwt-structure';
import { BASE62, looksRandom } from '../randomness';
import { hasValidCrc32Checksum } from './support/token-checksum';
import { standaloneRuns, standsAlone } from './support/token-runs';

const CLASSIC_TOKEN = /gh[pousr]_[A-Za-z0-9_]*/g;
const CLASSIC_BODY = /^[A-Za-z0-9]{36}$/;
const FINE_GRAINED_TOKEN = /github_pat_[A-Za-z0-9_]*/g;
const FINE_GRAINED_BODY = /^([A-Za-z0-9]{22})_([A-Za-z0-9]{59})$/;
const STATELESS_INSTALLATION_TOKEN = /ghs_[0-9]{1,20}_eyJ[A-Za-z0-9_.-]*/g;

const CLASSIC_KINDS: Readonly<Record<string, { kind: string; envName: string }>> = {
  ghp: { kind: 'GitHub personal access token', envName: 'GITHUB_TOKEN' },
  gho: { kind: 'GitHub OAuth access token', envName: 'GITHUB_TOKEN' },
  ghu: { kind: 'GitHub App user access token', envName: 'GITHUB_TOKEN' },
  ghs: { kind: 'GitHub App installation token', envName: 'GITHUB_TOKEN' },
  ghr: { kind: 'GitHub App refresh token', envName: 'GITHUB_REFRESH_TOKEN' },
};

function classicTokens(text: string): SecretMatch[] {
  const matches: SecretMatch[] = [];
  for (const run of standaloneRuns(text, CLASSIC_TOKEN)) {
    const body = run.value.slice(4);
    if (!CLASSIC_BODY.test(body) || !hasValidCrc32Checksum(body) || !looksRandom(body.slice(0, 30), BASE62)) continue;
    const { kind, envName } = CLASSIC_KINDS[run.value.slice(0, 3)];
    matches.push({ kind, start: run.start, end: run.end, severity: 'error', envName });
  }
  return matches;
}

function fineGrainedTokens(text: string): SecretMatch[] {
  const matches: SecretMatch[] = [];
  for (const run of standaloneRuns(text, FINE_GRAINED_TOKEN)) {
    const parts = FINE_GRAINED_BODY.exec(run.value.slice('github_pat_'.length));
    if (!parts || !looksRandom(parts[1], BASE62) || !looksRandom(parts[2], BASE62)) continue;
    matches.push({ kind: 'GitHub fine-grained personal access token', start: run.start, end: run.end, severity: 'error', envName: 'GITHUB_TOKEN' });
  }
  return matches;
}

function statelessInstallationTokens(text: string): SecretMatch[] {
  const matches: SecretMatch[] = [];
  for (const match of text.matchAll(STATELESS_INSTALLATION_TOKEN)) {
    const jwtStart = match[0].indexOf('_eyJ') + 1;
    const jwt = parseJwt(match[0].slice(jwtStart));
    if (!jwt || jwt.documentationExample) continue;
    const start = match.index;
    const end = start + jwtStart + jwt.length;
    if (!standsAlone(text, start, end)) continue;
    matches.push({
      kind: 'GitHub App installation token (stateless)',
      start,
      end,
      severity: hasExpired(jwt) ? 'info' : 'warning',
      envName: 'GITHUB_TOKEN',
    });
  }
  return matches;
}

export const githubDetector: SecretDetector = {
  id: 'github',
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  detect(text) {
    return [...classicTokens(text), ...fineGrainedTokens(text), ...statelessInstallationTokens(text)];
  },
};
