// The provider-format detectors: high-precision, structurally validated credential formats, run by
// the provider-token rule over raw file text (each detector's keywords are its cheap pre-filter).
// Most formats are rows of the provider table (../providers/table); the detectors written by hand
// here are those whose structure needs code: pairing (AWS, Twilio), checksums beside embedded JWTs
// (GitHub), nearby context lines (Mailgun), JSON (GCP service accounts), connection strings and
// SAS queries (Azure), URL paths (Slack webhooks), decoded JWTs.
// Order is presentation only; detectors are independent, and the rule reports overlapping matches once.
import type { SecretDetector } from '../model';
import { tableDetectors } from '../providers';
import { awsDetector } from './aws';
import { azureSasDetector } from './azure-sas';
import { azureStorageKeyDetector } from './azure-storage-key';
import { gcpServiceAccountDetector } from './gcp-service-account';
import { githubDetector } from './github';
import { googleApiKeyDetector } from './google-api-key';
import { jwtDetector } from './jwt';
import { mailgunDetector } from './mailgun';
import { slackTokenDetector } from './slack-token';
import { slackWebhookDetector } from './slack-webhook';
import { twilioDetector } from './twilio';

/** The detectors written as code, in the order their findings are preferred when two overlap. */
export const handWrittenDetectors: readonly SecretDetector[] = [
  awsDetector,
  githubDetector,
  slackTokenDetector,
  slackWebhookDetector,
  googleApiKeyDetector,
  gcpServiceAccountDetector,
  azureStorageKeyDetector,
  azureSasDetector,
  twilioDetector,
  mailgunDetector,
  jwtDetector,
];

export const providerDetectors: readonly SecretDetector[] = [...handWrittenDetectors, ...tableDetectors];
