// Calls that send a string to a database as SQL, and which argument holds the string. Method
// names like `query`, `run` or `all` are common, so a generic sink only counts when the SQL module
// classifies the rebuilt string as SQL; APIs that exist only for raw SQL (knex `whereRaw`, Prisma
// `$queryRawUnsafe`, Drizzle `sql.raw`, Sequelize `literal`) count whatever their argument says.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { DriverId } from './drivers';
import type { ModuleImports } from './imports';
import { calleeLabel, calleeName, unwrapExpression, type Node } from './tree';

/** The clause a fragment argument belongs to; it gives the SQL module the context to read it in. */
export type SqlClause = 'where' | 'having' | 'order-by' | 'group-by' | 'join' | 'from' | 'expression';

export interface SqlSink {
  call: TSESTree.CallExpression;
  method: string;
  /** The callee as written, for messages: `pool.query`, `prisma.$queryRawUnsafe`. */
  label: string;
  /** The expression holding the SQL text. */
  argument: Node;
  /** The argument is a query's `text`/`sql` property rather than the query itself. */
  inConfigObject: boolean;
  /** Set for fragment APIs (`whereRaw`, `orderBy`…); whole statements otherwise. */
  clause?: SqlClause;
  /** The API takes nothing but SQL, so the argument is SQL even when it does not start like a statement. */
  sqlOnly: boolean;
  /** Drivers whose API has this call. */
  drivers: DriverId[];
  /** The method name alone identifies the driver (knex `whereRaw`, Prisma `$queryRawUnsafe`). */
  identifiedByApi: boolean;
}

/** Generic statement methods: precision comes from classifying the string. */
const STATEMENT_METHODS: Record<string, DriverId[]> = {
  query: ['pg', 'mysql', 'mssql', 'sequelize', 'typeorm'],
  execute: ['mysql'],
  run: ['sqlite3'],
  get: ['sqlite3'],
  all: ['sqlite3'],
  each: ['sqlite3'],
  exec: ['sqlite3', 'better-sqlite3'],
  prepare: ['sqlite3', 'better-sqlite3', 'mysql'],
};

/** knex's raw fragment methods, with the clause each writes into. */
const KNEX_RAW_METHODS: Record<string, SqlClause | undefined> = {
  raw: undefined,
  whereRaw: 'where',
  orWhereRaw: 'where',
  andWhereRaw: 'where',
  whereNotRaw: 'where',
  orWhereNotRaw: 'where',
  havingRaw: 'having',
  orHavingRaw: 'having',
  orderByRaw: 'order-by',
  groupByRaw: 'group-by',
  joinRaw: 'join',
  fromRaw: 'from',
};

/** TypeORM query-builder methods that take an SQL condition or ordering as a string. */
const TYPEORM_BUILDER_METHODS: Record<string, SqlClause> = {
  where: 'where',
  andWhere: 'where',
  orWhere: 'where',
  having: 'having',
  andHaving: 'having',
  orHaving: 'having',
  orderBy: 'order-by',
  addOrderBy: 'order-by',
};

const PRISMA_UNSAFE = new Set(['$queryRawUnsafe', '$executeRawUnsafe']);

export function sqlSinkOf(call: TSESTree.CallExpression, imports: ModuleImports): SqlSink | undefined {
  const method = calleeName(call.callee);
  const first = call.arguments[0];
  if (!method || !first || first.type === 'SpreadElement') return undefined;
  const callee = unwrapExpression(call.callee);
  const receiver = callee.type === 'MemberExpression' ? unwrapExpression(callee.object) : undefined;
  const base = { call, method, label: calleeLabel(callee), argument: first as Node, inConfigObject: false };

  if (PRISMA_UNSAFE.has(method)) return { ...base, sqlOnly: true, drivers: ['prisma'], identifiedByApi: true };

  if (method === 'raw' && receiver) {
    if (receiver.type === 'Identifier' && receiver.name === 'String') return undefined;
    const fromDrizzle = imports.valueOf(receiver)?.module.startsWith('drizzle-orm') ?? false;
    if (fromDrizzle) return { ...base, sqlOnly: true, drivers: ['drizzle'], identifiedByApi: true };
    return { ...base, sqlOnly: true, drivers: ['knex'], identifiedByApi: true };
  }
  if (Object.hasOwn(KNEX_RAW_METHODS, method) && receiver)
    return { ...base, clause: KNEX_RAW_METHODS[method], sqlOnly: true, drivers: ['knex'], identifiedByApi: true };

  if (method === 'unsafe' && receiver && imports.loads('postgres')) return { ...base, sqlOnly: true, drivers: ['postgres'], identifiedByApi: true };

  if (method === 'literal' && isSequelizeLiteral(call, imports))
    return { ...base, clause: 'expression', sqlOnly: true, drivers: ['sequelize'], identifiedByApi: true };

  if (Object.hasOwn(TYPEORM_BUILDER_METHODS, method) && receiver && isTypeormBuilder(receiver, imports)) {
    return { ...base, clause: TYPEORM_BUILDER_METHODS[method], sqlOnly: true, drivers: ['typeorm'], identifiedByApi: true };
  }

  if (Object.hasOwn(STATEMENT_METHODS, method) && (receiver || method === 'query' || method === 'execute')) {
    if (isChildProcessCall(call, imports)) return undefined;
    const config = configText(first as Node);
    return {
      ...base,
      argument: config ?? (first as Node),
      inConfigObject: config !== undefined,
      sqlOnly: false,
      drivers: STATEMENT_METHODS[method],
      identifiedByApi: false,
    };
  }
  return undefined;
}

/** `Sequelize.literal(…)`, `sequelize.literal(…)`, or `literal` imported from Sequelize. */
function isSequelizeLiteral(call: TSESTree.CallExpression, imports: ModuleImports): boolean {
  const origin = imports.valueOf(call.callee);
  if (origin && /sequelize/i.test(origin.module)) return true;
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && /^sequelize$/i.test(callee.object.name);
}

/** A TypeORM file, or a chain that starts from `createQueryBuilder(…)`. */
function isTypeormBuilder(receiver: Node, imports: ModuleImports): boolean {
  if (imports.loads('typeorm') || imports.loads('@nestjs/typeorm')) return true;
  for (let node: Node = receiver; ;) {
    if (node.type === 'CallExpression') {
      if (calleeName(node.callee) === 'createQueryBuilder') return true;
      node = unwrapExpression(node.callee);
    } else if (node.type === 'MemberExpression') {
      node = unwrapExpression(node.object);
    } else {
      return false;
    }
  }
}

function isChildProcessCall(call: TSESTree.CallExpression, imports: ModuleImports): boolean {
  return imports.valueOf(call.callee)?.module === 'child_process';
}

/** pg's `query({ text, values })`, mysql's `query({ sql, values })`: the text property. */
function configText(argument: Node): Node | undefined {
  const node = unwrapExpression(argument);
  if (node.type !== 'ObjectExpression') return undefined;
  for (const property of node.properties) {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
    if (property.key.name === 'text' || property.key.name === 'sql') return property.value;
  }
  return undefined;
}

/** MongoDB's `{ $where: "…" }`: the string runs as JavaScript on the server. */
export function mongoWhereOf(property: TSESTree.Property): Node | undefined {
  if (property.computed || property.kind !== 'init') return undefined;
  const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? property.key.value : undefined;
  if (key !== '$where') return undefined;
  const value = unwrapExpression(property.value);
  return value.type === 'FunctionExpression' || value.type === 'ArrowFunctionExpression' ? undefined : property.value;
}
