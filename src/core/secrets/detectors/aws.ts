// AWS access key ids and, when paired with one, their secret access keys.
// Format: a 4-letter type prefix + 16 characters of AWS's base32 alphabet (A-Z, 2-7).
//   AKIA long-term IAM user key · ASIA temporary STS key · ABIA STS service bearer token ·
//   ACCA context-specific credential
// Sources: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
// and gitleaks' aws-access-token rule (which notes that current ids never contain 0, 1, 8 or 9).
// The 40-character secret access key has no format of its own (any base64 string), so it is only
// reported next to an id: assigned to an aws-secret-like name, or within a few lines of the id.
// It goes into the id's `related` (kind "AWS secret access key"), not into a match of its own, so
// one credential pair is one finding.
import { LineIndex } from '../../text';
import type { SecretDetector, SecretMatch } from '../model';
import { assignedNameBefore } from './support/assignment';
import { nearestIndex } from './support/nearest';
import { BASE32, BASE64, looksRandom } from '../randomness';
import { standaloneRuns, type TokenRun } from './support/token-runs';

const ACCESS_KEY_ID = /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]*/g;
const ID_BODY = /^[A-Z2-7]{16}$/;
/** Base64 runs of 40+ characters, tried only where a run starts (the lookbehind keeps long blobs linear). */
const SECRET_CANDIDATE = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}/g;
const SECRET_LENGTH = 40;
const SECRET_NAME = /secret_?access_?key|aws_?secret/i;
/** A secret this many lines above or below an id (credentials files, CSV exports, env blocks) belongs to it. */
const NEARBY_LINES = 3;

const KIND_BY_PREFIX: Readonly<Record<string, { kind: string; temporary: boolean }>> = {
  AKIA: { kind: 'AWS access key ID', temporary: false },
  ASIA: { kind: 'AWS temporary (STS) access key ID', temporary: true },
  ABIA: { kind: 'AWS STS service bearer token ID', temporary: false },
  ACCA: { kind: 'AWS context-specific access key ID', temporary: false },
};

function isAccessKeyId(run: TokenRun): boolean {
  const body = run.value.slice(4);
  return ID_BODY.test(body) && looksRandom(body, BASE32);
}

/**
 * A 40-character candidate that looks random: upper case, lower case and digits (a hex SHA or a
 * file path lacks one of them; a random key lacks one with probability ~1e-3), no filler, no EXAMPLE.
 */
function isSecretShaped(value: string): boolean {
  return value.length === SECRET_LENGTH && /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value) && looksRandom(value, BASE64);
}

function findSecretCandidates(text: string): TokenRun[] {
  // A following "=" would make it the body of a longer padded base64 value.
  return standaloneRuns(text, SECRET_CANDIDATE).filter((run) => text[run.end] !== '=' && isSecretShaped(run.value));
}

export const awsDetector: SecretDetector = {
  id: 'aws',
  keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
  detect(text) {
    const ids = standaloneRuns(text, ACCESS_KEY_ID).filter(isAccessKeyId);
    if (ids.length === 0) return [];

    const lines = new LineIndex(text);
    const idLines = ids.map((id) => lines.positionAt(id.start).line);
    const matches: SecretMatch[] = ids.map((id) => {
      const { kind, temporary } = KIND_BY_PREFIX[id.value.slice(0, 4)];
      return { kind, start: id.start, end: id.end, severity: temporary ? 'warning' : 'error', envName: 'AWS_ACCESS_KEY_ID' };
    });

    for (const secret of findSecretCandidates(text)) {
      const secretLine = lines.positionAt(secret.start).line;
      const nearest = nearestIndex(idLines, secretLine);
      const named = SECRET_NAME.test(assignedNameBefore(text, secret.start) ?? '');
      if (!named && Math.abs(idLines[nearest] - secretLine) > NEARBY_LINES) continue;
      const match = matches[nearest];
      (match.related ??= []).push({ start: secret.start, end: secret.end, kind: 'AWS secret access key' });
    }
    return matches;
  },
};
