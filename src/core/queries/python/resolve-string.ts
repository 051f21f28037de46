// Rebuilds the string a sink receives: f-strings, `+`/`+=`, `%` and `.format()` formatting,
// `sep.join([...])`, followed through local variables of the function and through constants of
// the module. Whatever is not a string we can see (calls, attributes, parameters, unknown names)
// becomes a hole. A variable assigned in several branches yields one candidate per reaching
// assignment (conservatively, every `+=` after a candidate applies to it); the caller analyses
// each candidate and offers no fix for them.
import type { Node } from '@vscode/tree-sitter-wasm';
import { isInsideError } from '../../languages/python';
import { concatBuilt, constantBuilt, constantText, holeBuilt, withBuildSite, type Built, type SourceHole } from './built';
import { isNumericFormatSpec, parseFormatTemplate, parsePrintfTemplate, type FormatField, type FormatSegment } from './format-templates';
import { qualifiedName } from './imports';
import type { PythonFile } from './python-file';
import { bindingsBefore, type Binding } from './scope';
import {
  callArguments,
  calleeTail,
  contains,
  enclosingStatement,
  keywordValue,
  namedChildren,
  positionalArguments,
  unwrapParens,
  walk,
} from '../../languages/python-syntax';
import { isStringLiteral, literalPieces } from '../../languages/python-string-literals';

/** A variable reaching the sink: its `name = …` assignment and the `name += …` after it. */
export interface QueryChain {
  name: string;
  use: Node;
  base: Binding;
  appends: Binding[];
}

export interface Resolution {
  /** One rebuilt string per reaching assignment (several only when branches assign differently). */
  candidates: Built[];
  /** The sink argument as written. */
  argument: Node;
  /** Set when the argument is a variable with exactly one reaching assignment. */
  chain?: QueryChain;
}

const MAX_DEPTH = 24;
const MAX_CANDIDATES = 4;

// Conversions after which a value can only be a number: `int("1 OR 1=1")` raises before the
// statement runs, so such holes cannot change it.
const NUMBER_CONVERSIONS = new Set(['int', 'float', 'bool', 'len', 'abs', 'round', 'decimal.Decimal', 'uuid.UUID']);
// shlex.quote makes any value one literal shell word, so it cannot inject into a command (it
// means nothing to SQL); pipes.quote is its older name.
const SHELL_QUOTES = new Set(['shlex.quote', 'pipes.quote']);
// Whitespace-only transformations: the statement is the same for the SQL module.
const TEXT_TRANSFORMS = new Set(['textwrap.dedent', 'inspect.cleandoc']);
const STRIP_METHODS = new Set(['strip', 'lstrip', 'rstrip']);

export function resolveSinkArgument(argument: Node, file: PythonFile): Resolution | undefined {
  const resolver = new Resolver(file);
  const node = unwrapParens(argument);
  if (node.type === 'identifier') {
    const reaching = resolver.reaching(node, true);
    if (!reaching || reaching === 'unbound') return undefined;
    const candidates = reaching.map((chain) => resolver.chainBuilt(chain, 0, true)).filter((built): built is Built => !!built && !hasSyntaxError(built));
    if (candidates.length === 0) return undefined;
    const [only] = reaching;
    return { candidates, argument, ...(reaching.length === 1 ? { chain: { name: node.text, use: node, base: only.base, appends: only.appends } } : {}) };
  }
  const built = resolver.expression(node, 0);
  return built && !hasSyntaxError(withBuildSite(built, node)) ? { candidates: [withBuildSite(built, node)], argument } : undefined;
}

/** A string assembled in code the parser could not fully read is not judged (fail closed). */
function hasSyntaxError(built: Built): boolean {
  return built.buildSites.some(({ node }) => node.hasError || isInsideError(node));
}

interface Reaching {
  base: Binding;
  appends: Binding[];
}

/** A formatting field's value: its argument, or a value we can only name (`args[0]`, `user.name`). */
type FieldValue = Node | { opaque: Node; text?: string };

class Resolver {
  constructor(private readonly file: PythonFile) {}

