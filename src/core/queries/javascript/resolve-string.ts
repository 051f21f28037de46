// Rebuilds the string that reaches a sink as constant parts and holes, following the ways code
// builds strings: template literals, `+`/`+=` (also across statements through a local variable),
// `.concat()`, util.format, String.raw, and `[…].join()` (also of an array filled by `push`).
// Module and local `const`s bound to string constants fold into the text; anything else is a hole.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName } from '../../languages/estree-walk';
import type { BuildSiteKind } from '../message-parts';
import type { BuiltString, Part } from '../model';
import type { ValueSafety } from '../value-safety';
import type { Binding, Bindings } from './bindings';
import { isGuardedChoice, isGuardedRead } from './allowlist-guards';
import { constantEntries, isConstantName, rootIdentifier } from './constant-values';
import { NUMERIC_RESULTS } from './numeric-conversions';
import type { ModuleImports } from './imports';
import { constantString, unwrapExpression, type Node, type SyntaxTree } from './tree';
import { formatSegments } from './util-format';
import { assignmentsBefore, isConditional, pushesBefore, statementOf } from './variable-flow';

export interface ResolvedHole {
  node: Node;
  /** Why the value cannot change the string's structure, when it cannot (see value-safety.ts). */
  safety?: ValueSafety;
}

/** A local variable whose building statements were followed from a read. */
export interface FollowedVariable {
  binding: Binding;
  declarator: TSESTree.VariableDeclarator;
  /** Assignments (`=`, `+=`) or `push` calls, in order, that shaped the value before the read. */
  writes: (TSESTree.AssignmentExpression | TSESTree.CallExpression)[];
  reference: TSESTree.Identifier;
  form: 'string' | 'array';
}

export interface FlowTrace {
  variables: FollowedVariable[];
  /** The text of a named constant was folded in (a rewrite would inline its value). */
  foldedConstant: boolean;
  /** An append happens only in some branches or repeats in a loop. */
  conditional: boolean;
  /** util.format, String.raw, join…: forms a rewrite does not reproduce. */
  indirectForm: boolean;
}

export interface BuildSite {
  start: number;
  end: number;
  kind: BuildSiteKind;
}

export interface ResolvedString {
  built: BuiltString;
  /** Parallel to `built.holes`. */
  holes: ResolvedHole[];
  /** Parallel to `built.buildSites`. */
  sites: BuildSite[];
  trace: FlowTrace;
}

type Item = string | ResolvedHole;

interface Piece {
  items: Item[];
  /** Certainly a string (contains a string literal or comes from a string operation). */
  isString: boolean;
}

interface Resolution {
  trace: FlowTrace;
  sites: BuildSite[];
  visiting: Set<Binding>;
  /** While following writes: the variable's value so far, for `q = q + …`. */
  current: Map<Binding, Piece>;
  depth: number;
}

const MAX_DEPTH = 40;

export class StringResolver {
  constructor(
    private readonly tree: SyntaxTree,
    private readonly bindings: Bindings,
    private readonly imports: ModuleImports,
  ) {}

  resolve(expression: Node): ResolvedString {
    return this.resolveSequence([expression]);
  }

  /** Constant strings and expressions concatenated (e.g. a command and its arguments joined by spaces). */
  resolveSequence(sequence: readonly (Node | string)[]): ResolvedString {
    const resolution: Resolution = {
      trace: { variables: [], foldedConstant: false, conditional: false, indirectForm: false },
      sites: [],
      visiting: new Set(),
      current: new Map(),
      depth: 0,
    };
    const items = sequence.flatMap((element) => (typeof element === 'string' ? [element] : this.piece(element, resolution).items));
    return this.finish(items, resolution);
  }

  private finish(items: Item[], resolution: Resolution): ResolvedString {
    const parts: Part[] = [];
    const holes: ResolvedHole[] = [];
    for (const item of items) {
      if (typeof item === 'string') {
        if (item === '') continue;
        const last = parts.length - 1;
        if (last >= 0 && typeof parts[last] === 'string') parts[last] = (parts[last] as string) + item;
        else parts.push(item);
      } else {
        parts.push({ hole: holes.length });
        holes.push(item);
      }
    }
    const sites = dedupeSites(resolution.sites);
    return {
      built: {
        parts,
        holes: holes.map((hole) => ({ start: hole.node.range[0], end: hole.node.range[1], text: this.tree.textOf(hole.node) })),
        buildSites: sites.map(({ start, end }) => ({ start, end })),
      },
      holes,
      sites,
      trace: resolution.trace,
    };
  }

