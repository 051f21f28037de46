// Passwords that ship as defaults with databases, brokers and images (`postgres`/`postgres`,
// `guest`/`guest`, Oracle's `scott`/`tiger`). They are public knowledge: moving one to the
// environment protects nothing, and in docker-compose files and local URIs they are everywhere.
// A default used in production is a real problem, but a weak-configuration one, not a leak.

const WELL_KNOWN_DEFAULTS = new Set([
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'oracle',
  'tiger',
  'root',
  'admin',
  'administrator',
  'guest',
  'rabbitmq',
  'redis',
  'mongo',
  'mongodb',
  'sa',
  'elastic',
  'changeme',
  'changeit',
  'docker',
  'minioadmin',
  'neo4j',
  'cassandra',
  'couchbase',
  'keycloak',
  'sonar',
  'airflow',
  'superset',
]);

/** `user` is the account in front of the password, when known: `app:app@localhost` is a default too. */
export function isWellKnownDefaultPassword(password: string, user?: string): boolean {
  const lower = password.toLowerCase();
  return WELL_KNOWN_DEFAULTS.has(lower) || (user !== undefined && user.length > 0 && lower === user.toLowerCase());
}
