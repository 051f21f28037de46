// The command-line tools whose password options do not say "password": their short options
// (`-p` is mysql's password, but docker run's port, mkdir's "parents" and ssh's port) and long
// options named otherwise (`--requirepass`, keytool's `-storepass`). Long options that do say it
// (`--password`, `--api-key`, `--client-secret`) are judged by their own name, for any tool.

export interface ToolOptions {
  /** The name the password is judged as; its environment variable follows (`mysql_password` → MYSQL_PASSWORD). */
  judgedAs: string;
  /**
   * Short options taking the password. `separate: false` for mysql, which reads `-p secret` as
   * "prompt, then database `secret`": only `-psecret` holds a password there.
   */
  short?: readonly { letter: string; separate: boolean }[];
  /** Options (one or two dashes) that take the password though their name does not say so. */
  long?: readonly string[];
  /** Long password options take their value only after `=` (mysql and libpq's `--password` alone prompts). */
  equalsOnly?: boolean;
  /** The options mean a password only after this subcommand (`docker login -p`; `docker run -p` is a port). */
  subcommand?: string;
  /** The value names its source with a prefix; only `pass:` holds the password itself (openssl). */
  valuePrefix?: string;
  /** The value is `user:password` (curl `-u`). */
  userColonPassword?: boolean;
  /** The tool's own options end at its first positional word: the command it runs (sshpass). */
  wrapsCommand?: boolean;
}

const MYSQL: ToolOptions = { judgedAs: 'mysql_password', short: [{ letter: 'p', separate: false }], equalsOnly: true };
const POSTGRES: ToolOptions = { judgedAs: 'postgres_password', equalsOnly: true };
const REDIS_CLI: ToolOptions = { judgedAs: 'redis_password', short: [{ letter: 'a', separate: true }] };
const REDIS_SERVER: ToolOptions = { judgedAs: 'redis_password', long: ['requirepass', 'masterauth'] };

/**
 * Options that mean a password whatever runs them: Kubernetes `args:` name no command, and
 * `docker run redis:7 --requirepass …` passes them through the image's entrypoint.
 */
export const ANY_COMMAND: ToolOptions = REDIS_SERVER;
const MONGO: ToolOptions = { judgedAs: 'mongo_password', short: [{ letter: 'p', separate: true }] };
const REGISTRY_LOGIN: ToolOptions = { judgedAs: 'registry_password', short: [{ letter: 'p', separate: true }], subcommand: 'login' };
const SQL_SERVER: ToolOptions = { judgedAs: 'sql_password', short: [{ letter: 'P', separate: true }] };

const entries = (names: readonly string[], options: ToolOptions): [string, ToolOptions][] => names.map((name) => [name, options]);

export const TOOLS: ReadonlyMap<string, ToolOptions> = new Map([
  ...entries(
    [
      'mysql',
      'mysqldump',
      'mysqladmin',
      'mysqlimport',
      'mysqlcheck',
      'mysqlshow',
      'mysqlpump',
      'mysqlbinlog',
      'mysqlsh',
      'mariadb',
      'mariadb-dump',
      'mariadb-admin',
      'mariadb-import',
      'mariadb-check',
      'mariadb-show',
    ],
    MYSQL,
  ),
  ...entries(['psql', 'pg_dump', 'pg_dumpall', 'pg_restore', 'pg_isready', 'createdb', 'dropdb', 'createuser', 'dropuser'], POSTGRES),
  ...entries(['redis-cli', 'valkey-cli', 'keydb-cli'], REDIS_CLI),
  ...entries(['redis-server', 'valkey-server', 'keydb-server', 'redis-sentinel'], REDIS_SERVER),
  ...entries(['mongo', 'mongosh', 'mongodump', 'mongorestore', 'mongoexport', 'mongoimport', 'mongostat', 'mongotop', 'mongofiles'], MONGO),
  ...entries(['docker', 'podman', 'nerdctl', 'buildah', 'skopeo', 'helm', 'oras', 'crane', 'regctl'], REGISTRY_LOGIN),
  ['az', { ...REGISTRY_LOGIN, judgedAs: 'azure_password' }],
  ['cf', { ...REGISTRY_LOGIN, judgedAs: 'cf_password' }],
  ...entries(['sqlcmd', 'bcp'], SQL_SERVER),
  ['sshpass', { judgedAs: 'ssh_password', short: [{ letter: 'p', separate: true }], wrapsCommand: true }],
  [
    'ssh-keygen',
    {
      judgedAs: 'ssh_key_passphrase',
      short: [
        { letter: 'N', separate: true },
        { letter: 'P', separate: true },
      ],
    },
  ],
  ['curl', { judgedAs: 'http_password', short: [{ letter: 'u', separate: true }], long: ['user', 'proxy-user'], userColonPassword: true }],
  ['keytool', { judgedAs: 'keystore_password', long: ['storepass', 'keypass', 'srcstorepass', 'deststorepass', 'srckeypass', 'destkeypass'] }],
  ['openssl', { judgedAs: 'openssl_passphrase', long: ['passin', 'passout', 'pass'], valuePrefix: 'pass:' }],
]);

/** The tool a command word names: `/usr/bin/mysql` → mysql; `mysql.exe` → mysql. */
export function toolName(word: string): string {
  return word
    .slice(word.lastIndexOf('/') + 1)
    .replace(/\.exe$/i, '')
    .toLowerCase();
}
