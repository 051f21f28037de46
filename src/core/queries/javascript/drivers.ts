// The database libraries a sink may belong to, and which one a file uses. The fix must write the
// placeholders of the right driver, so it is offered only when exactly one candidate is certain.
import type { ModuleImports } from './imports';

export type DriverId = 'pg' | 'mysql' | 'sqlite3' | 'better-sqlite3' | 'knex' | 'sequelize' | 'prisma' | 'typeorm' | 'mssql' | 'drizzle' | 'postgres';

/** Modules by which a file shows it uses a driver. */
const DRIVER_MODULES: Record<DriverId, readonly string[]> = {
  pg: ['pg', 'pg-pool', '@neondatabase/serverless'],
  mysql: ['mysql', 'mysql2', 'mysql2/promise'],
  sqlite3: ['sqlite3', 'sqlite'],
  'better-sqlite3': ['better-sqlite3'],
  knex: ['knex'],
  sequelize: ['sequelize', '@sequelize/core', 'sequelize-typescript', '@nestjs/sequelize'],
  prisma: ['@prisma/client'],
  typeorm: ['typeorm', '@nestjs/typeorm'],
  mssql: ['mssql'],
  drizzle: ['drizzle-orm'],
  postgres: ['postgres'],
};

export const DRIVER_NAMES: Record<DriverId, string> = {
  pg: 'pg',
  mysql: 'mysql/mysql2',
  sqlite3: 'sqlite3',
  'better-sqlite3': 'better-sqlite3',
  knex: 'knex',
  sequelize: 'Sequelize',
  prisma: 'Prisma',
  typeorm: 'TypeORM',
  mssql: 'mssql',
  drizzle: 'Drizzle',
  postgres: 'postgres.js',
};

export function driversLoaded(imports: ModuleImports): DriverId[] {
  return (Object.keys(DRIVER_MODULES) as DriverId[]).filter((driver) => DRIVER_MODULES[driver].some((module) => imports.loads(module)));
}

export type DriverChoice = { driver: DriverId } | { driver?: undefined; reason: string };

/**
 * The driver of a sink: the only candidate whose API has this method (Prisma's `$queryRawUnsafe`,
 * knex's `whereRaw`), else the only candidate the file imports. Several or none: no choice, with
 * the reason for the message.
 */
export function chooseDriver(candidates: readonly DriverId[], imports: ModuleImports, identifiedByApi: boolean): DriverChoice {
  if (identifiedByApi && candidates.length === 1) return { driver: candidates[0] };
  const loaded = driversLoaded(imports);
  const matching = candidates.filter((candidate) => loaded.includes(candidate));
  if (matching.length === 1) return { driver: matching[0] };
  if (matching.length > 1)
    return {
      reason: `the file imports several database libraries with this method (${matching.map((driver) => DRIVER_NAMES[driver]).join(', ')}), so the placeholder style is ambiguous`,
    };
  return { reason: "the database driver could not be identified from this file's imports, so the placeholder style is unknown" };
}
