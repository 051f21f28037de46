// "Parameterize query": the SQL text with placeholders in the driver's style (parameterizeSql) and
// the values passed the way that driver takes them — pg `$1` + values array, mysql/sqlite/knex `?`
// + array, better-sqlite3 values at the statement call, Sequelize `replacements`, mssql
// `.input(name, value)` before `.query`, and the tagged-template form of Prisma (`$queryRaw`),
// Drizzle (`sql`), postgres.js and mssql pools, which parameterize every `${}` themselves.
// `safe` when nothing but the literal text of the building site ends up in the new literal (a
// folded named constant would be inlined by value: a person should look first).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { placeholderStyle } from '../../sql';
import type { ParameterizedParam, PlaceholderStyle } from '../model';
import { parameterizeSql } from '../parameterize';
import type { AnalysisFile } from './analysis-file';
import { checkedFix, type CheckedFix, type OffsetEdit } from './checked-fix';
import type { DriverId } from './drivers';
import { parameterNameFor, quotedString, stringLiteral, templateBody } from './literals';
import type { ResolvedString } from './resolve-string';
import { planRewrite, type RewritePlan } from './rewrite-plan';
import type { SqlReading } from './sql-reading';
import type { SqlSink } from './sql-sinks';
import { calleeName, isFunction, unwrapExpression, type Node } from './tree';

export const PARAMETERIZE_QUERY = 'Parameterize query';

export interface ParameterizeInput {
  sink: SqlSink;
  driver: DriverId;
  resolved: ResolvedString;
  reading: SqlReading;
  file: AnalysisFile;
}

type Refusal = { reason: string };

type ActivePlan = Exclude<RewritePlan, { kind: 'refused' }>;

/** The query text rewritten and the values to pass. */
interface Rewritten {
  sql: string;
  params: ParameterizedParam[];
}

const POSITIONAL_STYLE: Partial<Record<DriverId, PlaceholderStyle>> = {
  pg: 'numeric',
  mysql: 'qmark',
  sqlite3: 'qmark',
  'better-sqlite3': 'qmark',
  knex: 'qmark',
  sequelize: 'qmark',
};

export function parameterizeFix(input: ParameterizeInput): CheckedFix {
  const refusal = driverRefusal(input);
  if (refusal) return { reason: refusal };
  const { sink, file, resolved } = input;
  const plan = planRewrite(sink.argument, resolved, file.tree, file.bindings);
  if (plan.kind === 'refused') return { reason: plan.reason };
  const safe = !resolved.trace.foldedConstant;
  const edits = driverEdits(input, plan);
  if ('reason' in edits) return edits;
  if (plan.kind === 'inline') edits.edits.push(...plan.deletions.map((span) => ({ ...span, newText: '' })));
  return checkedFix(file, PARAMETERIZE_QUERY, safe, edits.edits);
}

function driverRefusal({ sink, driver, resolved }: ParameterizeInput): string | undefined {
  if (resolved.trace.indirectForm) return 'the query is built with util.format, join or String.raw, which the fix does not rewrite';
  if (sink.inConfigObject) return 'the query is passed inside a config object';
  if (driver === 'typeorm') return 'TypeORM hands the text to the database driver, whose placeholder style is not known here';
  if (sink.method === 'literal')
    return 'Sequelize.literal takes no replacements: move the value into `replacements` of the surrounding query or use a `where` object';
  if (sink.method === 'exec') return 'exec() runs SQL without parameters: use run() (sqlite3) or prepare(…).run(…) (better-sqlite3)';
  if (driver === 'mysql' && sink.method === 'prepare') return 'mysql2 binds the values of a prepared statement when it is executed';
  return undefined;
}

function driverEdits(input: ParameterizeInput, plan: ActivePlan): { edits: OffsetEdit[] } | Refusal {
  switch (input.driver) {
    case 'prisma':
    case 'drizzle':
    case 'postgres':
      return taggedTemplateEdits(input, plan);
    case 'mssql':
      return usesRequestObject(input) ? mssqlInputEdits(input, plan) : taggedTemplateEdits(input, plan);
    case 'better-sqlite3':
      return statementCallEdits(input, plan);
    case 'sequelize':
      return sequelizeEdits(input, plan);
    default:
      return positionalEdits(input, plan);
  }
}

/**
 * Runs parameterizeSql in the driver's style. A tagged template cannot also carry the query's own
 * placeholders; other styles are checked against existing ones by parameterizeSql.
 */
