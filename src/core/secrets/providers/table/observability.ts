// Monitoring, logging and error tracking.
import type { ProviderRow } from '../row';
import { encodesJsonWith } from '../validators/base64-json';
import { hasGrafanaChecksum } from '../validators/grafana-checksum';
import { BASE62, HEX } from './shapes';

const DATADOG_DOCS = 'https://docs.datadoghq.com/account_management/api-app-keys/';
const NEW_RELIC_DOCS = 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/';
const SENTRY_DOCS = 'https://docs.sentry.io/account/auth-tokens/';
const GRAFANA_API_KEY = /^(eyJrIjoi[A-Za-z0-9+/]+={0,3})$/;
const GRAFANA_CLOUD_TOKEN = /^glc_([A-Za-z0-9+/]+={0,3})$/;
const SENTRY_ORG_TOKEN = /^sntrys_(eyJpYXQiO[A-Za-z0-9+/]+={0,2})_([A-Za-z0-9+/]{43})$/;

export const observabilityRows: readonly ProviderRow[] = [
  {
    id: 'datadog-api-key',
    provider: 'datadog',
    kind: 'Datadog API key',
    token: { body: HEX, length: 32 },
    context: ['datadog', 'DataDog', 'DD_API_KEY'],
    envName: 'DD_API_KEY',
    docs: DATADOG_DOCS,
  },
  {
    id: 'datadog-application-key',
    provider: 'datadog',
    kind: 'Datadog application key',
    token: { body: HEX, length: 40 },
    context: ['datadog', 'DataDog', 'DD_APP_KEY', 'DD_APPLICATION_KEY'],
    envName: 'DD_APP_KEY',
    docs: DATADOG_DOCS,
    gitleaks: ['datadog-access-token'],
  },
  {
    id: 'new-relic-user-api-key',
    provider: 'new-relic',
    kind: 'New Relic user API key',
    token: { prefix: 'NRAK-', body: 'A-Z0-9', length: 27 },
    envName: 'NEW_RELIC_API_KEY',
    docs: NEW_RELIC_DOCS,
    gitleaks: ['new-relic-user-api-key'],
  },
  {
    id: 'new-relic-insert-key',
    provider: 'new-relic',
    kind: 'New Relic insights insert key',
    token: { prefix: 'NRII-', body: 'A-Za-z0-9_-', length: 32, alphabet: 36 },
    envName: 'NEW_RELIC_INSERT_KEY',
    docs: NEW_RELIC_DOCS,
    gitleaks: ['new-relic-insert-key'],
  },
  {
    id: 'new-relic-license-key',
    provider: 'new-relic',
    kind: 'New Relic license key',
    // 40 characters ending in "NRAL"; EU-region keys start with "eu01xx".
    token: {
      lead: { chars: 'a-f0-9ux', length: 36 },
      prefix: 'NRAL',
      body: '',
      length: 0,
      layout: /^(?:eu01xx([a-f0-9]{30})|([a-f0-9]{36}))NRAL$/,
      alphabet: 16,
    },
    envName: 'NEW_RELIC_LICENSE_KEY',
    docs: NEW_RELIC_DOCS,
  },
  {
    id: 'new-relic-api-key',
    provider: 'new-relic',
    kind: 'New Relic API key',
    token: { body: BASE62, length: 64, alphabet: 36 },
    context: ['newrelic', 'new_relic', 'new-relic', 'newRelic', 'NewRelic'],
    envName: 'NEW_RELIC_API_KEY',
    docs: NEW_RELIC_DOCS,
    gitleaks: ['new-relic-user-api-id'],
  },
  {
    id: 'grafana-api-key',
    provider: 'grafana',
    kind: 'Grafana API key',
    // base64 of {"k":"…","n":"…","id":…}
    token: { prefix: 'eyJrIjoi', body: 'A-Za-z0-9+/=', length: [62, 420], layout: GRAFANA_API_KEY, alphabet: 64 },
    validate: encodesJsonWith(GRAFANA_API_KEY, ['k', 'n']),
    envName: 'GRAFANA_API_KEY',
    docs: 'https://grafana.com/docs/grafana/latest/administration/api-keys/',
    gitleaks: ['grafana-api-key'],
  },
  {
    id: 'grafana-cloud-token',
    provider: 'grafana',
    kind: 'Grafana Cloud access policy token',
    token: { prefix: 'glc_', body: 'A-Za-z0-9+/=', length: [32, 420], layout: GRAFANA_CLOUD_TOKEN, alphabet: 64 },
    validate: encodesJsonWith(GRAFANA_CLOUD_TOKEN, []),
    envName: 'GRAFANA_CLOUD_TOKEN',
    docs: 'https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/',
    gitleaks: ['grafana-cloud-api-token'],
  },
  {
    id: 'grafana-service-account-token',
    provider: 'grafana',
    kind: 'Grafana service account token',
    // 32 random characters and the CRC-32 of the token so far (validators/grafana-checksum.ts).
    token: { prefix: 'glsa_', body: 'A-Za-z0-9_', length: 41, layout: /^glsa_([A-Za-z0-9]{32})_[a-fA-F0-9]{8}$/ },
    validate: hasGrafanaChecksum,
    envName: 'GRAFANA_SERVICE_ACCOUNT_TOKEN',
    docs: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/',
    gitleaks: ['grafana-service-account-token'],
  },
  {
    id: 'sentry-user-token',
    provider: 'sentry',
    kind: 'Sentry user auth token',
    token: { prefix: 'sntryu_', body: HEX, length: 64 },
    envName: 'SENTRY_AUTH_TOKEN',
    docs: SENTRY_DOCS,
    gitleaks: ['sentry-user-token'],
  },
  {
    id: 'sentry-org-token',
    provider: 'sentry',
    kind: 'Sentry organization auth token',
    // base64 of {"iat":…,"url":…,"region_url":…,"org":…} and a 43-character secret.
    token: { prefix: 'sntrys_eyJpYXQiO', body: 'A-Za-z0-9+/=_', length: [60, 520], layout: SENTRY_ORG_TOKEN, alphabet: 64 },
    validate: encodesJsonWith(SENTRY_ORG_TOKEN, ['iat']),
    envName: 'SENTRY_AUTH_TOKEN',
    docs: SENTRY_DOCS,
    gitleaks: ['sentry-org-token'],
  },
  {
    id: 'sentry-auth-token-legacy',
    provider: 'sentry',
    kind: 'Sentry auth token (legacy)',
    token: { body: HEX, length: 64 },
    context: ['sentry'],
    envName: 'SENTRY_AUTH_TOKEN',
    docs: SENTRY_DOCS,
    gitleaks: ['sentry-access-token'],
  },
  {
    id: 'sumologic-access-key',
    provider: 'sumologic',
    kind: 'Sumo Logic access key',
    token: { body: BASE62, length: 64 },
    context: ['sumo', 'sumologic', 'SumoLogic'],
    envName: 'SUMOLOGIC_ACCESS_KEY',
    docs: 'https://help.sumologic.com/docs/manage/security/access-keys/',
    gitleaks: ['sumologic-access-token'],
  },
  {
    id: 'cisco-meraki-api-key',
    provider: 'meraki',
    kind: 'Cisco Meraki API key',
    token: { body: HEX, length: 40 },
    context: ['meraki'],
    envName: 'MERAKI_DASHBOARD_API_KEY',
    docs: 'https://developer.cisco.com/meraki/api-v1/authorization/',
    gitleaks: ['cisco-meraki-api-key'],
  },
  {
    id: 'dynatrace-api-token',
    provider: 'dynatrace',
    kind: 'Dynatrace API token',
    token: { prefix: 'dt0c01.', body: 'A-Za-z0-9.', length: 89, layout: /^dt0c01\.([A-Za-z0-9]{24})\.([A-Za-z0-9]{64})$/, alphabet: 36 },
    envName: 'DT_API_TOKEN',
    docs: 'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens',
    gitleaks: ['dynatrace-api-token'],
  },
];
