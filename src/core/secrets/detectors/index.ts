// The provider-format detectors: high-precision, structurally validated credential formats, run by
// the provider-token rule over raw file text (each detector's keywords are its cheap pre-filter).
// Order is presentation only; detectors are independent.
import type { SecretDetector } from '../model';
import { anthropicDetector } from './anthropic';
import { awsDetector } from './aws';
import { azureSasDetector } from './azure-sas';
import { azureStorageKeyDetector } from './azure-storage-key';
import { gcpServiceAccountDetector } from './gcp-service-account';
import { githubDetector } from './github';
import { googleApiKeyDetector } from './google-api-key';
import { jwtDetector } from './jwt';
import { mailgunDetector } from './mailgun';
import { npmDetector } from './npm';
import { openaiDetector } from './openai';
import { sendgridDetector } from './sendgrid';
import { slackTokenDetector } from './slack-token';
import { slackWebhookDetector } from './slack-webhook';
import { stripeDetector } from './stripe';
import { twilioDetector } from './twilio';

export const providerDetectors: readonly SecretDetector[] = [
  awsDetector,
  githubDetector,
  npmDetector,
  slackTokenDetector,
  slackWebhookDetector,
  stripeDetector,
  openaiDetector,
  anthropicDetector,
  googleApiKeyDetector,
  gcpServiceAccountDetector,
  azureStorageKeyDetector,
  azureSasDetector,
  twilioDetector,
  sendgridDetector,
  mailgunDetector,
  jwtDetector,
];