function rewrite(input: ParameterizeInput, style: PlaceholderStyle | 'tagged', nameOf: (hole: number) => string): Rewritten | Refusal {
  const { reading } = input;
  if (style === 'tagged') {
    const constantText = reading.parts.filter((part): part is string => typeof part === 'string').join('');
    const existing = placeholderStyle(constantText);
    if (existing) return { reason: `the query already holds ${existing} placeholders, which the tagged form cannot keep` };
  }
  // The tagged form is written with unique named placeholders first, then each becomes a `${}`.
  const result = parameterizeSql(reading.parts, style === 'tagged' ? 'named-at' : style, nameOf);
  if (!result.ok) return { reason: result.reason };
  if (!result.sql.startsWith(reading.prefix)) return { reason: 'the rewritten clause could not be separated from its context' };
  return { sql: result.sql.slice(reading.prefix.length), params: result.params };
}

/** Where the query text goes: the sink's argument (direct, inline) or the variable's declaration (in place). */
function textEdits(plan: ActivePlan, literal: string, afterArgument: string): OffsetEdit[] {
  const argument = plan.argument;
  if (plan.kind === 'in-place') {
    return [
      { start: plan.init.range[0], end: plan.init.range[1], newText: literal },
      ...(afterArgument ? [{ start: argument.range[1], end: argument.range[1], newText: afterArgument }] : []),
    ];
  }
  return [{ start: argument.range[0], end: argument.range[1], newText: literal + afterArgument }];
}

function valueText(param: ParameterizedParam, input: ParameterizeInput, existing: readonly Node[] | undefined): string | undefined {
  if ('existing' in param) return existing?.[param.existing] ? input.file.tree.textOf(existing[param.existing]) : undefined;
  const node = unwrapExpression(input.resolved.holes[param.hole].node);
  const text = input.file.tree.textOf(input.resolved.holes[param.hole].node);
  const expression = node.type === 'SequenceExpression' ? `(${text})` : text;
  if (!param.prefix && !param.suffix) return expression;
  return `\`${templateBody(param.prefix)}\${${expression}}${templateBody(param.suffix)}\``;
}

function valueTexts(params: readonly ParameterizedParam[], input: ParameterizeInput, existing: readonly Node[] | undefined): string[] | Refusal {
  const texts: string[] = [];
  for (const param of params) {
    const text = valueText(param, input, existing);
    if (text === undefined) return { reason: "the query's existing placeholders do not match the values passed with it" };
    texts.push(text);
  }
  const used = new Set(params.flatMap((param) => ('existing' in param ? [param.existing] : [])));
  if (existing && existing.length !== used.size) return { reason: "the query's existing placeholders do not match the values passed with it" };
  return texts;
}

/** pg, mysql/mysql2, knex, sqlite3: the values as an array right after the query text. */
function positionalEdits(input: ParameterizeInput, plan: ActivePlan): { edits: OffsetEdit[] } | Refusal {
  const style = POSITIONAL_STYLE[input.driver];
  if (!style) return { reason: 'no placeholder style is known for this driver' };
  const rewritten = rewrite(input, style, () => 'value');
  if ('reason' in rewritten) return rewritten;
  const call = input.sink.call;
  const second = call.arguments[1] && unwrapExpression(call.arguments[1]);
  const literal = stringLiteral(rewritten.sql, input.file.quote);
  if (second?.type === 'ArrayExpression') {
    const elements = arrayElements(second);
    if (!elements) return { reason: 'the existing values are spread into the array' };
    const values = valueTexts(rewritten.params, input, elements);
    if ('reason' in values) return values;
    return { edits: [...textEdits(plan, literal, ''), { start: second.range[0], end: second.range[1], newText: `[${values.join(', ')}]` }] };
  }
  if (second && !isCallback(second, input)) return { reason: 'the existing values are not written as an array' };
  const values = valueTexts(rewritten.params, input, undefined);
  if ('reason' in values) return values;
  return { edits: textEdits(plan, literal, `, [${values.join(', ')}]`) };
}

/** better-sqlite3: `db.prepare(sql).get(...values)`: the values go to the statement call. */
function statementCallEdits(input: ParameterizeInput, plan: ActivePlan): { edits: OffsetEdit[] } | Refusal {
  const { tree } = input.file;
  const member = tree.parent(input.sink.call);
  const statementCall = member && tree.parent(member);
  if (member?.type !== 'MemberExpression' || member.object !== input.sink.call || statementCall?.type !== 'CallExpression' || statementCall.callee !== member) {
    return { reason: 'the prepared statement is run elsewhere: pass the values where it runs' };
  }
  if (!['run', 'get', 'all', 'iterate'].includes(calleeName(member) ?? '')) return { reason: 'the prepared statement is not run right away' };
  const rewritten = rewrite(input, 'qmark', () => 'value');
  if ('reason' in rewritten) return rewritten;
  const existing = statementCall.arguments;
  if (existing.some((argument) => argument.type === 'SpreadElement')) return { reason: 'the existing values are spread into the call' };
  const values = valueTexts(rewritten.params, input, existing as Node[]);
  if ('reason' in values) return values;
  const literal = stringLiteral(rewritten.sql, input.file.quote);
  const close = statementCall.range[1] - 1;
  if (tree.text[close] !== ')') return { reason: 'unexpected call syntax' };
  const valuesEdit: OffsetEdit = existing.length
    ? { start: existing[0].range[0], end: existing[existing.length - 1].range[1], newText: values.join(', ') }
    : { start: close, end: close, newText: values.join(', ') };
  return { edits: [...textEdits(plan, literal, ''), valuesEdit] };
}

