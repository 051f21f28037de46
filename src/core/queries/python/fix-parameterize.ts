// "Parameterize query": the SQL text with the driver's placeholders instead of the values, and the
// values moved into the params argument (merged with existing params when they are a literal).
// Not marked safe: the driver is told from the imports, not from the receiver's type, and a value
// that was written into the text as, say, a number's digits now travels as its Python type; for
// legitimate inputs the statement does the same, but a person should confirm it.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { HoleRole } from '../../sql/types';
import type { Fix, TextEdit } from '../../types';
import type { ParameterizedParam, Span } from '../model';
import { parameterizeSql } from '../parameterize';
import { structuralFixReason } from '../sql-messages';
import type { Built, SourceHole } from './built';
import { conventionFor, type Driver, type ParamsConvention } from './drivers';
import { editAt, type FixChoice, type FixContext } from './fix-context';
import { parameterNamer } from './param-names';
import { pythonStringLiteral } from './python-literal';
import { editsKeepSyntax } from './reparse';
import type { Resolution } from './resolve-string';
import { planRewrite } from './rewrite-plan';
import type { SqlSink } from './sinks';
import {
  callArguments,
  calleeTail,
  hasSplatArguments,
  keywordValue,
  namedChildren,
  positionalArguments,
  sameNode,
  unwrapParens,
  walk,
} from '../../languages/python-syntax';
import { constantString, isTripleQuoted } from '../../languages/python-string-literals';

export const PARAMETERIZE_TITLE = 'Parameterize query';

// DB-API drivers name the params argument differently (psycopg2 `vars`, PyMySQL `args`).
const PARAMS_KEYWORDS = ['params', 'parameters', 'args', 'vars'];

export function parameterizeFix(
  sink: SqlSink,
  resolution: Resolution,
  built: Built,
  roles: readonly HoleRole[],
  drivers: readonly Driver[],
  context: FixContext,
): FixChoice<Fix> {
  const refuse = (reason: string): FixChoice<Fix> => ({ ok: false, reason });
  const structural = roles.filter((role) => role.role === 'identifier' || role.role === 'keyword-or-fragment');
  if (structural.length) return refuse(structuralFixReason(structural.map((role) => built.holes[role.hole])));
  if (built.indirect) return refuse('the query is assembled through other variables or transformations');
  if (built.holes.some((hole) => hole.opaque)) return refuse('some values are passed as a whole sequence or mapping');
  const choice = conventionFor(sink.api, drivers);
  if (!choice.ok) return refuse(choice.reason);

  const call = paramsCall(sink);
  if (!call) return refuse('text() is not passed straight to an execute() call');
  if (hasSplatArguments(call)) return refuse('the call passes *args/**kwargs');
  const existing = existingParams(sink, call, choice.convention);
  if (!existing.ok) return refuse(existing.reason);

  const taken = [...existing.value.names.keys(), ...namesInText(built)];
  const result = parameterizeSql(
    built.parts,
    choice.convention.style,
    parameterNamer(
      built.holes.map((hole) => hole.node),
      taken,
    ),
  );
  if (!result.ok) return refuse(result.reason);
  const values = paramValues(result.params, built.holes, existing.value);
  if (!values.ok) return refuse(values.reason);

  const plan = planRewrite(resolution, built.holes, sink.node, context.file, context.lines, true);
  if (!plan.ok) return refuse(plan.reason);
  const literal = pythonStringLiteral(result.sql, builtFromTripleQuotes(resolution));
  const params = paramsArgumentEdit(sink, call, choice.convention, existing.value, values.value);
  const target = { start: plan.value.target.startIndex, end: plan.value.target.endIndex };
  const edits: TextEdit[] = plan.value.deletions.map((span) => editAt(context, span, ''));
  if (params.span.start === target.end && params.span.end === target.end) {
    edits.push(editAt(context, target, literal + params.text)); // one edit: `"…%s…", (x,)`
  } else {
    edits.push(editAt(context, target, literal), editAt(context, params.span, params.text));
  }
  if (!editsKeepSyntax(context.tree, context.file.text, edits)) return refuse('the rewritten code would not parse');
  return { ok: true, value: { title: PARAMETERIZE_TITLE, safe: false, edits } };
}

/** The call that receives the params: the sink itself, or the execute() around text(). */
function paramsCall(sink: SqlSink): Node | undefined {
  if (sink.api !== 'sqlalchemy-text') return sink.node;
  const list = sink.node.parent;
  const outer = list?.type === 'argument_list' ? list.parent : undefined;
  if (!outer || outer.type !== 'call' || calleeTail(outer) !== 'execute') return undefined;
  return sameNode(positionalArguments(outer)[0], sink.node) ? outer : undefined;
}

interface ExistingParams {
  /** The params argument as written (for 'arguments': the first extra positional argument). */
  node?: Node;
  /** For 'arguments': the span of all extra positional arguments. */
  span?: Span;
  /** Positional values in order. */
  items: Node[];
  /** Named values (dict literal) by key, in order. */
  names: Map<string, Node>;
  /** The container is (or must be) a list; otherwise a tuple. */
  isList: boolean;
}