  /** A string-building expression as parts, or undefined when the node is not one we can see. */
  expression(node: Node, depth: number): Built | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const inner = unwrapParens(node);
    switch (inner.type) {
      case 'string':
      case 'concatenated_string':
        return this.literal(inner, depth);
      case 'binary_operator': {
        const operator = inner.childForFieldName('operator')?.text;
        if (operator === '+') return this.concatenation(inner, depth);
        if (operator === '%') return this.printf(inner, depth);
        return undefined;
      }
      case 'call':
        return this.call(inner, depth);
      case 'identifier':
        return this.name(inner, depth);
      default:
        return undefined;
    }
  }

  /** Any expression as a piece of a string: a rebuilt string, a constant, or a hole. */
  piece(node: Node, depth: number): Built {
    const inner = unwrapParens(node);
    const number = numberLiteral(inner);
    if (number !== undefined) return constantBuilt(number);
    const safety = this.safetyOf(inner) ?? this.safeVariable(inner);
    if (safety) return holeBuilt({ node: inner, text: inner.text, safety });
    return this.expression(inner, depth + 1) ?? holeBuilt({ node: inner, text: inner.text });
  }

  /** The bindings of a variable that reach `use`; 'unbound' when the scope never binds it. */
  reaching(use: Node, allowBranches: boolean): Reaching[] | 'unbound' | undefined {
    const bindings = bindingsBefore(this.file.scopeOf(use), use.text, use.startIndex);
    if (bindings.length === 0) return 'unbound';
    const appends: Binding[] = [];
    const bases: Binding[] = [];
    for (let index = bindings.length - 1; index >= 0; index--) {
      const binding = bindings[index];
      if (binding.kind === 'append') {
        appends.unshift(binding);
        continue;
      }
      // A parameter, loop target, import…: the value is not a string we can see. Branch
      // assignments found after it still stand as candidates.
      if (binding.kind !== 'assign' || !binding.value) break;
      bases.push(binding);
      if (dominates(binding, use)) break;
      if (!allowBranches || bases.length > MAX_CANDIDATES) return undefined;
    }
    if (bases.length === 0) return undefined;
    return bases.reverse().map((base) => ({ base, appends: appends.filter((append) => append.visibleFrom > base.visibleFrom) }));
  }

  /** The string a variable holds: its assignment plus the `+=` appends after it. */
  chainBuilt(chain: Reaching, depth: number, topLevel = false): Built | undefined {
    const value = chain.base.value;
    if (!value || depth > MAX_DEPTH) return undefined;
    const base = this.expression(value, depth + 1);
    // `q = load_base(); q += " WHERE …"` still shows its structure at the sink, but a nested
    // name whose base is not a string is just a value.
    if (!base && (!topLevel || chain.appends.length === 0)) return undefined;
    const pieces = [base ? withBuildSite(base, value) : holeBuilt({ node: value, text: value.text })];
    for (const append of chain.appends) {
      if (append.value) pieces.push(withBuildSite(this.piece(append.value, depth + 1), append.value, 'appended'));
    }
    const built = concatBuilt(pieces);
    return built.parts.some((part) => typeof part === 'string') ? built : undefined;
  }

  private name(use: Node, depth: number): Built | undefined {
    const reaching = this.reaching(use, false);
    if (reaching === 'unbound') return this.moduleConstant(use.text, depth);
    if (!reaching || reaching.length !== 1) return undefined;
    const built = this.chainBuilt(reaching[0], depth + 1);
    return built ? { ...built, indirect: true } : undefined;
  }

  /** `TABLE = "users"` bound once at module level is a constant wherever it is read. */
  private moduleConstant(name: string, depth: number): Built | undefined {
    const bindings = this.file.moduleScope.bindings.get(name) ?? [];
    const [binding] = bindings;
    if (bindings.length !== 1 || binding.kind !== 'assign' || !binding.value) return undefined;
    let value = numberLiteral(unwrapParens(binding.value));
    if (value === undefined) {
      const built = this.expression(binding.value, depth + 1);
      value = built && constantText(built);
    }
    return value === undefined ? undefined : { ...constantBuilt(value), indirect: true };
  }

  /** `uid = int(request.args["id"])` then `{uid}`: the variable only ever holds a number. */
  private safeVariable(node: Node): SourceHole['safety'] {
    if (node.type !== 'identifier') return undefined;
    const reaching = this.reaching(node, false);
    if (!reaching || reaching === 'unbound' || reaching.length !== 1 || reaching[0].appends.length > 0) return undefined;
    const value = reaching[0].base.value;
    return value ? this.safetyOf(unwrapParens(value)) : undefined;
  }

  private literal(node: Node, depth: number): Built | undefined {
    const pieces = literalPieces(node);
    if (!pieces) return undefined;
    return concatBuilt(
      pieces.map((piece) => {
        if ('text' in piece) return constantBuilt(piece.text);
        if (!piece.conversion && isNumericFormatSpec(piece.formatSpec)) {
          return holeBuilt({ node: piece.expression, text: piece.expression.text, safety: 'numeric' });
        }
        // `{x!r}` quotes the value, `{x:>10}` pads it: keep the value whole as a hole.
        if (piece.conversion || piece.formatSpec !== undefined) return this.valueHole(piece.expression);
        return this.piece(piece.expression, depth);
      }),
    );
  }

  private concatenation(node: Node, depth: number): Built | undefined {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right) return undefined;
    const leftBuilt = this.expression(left, depth + 1);
    const rightBuilt = this.expression(right, depth + 1);
    if (!leftBuilt && !rightBuilt) return undefined; // `a + b` of unknowns: not visibly a string
    return concatBuilt([leftBuilt ?? this.piece(left, depth), rightBuilt ?? this.piece(right, depth)]);
  }

  private printf(node: Node, depth: number): Built | undefined {
    const templateNode = node.childForFieldName('left');
    const valuesNode = node.childForFieldName('right');
    const template = templateNode ? this.expression(templateNode, depth + 1) : undefined;
    const text = template && constantText(template);
    const segments = text === undefined ? undefined : parsePrintfTemplate(text);
    if (!segments || !valuesNode || !template) return undefined;
    const values = unwrapParens(valuesNode);
    const fields = segments.flatMap((segment) => ('field' in segment ? [segment.field] : []));
    const positional = fields.filter((field) => typeof field.key === 'number').length;
    const opaque: FieldValue = { opaque: values };
    let valueOf: (field: FormatField) => FieldValue;
    if (fields.length > positional) {
      const entries = values.type === 'dictionary' ? dictionaryEntries(values) : undefined;
      valueOf = (field) => entries?.get(String(field.key)) ?? opaque;
    } else if (values.type === 'tuple') {
      const items = namedChildren(values);
      if (items.some((item) => item.type === 'list_splat')) valueOf = () => opaque;
      else if (items.length !== positional)
        return undefined; // Python raises: not a string
      else valueOf = (field) => items[field.key as number];
    } else {
      valueOf = positional === 1 && !this.holdsSequence(values) ? () => values : () => opaque;
    }
    return { ...this.formatted(segments, valueOf, depth), indirect: template.indirect };
  }

  /** `args = (a,)` then `"%s" % args`: the name holds the values, it is not the value. */
  private holdsSequence(node: Node): boolean {
    if (node.type !== 'identifier') return false;
    const reaching = this.reaching(node, true);
    if (!reaching || reaching === 'unbound') return false;
    return reaching.some(({ base }) => !!base.value && ['tuple', 'list', 'expression_list'].includes(unwrapParens(base.value).type));
  }

  private call(node: Node, depth: number): Built | undefined {
    const callee = node.childForFieldName('function');
    const method = calleeTail(node);
    if (callee?.type === 'attribute') {
      const object = callee.childForFieldName('object');
      if (!object) return undefined;
      if (method === 'format') return this.format(node, object, depth);
      if (method === 'join') return this.join(node, object, depth);
      if (method && STRIP_METHODS.has(method) && positionalArguments(node).length === 0) {
        const built = this.expression(object, depth + 1);
        return built && { ...built, indirect: true };
      }
    }
    const qualified = qualifiedName(callee, this.file.imports);
    if (qualified && TEXT_TRANSFORMS.has(qualified)) {
      const [argument] = positionalArguments(node);
      const built = argument && this.expression(argument, depth + 1);
      return built ? { ...built, indirect: true } : undefined;
    }
    return undefined;
  }

  private format(call: Node, object: Node, depth: number): Built | undefined {
    const template = this.expression(object, depth + 1);
    const text = template && constantText(template);
    const segments = text === undefined ? undefined : parseFormatTemplate(text);
    if (!segments || !template) return undefined;
    const positional = positionalArguments(call);
    // `**values` / `*values`: a field missing from the explicit arguments comes from the splat.
    const splat = callArguments(call).find((argument) => argument.type === 'list_splat' || argument.type === 'dictionary_splat');
    const valueOf = (field: FormatField): FieldValue | undefined => {
      const value = typeof field.key === 'number' ? positional[field.key] : keywordValue(call, field.key);
      if (!value) return splat ? { opaque: namedChildren(splat)[0] ?? splat, text: `${splat.text}[${JSON.stringify(field.key)}]` } : undefined;
      return field.accessor ? { opaque: value, text: `${value.text}${field.accessor}` } : value;
    };
    const values = segments.map((segment) => ('field' in segment ? valueOf(segment.field) : null));
    if (values.some((value) => value === undefined)) return undefined; // Python raises IndexError/KeyError: not a string
    return { ...this.formatted(segments, (field) => valueOf(field) ?? { opaque: call }, depth), indirect: template.indirect };
  }

  private formatted(segments: FormatSegment[], valueOf: (field: FormatField) => FieldValue, depth: number): Built {
    return concatBuilt(
      segments.map((segment) => {
        if ('text' in segment) return constantBuilt(segment.text);
        const value = valueOf(segment.field);
        if ('opaque' in value) {
          const numeric = segment.field.numeric ? { safety: 'numeric' as const } : {};
          return holeBuilt({ node: value.opaque, text: value.text ?? value.opaque.text, opaque: true, ...numeric });
        }
        if (segment.field.numeric) return holeBuilt({ node: value, text: value.text, safety: 'numeric' });
        if (segment.field.repr) return this.valueHole(value);
        return this.piece(value, depth);
      }),
    );
  }

  private join(call: Node, separatorNode: Node, depth: number): Built | undefined {
    const separatorBuilt = this.expression(separatorNode, depth + 1);
    const separator = separatorBuilt && constantText(separatorBuilt);
    const args = positionalArguments(call);
    if (separator === undefined || args.length !== 1) return undefined;
    const iterable = unwrapParens(args[0]);
    let items: Node[] | undefined;
    let indirect = false;
    if (iterable.type === 'list' || iterable.type === 'tuple') items = namedChildren(iterable);
    else if (iterable.type === 'identifier') {
      items = this.listItems(iterable);
      indirect = true;
    }
    if (!items || items.some((item) => item.type === 'list_splat')) return undefined;
    const pieces: Built[] = [];
    items.forEach((item, index) => {
      if (index > 0) pieces.push(constantBuilt(separator));
      pieces.push(this.piece(item, depth));
    });
    return { ...concatBuilt(pieces), indirect };
  }

  /**
   * Items of a local list built by `parts = [...]` then `parts.append(x)` / `parts.extend([...])` /
   * `parts += [...]` (conditional ones included). Any other mutation and we do not know the list.
   */
  private listItems(use: Node): Node[] | undefined {
    const reaching = this.reaching(use, false);
    if (!reaching || reaching === 'unbound' || reaching.length !== 1) return undefined;
    const { base, appends } = reaching[0];
    const initial = base.value && unwrapParens(base.value);
    if (initial?.type !== 'list') return undefined;
    const events: { at: number; items: Node[] }[] = [{ at: base.visibleFrom, items: namedChildren(initial) }];
    for (const append of appends) {
      const value = append.value && unwrapParens(append.value);
      if (value?.type !== 'list' && value?.type !== 'tuple') return undefined;
      events.push({ at: append.visibleFrom, items: namedChildren(value) });
    }
    let understood = true;
    walk(this.file.scopeOf(use).scope, (node) => {
      if (node.type !== 'call' || node.startIndex < base.visibleFrom || node.endIndex > use.startIndex) return true;
      const callee = node.childForFieldName('function');
      if (callee?.type !== 'attribute' || callee.childForFieldName('object')?.text !== use.text) return true;
      const method = callee.childForFieldName('attribute')?.text;
      const args = positionalArguments(node);
      const list = args[0] && unwrapParens(args[0]);
      if (method === 'append' && args.length === 1) events.push({ at: node.startIndex, items: [args[0]] });
      else if (method === 'extend' && (list?.type === 'list' || list?.type === 'tuple')) events.push({ at: node.startIndex, items: namedChildren(list) });
      else understood = false;
      return true;
    });
    if (!understood) return undefined;
    return events.sort((a, b) => a.at - b.at).flatMap((event) => event.items);
  }

  /** A value kept whole (repr'd or padded): only a conversion makes it safe. */
  private valueHole(node: Node): Built {
    const inner = unwrapParens(node);
    const safety = this.safetyOf(inner);
    return holeBuilt({ node: inner, text: inner.text, ...(safety ? { safety } : {}) });
  }

  private safetyOf(node: Node): SourceHole['safety'] {
    if (node.type !== 'call') return undefined;
    const callee = qualifiedName(node.childForFieldName('function'), this.file.imports);
    if (!callee) return undefined;
    if (NUMBER_CONVERSIONS.has(callee)) return 'numeric';
    if (SHELL_QUOTES.has(callee)) return 'shell-quoted';
    if (callee === 'str') {
      const [argument] = positionalArguments(node);
      return argument ? this.safetyOf(unwrapParens(argument)) : undefined;
    }
    return undefined;
  }
}

/** The binding runs on every path to the use: its statement sits in a block enclosing the use. */
export function dominates(binding: Binding, use: Node): boolean {
  const statement = binding.node.type === 'named_expression' ? enclosingStatement(binding.node) : binding.node;
  const block = statement?.parent;
  return !!statement && !!block && contains(block, use) && statement.endIndex <= use.startIndex;
}

function numberLiteral(node: Node): string | undefined {
  return node.type === 'integer' || node.type === 'float' ? node.text.replace(/_/g, '') : undefined;
}

function dictionaryEntries(node: Node): Map<string, Node> | undefined {
  const entries = new Map<string, Node>();
  for (const pair of namedChildren(node)) {
    const key = pair.type === 'pair' ? pair.childForFieldName('key') : undefined;
    const value = pair.childForFieldName('value');
    if (!key || !value || !isStringLiteral(key)) return undefined;
    const pieces = literalPieces(key);
    if (!pieces || pieces.length !== 1 || !('text' in pieces[0])) return undefined;
    entries.set(pieces[0].text, value);
  }
  return entries;
}