  private piece(expression: Node, resolution: Resolution): Piece {
    if (resolution.depth > MAX_DEPTH) return hole(expression);
    resolution.depth++;
    try {
      return this.pieceOf(unwrapExpression(expression), expression, resolution);
    } finally {
      resolution.depth--;
    }
  }

  private pieceOf(node: Node, original: Node, resolution: Resolution): Piece {
    switch (node.type) {
      case 'Literal':
        if (typeof node.value === 'string') return { items: [node.value], isString: true };
        if (typeof node.value === 'number' || typeof node.value === 'boolean' || node.value === null) return { items: [String(node.value)], isString: false };
        return hole(original);
      case 'TemplateLiteral':
        return {
          items: this.templateItems(
            node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw),
            node.expressions,
            resolution,
          ),
          isString: true,
        };
      case 'TaggedTemplateExpression':
        // String.raw`…${x}…` is a plain string with backslashes kept, not a safe query tag.
        if (dottedName(node.tag) !== 'String.raw') return hole(original);
        resolution.trace.indirectForm = true;
        return {
          items: this.templateItems(
            node.quasi.quasis.map((quasi) => quasi.value.raw),
            node.quasi.expressions,
            resolution,
          ),
          isString: true,
        };
      case 'BinaryExpression':
        return this.binary(node, original, resolution);
      case 'UnaryExpression':
        if (node.operator === 'typeof') return hole(original, 'constant-choice');
        return node.operator === 'void' || node.operator === 'delete' || node.operator === '!' ? hole(original) : hole(original, 'numeric');
      case 'UpdateExpression':
        return hole(original, 'numeric');
      case 'MemberExpression':
        if (!node.computed && node.property.type === 'Identifier' && node.property.name === 'length') return hole(original, 'numeric');
        return this.member(node, original, resolution);
      case 'ConditionalExpression': {
        const whenTrue = this.piece(node.consequent, resolution);
        const whenFalse = this.piece(node.alternate, resolution);
        if (isConstant(whenTrue) && isConstant(whenFalse)) return hole(original, 'constant-choice');
        return isConstant(whenFalse) && isGuardedChoice(node, this.bindings) ? hole(original, 'allowlisted') : hole(original);
      }
      case 'Identifier': {
        const value = this.identifier(node, resolution);
        const [only] = value.items;
        if (value.items.length === 1 && typeof only !== 'string' && only.node === node && !only.safety) {
          const safety = this.namedConstant(node) ?? (isGuardedRead(node, this.tree, this.bindings) ? 'allowlisted' : undefined);
          if (safety) return hole(node, safety);
        }
        return value;
      }
      case 'CallExpression':
        return this.call(node, original, resolution);
      default:
        return hole(original);
    }
  }

  private templateItems(quasis: string[], expressions: readonly Node[], resolution: Resolution): Item[] {
    const items: Item[] = [];
    quasis.forEach((quasi, index) => {
      items.push(quasi);
      if (index < expressions.length) items.push(...this.piece(expressions[index], resolution).items);
    });
    return items;
  }

  private binary(node: TSESTree.BinaryExpression, original: Node, resolution: Resolution): Piece {
    if (node.operator !== '+') return ARITHMETIC.has(node.operator) ? hole(original, 'numeric') : hole(original);
    const left = this.piece(node.left, resolution);
    const right = this.piece(node.right, resolution);
    if (left.isString || right.isString) return { items: [...left.items, ...right.items], isString: true };
    // Two values that are not known strings: a numeric addition when both sides are numbers.
    return isNumeric(left) && isNumeric(right) ? hole(original, 'numeric') : hole(original);
  }

  /**
   * `COLUMNS.name` of a module constant object of strings folds to its value; `COLUMNS[key]` can
   * only be one of its values (or undefined); `Status.Open` of an enum or `CONFIG.TABLE` of an
   * imported constant is a constant defined elsewhere.
   */
  private member(node: TSESTree.MemberExpression, original: Node, resolution: Resolution): Piece {
    const root = rootIdentifier(node);
    const binding = root && this.bindings.resolve(root);
    if (!binding) return hole(original);
    if (binding.kind === 'enum' || (binding.kind === 'import' && isConstantName(binding.name))) return hole(original, 'named-constant');
    const object = unwrapExpression(node.object);
    const init = binding.kind === 'const' && binding.path.length === 0 && object === root ? binding.declarator?.init : undefined;
    const values = init ? constantEntries(unwrapExpression(init)) : undefined;
    if (!values) return hole(original);
    if (node.computed) {
      const key = constantString(node.property);
      if (key === undefined) return hole(original, 'constant-choice');
      return values.has(key) ? this.foldedMember(values.get(key)!, resolution) : hole(original);
    }
    const value = node.property.type === 'Identifier' ? values.get(node.property.name) : undefined;
    return value === undefined ? hole(original) : this.foldedMember(value, resolution);
  }

  private foldedMember(value: string, resolution: Resolution): Piece {
    resolution.trace.foldedConstant = true;
    return { items: [value], isString: true };
  }

  /** An imported `UPPER_CASE` name or an enum: a constant whose value this file does not show. */
  private namedConstant(node: TSESTree.Identifier): ValueSafety | undefined {
    const binding = this.bindings.resolve(node);
    return binding && binding.kind === 'import' && isConstantName(binding.name) ? 'named-constant' : undefined;
  }

  private identifier(node: TSESTree.Identifier, resolution: Resolution): Piece {
    const binding = this.bindings.resolve(node);
    if (!binding || binding.path.length > 0) return hole(node);
    const current = resolution.current.get(binding);
    if (current) return current;
    if (resolution.visiting.has(binding)) return hole(node);
    const declarator = binding.declarator;
    if (!declarator) return hole(node);
    if (binding.kind === 'const' && declarator.init) return this.constant(node, binding, declarator, declarator.init, resolution);
    if ((binding.kind === 'let' || binding.kind === 'var') && this.tree.enclosingFunction(binding.identifier) === this.tree.enclosingFunction(node)) {
      return this.variable(node, binding, declarator, resolution);
    }
    return hole(node);
  }

  private constant(node: TSESTree.Identifier, binding: Binding, declarator: TSESTree.VariableDeclarator, init: Node, resolution: Resolution): Piece {
    const initial = unwrapExpression(init);
    if (initial.type === 'ArrayExpression') return hole(node); // joined where it is read, see join()
    const snapshot = takeSnapshot(resolution);
    const value = this.withVisiting(binding, resolution, () => this.piece(init, resolution));
    // A const that only names a value (`const code = req.query.code`): the hole is the name, as the code reads it.
    if (isSingleHole(value)) {
      restoreSnapshot(resolution, snapshot);
      return hole(node, (value.items[0] as ResolvedHole).safety);
    }
    if (isConstant(value)) {
      restoreSnapshot(resolution, snapshot);
      resolution.trace.foldedConstant = true;
      return value;
    }
    resolution.trace.variables.push({ binding, declarator, writes: [], reference: node, form: 'string' });
    resolution.sites.push(site(declarator, 'built'));
    return value;
  }

  /**
   * A `let`/`var` in the reading function: its initial value, then each assignment before the
   * read. Appends in branches or loops are included as if taken; a base assigned differently per
   * branch (`if (a) q = "…"; else q = "…"`) is not followed: the read becomes a hole.
   */
  private variable(node: TSESTree.Identifier, binding: Binding, declarator: TSESTree.VariableDeclarator, resolution: Resolution): Piece {
    const found = assignmentsBefore(binding, node, this.bindings, this.tree);
    if (!found.ok) return hole(node);
    const snapshot = takeSnapshot(resolution);
    const giveUp = () => {
      restoreSnapshot(resolution, snapshot);
      return hole(node);
    };
    let value: Piece | undefined = declarator.init ? this.withVisiting(binding, resolution, () => this.piece(declarator.init!, resolution)) : undefined;
    const sites: BuildSite[] = declarator.init ? [site(declarator, 'built')] : [];
    let conditional = false;
    for (const write of found.writes) {
      const branch = isConditional(write, binding.scope, node, this.tree);
      if (write.operator === '+=') {
        if (!value) return giveUp();
        const appended = this.withVisiting(binding, resolution, () => this.piece(write.right, resolution));
        value = { items: [...value.items, ...appended.items], isString: value.isString || appended.isString };
        sites.push(site(statementOf(write, this.tree), branch ? 'appended-conditionally' : 'appended'));
      } else if (write.operator === '=') {
        const selfReferencing = this.bindings.references(binding, write.right).length > 0;
        if (selfReferencing && !value) return giveUp();
        if (!selfReferencing && branch) return giveUp();
        const previous = value;
        value = this.withCurrent(binding, previous, resolution, () => this.piece(write.right, resolution));
        sites.push(site(statementOf(write, this.tree), selfReferencing ? (branch ? 'appended-conditionally' : 'appended') : 'built'));
      } else {
        return giveUp();
      }
      conditional ||= branch;
    }
    if (!value) return giveUp();
    if (isSingleHole(value)) {
      restoreSnapshot(resolution, snapshot);
      return hole(node, (value.items[0] as ResolvedHole).safety);
    }
    if (isConstant(value) && found.writes.length === 0) {
      restoreSnapshot(resolution, snapshot);
      resolution.trace.foldedConstant = true;
      return value;
    }
    resolution.trace.conditional ||= conditional;
    resolution.trace.variables.push({ binding, declarator, writes: found.writes, reference: node, form: 'string' });
    resolution.sites.push(...sites);
    return value;
  }

  private call(node: TSESTree.CallExpression, original: Node, resolution: Resolution): Piece {
    const callee = unwrapExpression(node.callee);
    const args = node.arguments;
    const method = callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : undefined;
    if (callee.type === 'MemberExpression' && method) {
      if (method === 'concat') return this.concat(callee.object, args, original, resolution);
      if (method === 'join') return this.join(callee.object, args, original, resolution);
      if (method === 'toString' && args.length === 0) return { items: this.piece(callee.object, resolution).items, isString: true };
      if (NUMERIC_METHODS.has(method) || NUMERIC_RESULTS.has(dottedName(callee) ?? '')) return hole(original, 'numeric');
      if (ESCAPING_METHODS.has(method)) return hole(original, 'escaped');
    }
    const imported = this.imports.valueOf(node.callee);
    if (imported?.module === 'util' && imported.member === 'format') return this.format(args, original, resolution);
    if (imported && imported.member && ESCAPING_METHODS.has(imported.member) && ESCAPING_MODULES.has(imported.module)) return hole(original, 'escaped');
    if (callee.type === 'Identifier' && !this.bindings.resolve(callee)) {
      if (NUMERIC_RESULTS.has(callee.name)) return hole(original, 'numeric');
      if (callee.name === 'String' && args.length === 1 && args[0].type !== 'SpreadElement')
        return { items: this.piece(args[0], resolution).items, isString: true };
    }
    return hole(original);
  }

  private concat(object: Node, args: readonly TSESTree.CallExpressionArgument[], original: Node, resolution: Resolution): Piece {
    const base = this.piece(object, resolution);
    if (!base.isString || args.some((argument) => argument.type === 'SpreadElement')) return hole(original);
    return { items: [...base.items, ...args.flatMap((argument) => this.piece(argument, resolution).items)], isString: true };
  }

  /** `[a, b].join(sep)`, or `parts.join(sep)` of a local array filled by `push`. */
  private join(object: Node, args: readonly TSESTree.CallExpressionArgument[], original: Node, resolution: Resolution): Piece {
    const separator = args.length === 0 ? ',' : args.length === 1 ? constantString(args[0]) : undefined;
    if (separator === undefined) return hole(original);
    const elements = this.arrayElements(unwrapExpression(object), resolution);
    if (!elements) return hole(original);
    resolution.trace.indirectForm = true;
    const items: Item[] = [];
    elements.forEach((element, index) => {
      if (index > 0) items.push(separator);
      items.push(...this.piece(element, resolution).items);
    });
    return { items, isString: true };
  }

  private arrayElements(array: Node, resolution: Resolution): Node[] | undefined {
    if (array.type === 'ArrayExpression') {
      if (array.elements.some((element) => !element || element.type === 'SpreadElement')) return undefined;
      return array.elements as Node[];
    }
    if (array.type !== 'Identifier') return undefined;
    const binding = this.bindings.resolve(array);
    const declarator = binding?.declarator;
    const init = declarator?.init && unwrapExpression(declarator.init);
    if (!binding || !declarator || binding.path.length > 0 || init?.type !== 'ArrayExpression' || resolution.visiting.has(binding)) return undefined;
    if (this.tree.enclosingFunction(binding.identifier) !== this.tree.enclosingFunction(array)) return undefined;
    const initial = this.arrayElements(init, resolution);
    const pushes = pushesBefore(binding, array, this.bindings, this.tree);
    if (!initial || !pushes.ok) return undefined;
    if (pushes.writes.some((push) => push.arguments.some((argument) => argument.type === 'SpreadElement'))) return undefined;
    const elements = [...initial, ...pushes.writes.flatMap((push) => push.arguments as Node[])];
    resolution.trace.variables.push({ binding, declarator, writes: pushes.writes, reference: array, form: 'array' });
    resolution.trace.conditional ||= pushes.writes.some((push) => isConditional(push, binding.scope, array, this.tree));
    resolution.sites.push(site(declarator, 'parts-collected'));
    for (const push of pushes.writes) resolution.sites.push(site(statementOf(push, this.tree), 'part-added'));
    return elements;
  }

  /** util.format / format from 'util', with a constant format string. */
  private format(args: readonly TSESTree.CallExpressionArgument[], original: Node, resolution: Resolution): Piece {
    if (args.length === 0 || args.some((argument) => argument.type === 'SpreadElement')) return hole(original);
    const template = constantString(args[0]);
    if (template === undefined) return hole(original);
    resolution.trace.indirectForm = true;
    const rest = args.slice(1) as Node[];
    const items = formatSegments(template, rest.length).flatMap((segment): Item[] => {
      if ('text' in segment) return [segment.text];
      const argument = rest[segment.argument];
      if (segment.as === 'text') return this.piece(argument, resolution).items;
      if (segment.as === 'number') return [{ node: argument, safety: 'numeric' }];
      return segment.as === 'json' ? [{ node: argument }] : [];
    });
    return { items, isString: true };
  }

  private withVisiting<T>(binding: Binding, resolution: Resolution, compute: () => T): T {
    resolution.visiting.add(binding);
    try {
      return compute();
    } finally {
      resolution.visiting.delete(binding);
    }
  }

  private withCurrent<T>(binding: Binding, value: Piece | undefined, resolution: Resolution, compute: () => T): T {
    if (value) resolution.current.set(binding, value);
    try {
      return this.withVisiting(binding, resolution, compute);
    } finally {
      resolution.current.delete(binding);
    }
  }
}