/** Sequelize: `sequelize.query(sql, { replacements: [...] })`, merged into an existing options object. */
function sequelizeEdits(input: ParameterizeInput, plan: ActivePlan): { edits: OffsetEdit[] } | Refusal {
  const rewritten = rewrite(input, 'qmark', () => 'value');
  if ('reason' in rewritten) return rewritten;
  const literal = stringLiteral(rewritten.sql, input.file.quote);
  const options = input.sink.call.arguments[1] && unwrapExpression(input.sink.call.arguments[1]);
  if (!options) {
    const values = valueTexts(rewritten.params, input, undefined);
    if ('reason' in values) return values;
    return { edits: textEdits(plan, literal, `, { replacements: [${values.join(', ')}] }`) };
  }
  if (options.type !== 'ObjectExpression') return { reason: 'the query options are not written as an object' };
  const property = (name: string) => {
    const found = options.properties.find(
      (candidate) => candidate.type === 'Property' && !candidate.computed && candidate.key.type === 'Identifier' && candidate.key.name === name,
    );
    return found?.type === 'Property' ? found : undefined;
  };
  if (property('bind')) return { reason: 'the query already binds values with `bind`' };
  const replacements = property('replacements');
  if (replacements) {
    const array = unwrapExpression(replacements.value);
    const elements = array.type === 'ArrayExpression' ? arrayElements(array) : undefined;
    if (!elements) return { reason: 'the existing replacements are named or not an array' };
    const values = valueTexts(rewritten.params, input, elements);
    if ('reason' in values) return values;
    return { edits: [...textEdits(plan, literal, ''), { start: array.range[0], end: array.range[1], newText: `[${values.join(', ')}]` }] };
  }
  const values = valueTexts(rewritten.params, input, undefined);
  if ('reason' in values) return values;
  const entry = `replacements: [${values.join(', ')}]`;
  const [first] = options.properties;
  if (!first) return { edits: [...textEdits(plan, literal, ''), { start: options.range[0], end: options.range[1], newText: `{ ${entry} }` }] };
  const text = input.file.tree.text;
  const lineStart = text.lastIndexOf('\n', first.range[0] - 1) + 1;
  const onOwnLine = text.slice(options.range[0] + 1, first.range[0]).includes('\n');
  const separator = onOwnLine ? `,\n${text.slice(lineStart, first.range[0])}` : ', ';
  return { edits: [...textEdits(plan, literal, ''), { start: first.range[0], end: first.range[0], newText: `${entry}${separator}` }] };
}

/** mssql on a request: `request.input('code', code).query('… @code')`. */
function mssqlInputEdits(input: ParameterizeInput, plan: ActivePlan): { edits: OffsetEdit[] } | Refusal {
  const callee = unwrapExpression(input.sink.call.callee);
  if (callee.type !== 'MemberExpression') return { reason: 'unexpected call syntax' };
  const taken = new Set(
    (
      input.reading.parts
        .filter((part): part is string => typeof part === 'string')
        .join('')
        .match(/@\w+/g) ?? []
    ).map((name) => name.slice(1).toLowerCase()),
  );
  const names = new Map<number, string>();
  const nameOf = (hole: number) => {
    let name = names.get(hole);
    if (!name) {
      const base = parameterNameFor(input.resolved.built.holes[hole]?.text ?? 'value');
      name = base;
      for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) name = `${base}${suffix}`;
      taken.add(name.toLowerCase());
      names.set(hole, name);
    }
    return name;
  };
  const rewritten = rewrite(input, 'named-at', nameOf);
  if ('reason' in rewritten) return rewritten;
  const inputs: string[] = [];
  for (const param of rewritten.params) {
    if (!('hole' in param)) continue;
    const value = valueText(param, input, undefined);
    if (value === undefined) return { reason: 'a value could not be written' };
    inputs.push(`.input(${quotedString(param.name ?? nameOf(param.hole), input.file.quote)}, ${value})`);
  }
  const literal = stringLiteral(rewritten.sql, input.file.quote);
  return { edits: [...textEdits(plan, literal, ''), { start: callee.object.range[1], end: callee.object.range[1], newText: inputs.join('') }] };
}