function existingParams(sink: SqlSink, call: Node, convention: ParamsConvention): FixChoice<ExistingParams> {
  const none: ExistingParams = { items: [], names: new Map(), isList: convention.shape === 'list' };
  const positional = positionalArguments(call);
  if (convention.shape === 'arguments') {
    const extra = positional.slice(1);
    if (extra.length === 0) return { ok: true, value: none };
    return { ok: true, value: { ...none, node: extra[0], span: { start: extra[0].startIndex, end: extra[extra.length - 1].endIndex }, items: extra } };
  }
  const node = sink.api === 'pandas-read-sql' ? keywordValue(call, 'params') : (positional[1] ?? firstKeywordValue(call, PARAMS_KEYWORDS));
  if (!node) return { ok: true, value: none };
  const inner = unwrapParens(node);
  if (convention.shape === 'dict') {
    if (inner.type !== 'dictionary') return { ok: false, reason: 'the existing params are not a dict literal' };
    const names = new Map<string, Node>();
    for (const pair of namedChildren(inner)) {
      const key = pair.type === 'pair' ? pair.childForFieldName('key') : null;
      const value = pair.type === 'pair' ? pair.childForFieldName('value') : null;
      const name = key ? constantString(key) : undefined;
      if (name === undefined || !value) return { ok: false, reason: 'the existing params dict has computed keys' };
      names.set(name, value);
    }
    return { ok: true, value: { ...none, node, names } };
  }
  if (inner.type !== 'tuple' && inner.type !== 'list') return { ok: false, reason: 'the existing params are not a tuple or list literal' };
  const items = namedChildren(inner);
  if (items.some((item) => item.type === 'list_splat')) return { ok: false, reason: 'the existing params unpack another sequence' };
  return { ok: true, value: { ...none, node, items, isList: inner.type === 'list' } };
}

function firstKeywordValue(call: Node, names: readonly string[]): Node | undefined {
  for (const name of names) {
    const value = keywordValue(call, name);
    if (value) return value;
  }
  return undefined;
}

interface ParamValue {
  name?: string;
  text: string;
}

function paramValues(params: readonly ParameterizedParam[], holes: readonly SourceHole[], existing: ExistingParams): FixChoice<ParamValue[]> {
  const values: ParamValue[] = [];
  const usedExisting = new Set<number>();
  for (const param of params) {
    const named = param.name ? { name: param.name } : {};
    if ('hole' in param) {
      const text = wrappedValue(holes[param.hole].text, param.prefix, param.suffix);
      if (text === undefined) return { ok: false, reason: 'a LIKE pattern value could not be written back' };
      values.push({ ...named, text });
      continue;
    }
    const node = param.name !== undefined ? existing.names.get(param.name) : existing.items[param.existing];
    if (!node) return { ok: false, reason: 'the existing placeholders do not match the existing params' };
    usedExisting.add(param.existing);
    values.push({ ...named, text: node.text });
  }
  if (existing.names.size === 0 && usedExisting.size !== existing.items.length)
    return { ok: false, reason: 'the existing params do not match the placeholders' };
  return { ok: true, value: values };
}

/** `'%{term}%'` becomes the value `f"%{term}%"`: the wildcards travel with the parameter. */
function wrappedValue(expression: string, prefix: string, suffix: string): string | undefined {
  if (!prefix && !suffix) return expression;
  // Before Python 3.12 an f-string expression may not hold the literal's quote or a backslash.
  const quote = ['"', "'"].find((candidate) => !expression.includes(candidate) && !prefix.includes(candidate) && !suffix.includes(candidate));
  if (!quote || /[\\\n]/.test(expression)) return undefined;
  return `f${quote}${fStringText(prefix)}{${expression}}${fStringText(suffix)}${quote}`;
}

const F_STRING_ESCAPES: Record<string, string> = { '\\': '\\\\', '{': '{{', '}': '}}', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function fStringText(text: string): string {
  return text.replace(/[\\{}\n\r\t]/g, (char) => F_STRING_ESCAPES[char] ?? char);
}

function paramsArgumentEdit(
  sink: SqlSink,
  call: Node,
  convention: ParamsConvention,
  existing: ExistingParams,
  values: readonly ParamValue[],
): { span: Span; text: string } {
  const queryArgument = sink.api === 'sqlalchemy-text' ? sink.node : sink.query;
  if (convention.shape === 'arguments') {
    const text = values.map((value) => value.text).join(', ');
    return existing.span ? { span: existing.span, text } : { span: after(queryArgument), text: `, ${text}` };
  }
  let container: string;
  if (convention.shape === 'dict') {
    const entries = new Map<string, string>();
    for (const [name, node] of existing.names) entries.set(name, node.text);
    for (const value of values) if (value.name) entries.set(value.name, value.text);
    container = `{${[...entries].map(([name, text]) => `${pythonStringLiteral(name, false)}: ${text}`).join(', ')}}`;
  } else if (existing.isList) {
    container = `[${values.map((value) => value.text).join(', ')}]`;
  } else {
    container = values.length === 1 ? `(${values[0].text},)` : `(${values.map((value) => value.text).join(', ')})`;
  }
  if (existing.node) return { span: { start: existing.node.startIndex, end: existing.node.endIndex }, text: container };
  if (sink.api === 'pandas-read-sql') return { span: after(callArguments(call).at(-1) ?? queryArgument), text: `, params=${container}` };
  return { span: after(queryArgument), text: `, ${container}` };
}

function after(node: Node): Span {
  return { start: node.endIndex, end: node.endIndex };
}

/** `:name` tokens already in the constant text: new names must not collide with them. */
function namesInText(built: Built): string[] {
  const names: string[] = [];
  for (const part of built.parts) {
    if (typeof part === 'string') for (const match of part.matchAll(/(?<![:\w]):([A-Za-z_]\w*)/g)) names.push(match[1]);
  }
  return names;
}

/** A query written with triple quotes stays multi-line when rewritten. */
function builtFromTripleQuotes(resolution: Resolution): boolean {
  const chain = resolution.chain;
  const sources = chain ? [chain.base, ...chain.appends].flatMap((binding) => (binding.value ? [binding.value] : [])) : [resolution.argument];
  let triple = false;
  for (const source of sources) {
    walk(source, (node) => {
      if (node.type === 'string' && isTripleQuoted(node)) triple = true;
      return !triple;
    });
  }
  return triple;
}