const ARITHMETIC = new Set(['-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);
const NUMERIC_METHODS = new Set(['toFixed', 'toPrecision', 'getTime', 'valueOf']);
/** Driver escaping functions: mysql/mysql2/sqlstring `escape`/`escapeId`, pg `escapeLiteral`/`escapeIdentifier`. */
const ESCAPING_METHODS = new Set(['escape', 'escapeId', 'escapeLiteral', 'escapeIdentifier']);
const ESCAPING_MODULES = new Set(['mysql', 'mysql2', 'mysql2/promise', 'sqlstring', 'pg', 'pg-escape']);

function hole(node: Node, safety?: ValueSafety): Piece {
  return { items: [safety ? { node, safety } : { node }], isString: false };
}

function isConstant(piece: Piece): boolean {
  return piece.items.every((item) => typeof item === 'string');
}

function isSingleHole(piece: Piece): boolean {
  return piece.items.filter((item) => item !== '').length === 1 && piece.items.some((item) => typeof item !== 'string');
}

function isNumeric(piece: Piece): boolean {
  return piece.items.every((item) => (typeof item === 'string' ? item !== '' && !Number.isNaN(Number(item)) : item.safety === 'numeric'));
}

function site(node: Node, kind: BuildSiteKind): BuildSite {
  return { start: node.range[0], end: node.range[1], kind };
}

function dedupeSites(sites: BuildSite[]): BuildSite[] {
  const seen = new Set<string>();
  return sites
    .filter((candidate) => {
      const key = `${candidate.start}:${candidate.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start);
}

interface Snapshot {
  variables: number;
  sites: number;
  foldedConstant: boolean;
  conditional: boolean;
  indirectForm: boolean;
}

function takeSnapshot(resolution: Resolution): Snapshot {
  const { trace } = resolution;
  return {
    variables: trace.variables.length,
    sites: resolution.sites.length,
    foldedConstant: trace.foldedConstant,
    conditional: trace.conditional,
    indirectForm: trace.indirectForm,
  };
}

function restoreSnapshot(resolution: Resolution, snapshot: Snapshot): void {
  const { trace } = resolution;
  trace.variables.length = snapshot.variables;
  resolution.sites.length = snapshot.sites;
  trace.foldedConstant = snapshot.foldedConstant;
  trace.conditional = snapshot.conditional;
  trace.indirectForm = snapshot.indirectForm;
}