/** A request (not a pool): `pool.request().query(…)`, or a name bound to `x.request()` / `new sql.Request(…)`. */
function usesRequestObject(input: ParameterizeInput): boolean {
  const callee = unwrapExpression(input.sink.call.callee);
  if (callee.type !== 'MemberExpression') return false;
  const isRequest = (node: Node): boolean => {
    const value = unwrapExpression(node);
    if (value.type === 'CallExpression')
      return (
        calleeName(value.callee) === 'request' ||
        (calleeName(value.callee) === 'input' && value.callee.type === 'MemberExpression' && isRequest(value.callee.object))
      );
    if (value.type === 'NewExpression') return calleeName(value.callee) === 'Request';
    if (value.type === 'AwaitExpression') return isRequest(value.argument);
    if (value.type !== 'Identifier') return false;
    const binding = input.file.bindings.resolve(value);
    return binding?.kind === 'const' && binding.path.length === 0 && binding.declarator?.init ? isRequest(binding.declarator.init) : false;
  };
  return isRequest(callee.object);
}

const TAG_PREFIX = 'lastlineValue';

/**
 * Prisma `$queryRawUnsafe(q)` → `$queryRaw`…${v}…``, Drizzle `sql.raw(q)` / postgres.js
 * `sql.unsafe(q)` → `sql`…${v}…``, mssql `pool.query(q)` → `pool.query`…${v}…``: the tag turns
 * each `${}` into a bound parameter. Placeholders are written as unique names, then swapped for `${}`.
 */
function taggedTemplateEdits(input: ParameterizeInput, plan: ActivePlan): { edits: OffsetEdit[] } | Refusal {
  if (plan.kind === 'in-place') return { reason: 'the query text is also used elsewhere, and the tagged form must be written at the call' };
  const call = input.sink.call;
  if (call.arguments.length !== 1) return { reason: 'the query already passes values separately' };
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.optional || call.optional) return { reason: 'unexpected call syntax' };
  const rewritten = rewrite(input, 'tagged', (hole) => `${TAG_PREFIX}${hole}`);
  if ('reason' in rewritten) return rewritten;
  const values = new Map<string, string>();
  for (const param of rewritten.params) {
    if (!('hole' in param)) return { reason: 'the query already holds placeholders' };
    const value = valueText(param, input, undefined);
    if (value === undefined) return { reason: 'a value could not be written' };
    values.set(param.name ?? `${TAG_PREFIX}${param.hole}`, value);
  }
  const body = templateBody(rewritten.sql).replace(new RegExp(`@(${TAG_PREFIX}\\w*)`, 'g'), (whole, name: string) => {
    const value = values.get(name);
    return value === undefined ? whole : `\${${value}}`;
  });
  const template = `\`${body}\``;
  const text = input.file.tree.text;
  const typeArguments = call.typeArguments ? text.slice(call.typeArguments.range[0], call.typeArguments.range[1]) : '';
  switch (input.driver) {
    case 'prisma': {
      const method = calleeName(callee) === '$executeRawUnsafe' ? '$executeRaw' : '$queryRaw';
      return { edits: [{ start: callee.property.range[0], end: call.range[1], newText: `${method}${typeArguments}${template}` }] };
    }
    case 'drizzle':
    case 'postgres':
      return {
        edits: [
          { start: call.range[0], end: call.range[1], newText: `${text.slice(callee.object.range[0], callee.object.range[1])}${typeArguments}${template}` },
        ],
      };
    default:
      return { edits: [{ start: callee.range[1], end: call.range[1], newText: `${typeArguments}${template}` }] };
  }
}

/** A function literal, or a name bound to a function declaration or a const function: a callback, not values. */
function isCallback(argument: Node, input: ParameterizeInput): boolean {
  if (isFunction(argument)) return true;
  if (argument.type !== 'Identifier') return false;
  const binding = input.file.bindings.resolve(argument);
  if (binding?.kind === 'function') return true;
  const init = binding?.kind === 'const' && binding.path.length === 0 ? binding.declarator?.init : undefined;
  return init !== undefined && init !== null && isFunction(unwrapExpression(init));
}

function arrayElements(array: TSESTree.ArrayExpression): Node[] | undefined {
  if (array.elements.some((element) => !element || element.type === 'SpreadElement')) return undefined;
  return array.elements as Node[];
}
