// The URI schemes whose user-info may carry a password, and how each is named and moved.

export interface SchemeInfo {
  /** What the finding calls the credential, e.g. "PostgreSQL password in connection URI". */
  kind: string;
  /** Where the whole URI should move; undefined for HTTP(S), where it depends on the host. */
  envName?: string;
  /**
   * The path and query never hold `@` (a database name, a vhost, driver options), so the last `@`
   * of the URI ends the user-info even after an unencoded `/`, `?` or `#` in the password.
   */
  atEndsUserInfo?: boolean;
}

const DATABASE_URI = (product: string): SchemeInfo => ({ kind: `${product} password in connection URI`, envName: 'DATABASE_URL', atEndsUserInfo: true });
const BROKER_URI = (kind: string, envName: string): SchemeInfo => ({ kind, envName, atEndsUserInfo: true });

const SCHEMES: ReadonlyMap<string, SchemeInfo> = new Map([
  ['postgres', DATABASE_URI('PostgreSQL')],
  ['postgresql', DATABASE_URI('PostgreSQL')],
  ['mysql', DATABASE_URI('MySQL')],
  ['mariadb', DATABASE_URI('MariaDB')],
  ['mssql', DATABASE_URI('SQL Server')],
  ['sqlserver', DATABASE_URI('SQL Server')],
  ['mongodb', BROKER_URI('MongoDB password in connection URI', 'MONGODB_URI')],
  ['redis', BROKER_URI('Redis password in connection URI', 'REDIS_URL')],
  ['rediss', BROKER_URI('Redis password in connection URI', 'REDIS_URL')],
  ['amqp', BROKER_URI('AMQP (RabbitMQ) password in connection URI', 'AMQP_URL')],
  ['amqps', BROKER_URI('AMQP (RabbitMQ) password in connection URI', 'AMQP_URL')],
  ['ftp', { kind: 'FTP password in URL', envName: 'FTP_URL' }],
  ['ftps', { kind: 'FTP password in URL', envName: 'FTP_URL' }],
  ['sftp', { kind: 'SFTP password in URL', envName: 'SFTP_URL' }],
  ['smtp', { kind: 'SMTP password in URL', envName: 'SMTP_URL' }],
  ['smtps', { kind: 'SMTP password in URL', envName: 'SMTP_URL' }],
  ['ldap', { kind: 'LDAP password in URL', envName: 'LDAP_URL' }],
  ['ldaps', { kind: 'LDAP password in URL', envName: 'LDAP_URL' }],
  ['http', { kind: 'password in URL (HTTP basic auth)' }],
  ['https', { kind: 'password in URL (HTTP basic auth)' }],
]);

/**
 * A scheme at a token boundary, with an optional `jdbc:` prefix and an optional `+driver`
 * (`postgresql+psycopg2`, `mongodb+srv`). Literal alternatives and a bounded driver part keep
 * the scan linear.
 */
export const URI_SCHEME = new RegExp(
  String.raw`(?<![A-Za-z0-9+.-])(?:jdbc:)?(${[...SCHEMES.keys()].sort((a, b) => b.length - a.length).join('|')})(?:\+[A-Za-z0-9]{1,20})?:\/\/`,
  'gi',
);

export function schemeInfo(scheme: string): SchemeInfo | undefined {
  return SCHEMES.get(scheme.toLowerCase());
}

const HOST_LABELS_TO_SKIP = new Set(['www', 'api', 'app', 'git', 'registry']);

/** `https://u:p@api.github.com` → GITHUB_URL; IPs and single labels → SERVICE_URL. */
export function httpEnvName(host: string): string {
  const labels = host.toLowerCase().replace(/:\d+$/, '').split('.');
  if (labels.length < 2 || /^\d+$/.test(labels[labels.length - 1])) return 'SERVICE_URL';
  const meaningful = labels.slice(0, -1).filter((label) => !HOST_LABELS_TO_SKIP.has(label));
  const label = meaningful.length > 0 ? meaningful[meaningful.length - 1] : labels[labels.length - 2];
  const envLabel = label.replace(/[^a-z0-9]+/g, '_').toUpperCase();
  return /^[A-Z]/.test(envLabel) ? `${envLabel}_URL` : 'SERVICE_URL';
}
