// gitleaks default rules (config/gitleaks.toml) with no row here, and why. The coverage test checks
// that every gitleaks rule id is either a row's (`gitleaks` field), covered by a hand-written
// detector (detectors/), or listed here. Precision decides: a finding must be a secret.

const IDENTIFIER = 'an identifier (client/app/key id), public by design: reporting it is a false positive';
const PUBLIC_KEY = 'a publishable key meant to ship in client code';
const GENERIC = 'a generic password/token shape, not a provider format: the generic-secret and credentialed-uri rules judge it by name and value';

export const skippedGitleaksRules: Readonly<Record<string, string>> = {
  'adobe-client-id': IDENTIFIER,
  'asana-client-id': IDENTIFIER,
  'bitbucket-client-id': IDENTIFIER,
  'discord-client-id': IDENTIFIER,
  'linkedin-client-id': IDENTIFIER,
  'messagebird-client-id': IDENTIFIER,
  'plaid-client-id': IDENTIFIER,
  'sendbird-access-id': IDENTIFIER,
  'sumologic-access-id': IDENTIFIER,
  'kucoin-access-token': `${IDENTIFIER} (KuCoin's "API key" names the key; the secret is kucoin-api-secret)`,
  'confluent-access-token': `${IDENTIFIER} (Confluent's 16-character API key names the key; the secret is 64 characters)`,
  'flutterwave-public-key': PUBLIC_KEY,
  'lob-pub-api-key': PUBLIC_KEY,
  'mailgun-pub-key': PUBLIC_KEY,
  'new-relic-browser-api-token': `${PUBLIC_KEY} (the browser agent embeds it in every page)`,
  'mapbox-api-token': `${PUBLIC_KEY} (pk. tokens; secret sk. tokens are the mapbox-secret-token row)`,
  'generic-api-key': GENERIC,
  'database-password': GENERIC,
  'hashicorp-tf-password': GENERIC,
  'nuget-config-password': GENERIC,
  'curl-auth-header': GENERIC,
  'curl-auth-user': GENERIC,
  'sidekiq-sensitive-url': 'a URL with user:password: the credentialed-uri rule reports the password',
  'private-key': 'the private-key rule reports PEM private keys',
  'kubernetes-secret-yaml': 'a Secret manifest holds base64 of anything: not a token format (its values are judged by generic-secret)',
  'pkcs12-file': 'a binary file found by its path, not a token in text',
};
