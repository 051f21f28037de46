// Which declaration an identifier refers to, by JavaScript's scoping rules (block-scoped let/const/
// class, function-scoped var and parameters, module-level imports). Lighter than a full scope
// manager: enough to follow a query variable back to its declaration and a value to a parameter.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { partitionPoint } from '../../partition-point';
import { isFunction, type FunctionNode, type Node, type SyntaxTree } from './tree';

export type BindingKind = 'const' | 'let' | 'var' | 'using' | 'parameter' | 'function' | 'class' | 'import' | 'catch' | 'enum';

/** One step into a destructuring pattern: a property name, an array index, or the rest. */
export type PatternStep = string | number | '...';

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The node whose scope declares the name (Program, block, function, for/catch). */
  scope: Node;
  /** The declaring identifier. */
  identifier: TSESTree.Identifier;
  /** For variables: the declarator, whose `init` the pattern path applies to. */
  declarator?: TSESTree.VariableDeclarator;
  /** Path of the identifier inside a destructuring pattern; empty for a plain name. */
  path: PatternStep[];
  /** For parameters: the function and the parameter node (decorators live there). */
  parameterOf?: { fn: FunctionNode; parameter: TSESTree.Parameter; index: number };
  /** For imports: the import specifier. */
  importSpecifier?: TSESTree.ImportClause;
}

export class Bindings {
  private readonly scopes = new Map<Node, Map<string, Binding>>();
  private readonly resolved = new Map<TSESTree.Identifier, Binding | null>();

  constructor(private readonly tree: SyntaxTree) {}

  /** The binding an identifier reference resolves to; undefined for globals and unknowns. */
  resolve(identifier: TSESTree.Identifier): Binding | undefined {
    const cached = this.resolved.get(identifier);
    if (cached !== undefined) return cached ?? undefined;
    const binding = this.lookup(identifier.name, identifier);
    this.resolved.set(identifier, binding ?? null);
    return binding;
  }

  /** The binding `name` would resolve to at `at`. */
  lookup(name: string, at: Node): Binding | undefined {
    for (const scope of [at, ...this.tree.ancestors(at)]) {
      const binding = this.declaredIn(scope).get(name);
      if (binding) return binding;
    }
    return undefined;
  }

  /** Identifiers in `within` that read or write `binding` (its declaring identifier excluded). */
  references(binding: Binding, within: Node = binding.scope): TSESTree.Identifier[] {
    const found: TSESTree.Identifier[] = [];
    const named = this.tree.identifiersNamed(binding.name);
    for (let index = partitionPoint(named, (node) => node.range[0] < within.range[0]); index < named.length; index++) {
      const node = named[index];
      if (node.range[0] >= within.range[1]) break;
      if (node === binding.identifier || node.range[1] > within.range[1]) continue;
      if (!isReference(node, this.tree.parent(node))) continue;
      if (this.resolve(node) === binding) found.push(node);
    }
    return found;
  }

  private declaredIn(scope: Node): Map<string, Binding> {
    let declared = this.scopes.get(scope);
    if (!declared) {
      declared = new Map();
      collectDeclarations(scope, declared);
      this.scopes.set(scope, declared);
    }
    return declared;
  }
}

function collectDeclarations(scope: Node, into: Map<string, Binding>): void {
  const add = (binding: Binding) => {
    if (!into.has(binding.name)) into.set(binding.name, binding);
  };
  switch (scope.type) {
    case 'Program':
      for (const statement of scope.body) declareStatement(statement, scope, add, true);
      hoistVars(scope.body, scope, add);
      return;
    case 'BlockStatement':
    case 'StaticBlock':
    case 'TSModuleBlock':
      for (const statement of scope.body) declareStatement(statement, scope, add, false);
      return;
    case 'SwitchStatement':
      for (const switchCase of scope.cases) for (const statement of switchCase.consequent) declareStatement(statement, scope, add, false);
      return;
    case 'ForStatement':
      if (scope.init?.type === 'VariableDeclaration' && scope.init.kind !== 'var') declareVariables(scope.init, scope, add);
      return;
    case 'ForInStatement':
    case 'ForOfStatement':
      if (scope.left.type === 'VariableDeclaration' && scope.left.kind !== 'var') declareVariables(scope.left, scope, add);
      return;
    case 'CatchClause':
      if (scope.param) for (const [identifier, path] of patternIdentifiers(scope.param)) add({ name: identifier.name, kind: 'catch', scope, identifier, path });
      return;
    case 'ClassExpression':
      if (scope.id) add({ name: scope.id.name, kind: 'class', scope, identifier: scope.id, path: [] });
      return;
    default:
      if (isFunction(scope)) declareFunctionScope(scope, add);
  }
}

function declareFunctionScope(fn: FunctionNode, add: (binding: Binding) => void): void {
  fn.params.forEach((parameter, index) => {
    for (const [identifier, path] of patternIdentifiers(parameter)) {
      add({ name: identifier.name, kind: 'parameter', scope: fn, identifier, path, parameterOf: { fn, parameter, index } });
    }
  });
  if (fn.type === 'FunctionExpression' && fn.id) add({ name: fn.id.name, kind: 'function', scope: fn, identifier: fn.id, path: [] });
  if (fn.body.type === 'BlockStatement') hoistVars(fn.body.body, fn, add);
}

type Statement = TSESTree.ProgramStatement | TSESTree.Statement;

function declareStatement(statement: Statement, scope: Node, add: (binding: Binding) => void, moduleLevel: boolean): void {
  const declaration =
    (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') && statement.declaration ? statement.declaration : statement;
  switch (declaration.type) {
    case 'VariableDeclaration':
      if (declaration.kind !== 'var') declareVariables(declaration, scope, add);
      return;
    case 'FunctionDeclaration':
    case 'TSDeclareFunction':
      if (declaration.id) add({ name: declaration.id.name, kind: 'function', scope, identifier: declaration.id, path: [] });
      return;
    case 'ClassDeclaration':
      if (declaration.id) add({ name: declaration.id.name, kind: 'class', scope, identifier: declaration.id, path: [] });
      return;
    case 'TSEnumDeclaration':
      add({ name: declaration.id.name, kind: 'enum', scope, identifier: declaration.id, path: [] });
      return;
    case 'ImportDeclaration':
      if (!moduleLevel) return;
      for (const specifier of declaration.specifiers) {
        add({ name: specifier.local.name, kind: 'import', scope, identifier: specifier.local, path: [], importSpecifier: specifier });
      }
      return;
    case 'TSImportEqualsDeclaration':
      add({ name: declaration.id.name, kind: 'import', scope, identifier: declaration.id, path: [] });
      return;
    default:
      return;
  }
}

function declareVariables(declaration: TSESTree.VariableDeclaration, scope: Node, add: (binding: Binding) => void): void {
  const kind: BindingKind = declaration.kind === 'await using' ? 'using' : declaration.kind;
  for (const declarator of declaration.declarations) {
    for (const [identifier, path] of patternIdentifiers(declarator.id)) add({ name: identifier.name, kind, scope, identifier, declarator, path });
  }
}

/** `var` declarations anywhere in a function body (or the module), not inside nested functions. */
function hoistVars(body: readonly Statement[], scope: Node, add: (binding: Binding) => void): void {
  const stack: Node[] = [...body];
  while (stack.length) {
    const node = stack.pop()!;
    if (isFunction(node) || node.type === 'ClassBody') continue;
    if (node.type === 'VariableDeclaration' && node.kind === 'var') declareVariables(node, scope, add);
    for (const child of childStatements(node)) stack.push(child);
  }
}

/** Statement-level children where a `var` may hide (blocks, branches, loops, try, switch, labels). */
function childStatements(node: Node): Node[] {
  switch (node.type) {
    case 'BlockStatement':
      return node.body;
    case 'IfStatement':
      return node.alternate ? [node.consequent, node.alternate] : [node.consequent];
    case 'ForStatement':
      return node.init ? [node.init, node.body] : [node.body];
    case 'ForInStatement':
    case 'ForOfStatement':
      return [node.left, node.body];
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
      return [node.body];
    case 'TryStatement':
      return [node.block, ...(node.handler ? [node.handler.body] : []), ...(node.finalizer ? [node.finalizer] : [])];
    case 'SwitchStatement':
      return node.cases.flatMap((switchCase) => switchCase.consequent);
    case 'ExportNamedDeclaration':
      return node.declaration ? [node.declaration] : [];
    default:
      return [];
  }
}

/** Identifiers a pattern declares, with their path: `{ id, user: { name } }` → id ['id'], name ['user','name']. */
export function patternIdentifiers(pattern: Node, path: PatternStep[] = []): [TSESTree.Identifier, PatternStep[]][] {
  switch (pattern.type) {
    case 'Identifier':
      return [[pattern, path]];
    case 'AssignmentPattern':
      return patternIdentifiers(pattern.left, path);
    case 'RestElement':
      return patternIdentifiers(pattern.argument, [...path, '...']);
    case 'TSParameterProperty':
      return patternIdentifiers(pattern.parameter, path);
    case 'ArrayPattern':
      return pattern.elements.flatMap((element, index) => (element ? patternIdentifiers(element, [...path, index]) : []));
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) => {
        if (property.type === 'RestElement') return patternIdentifiers(property.argument, [...path, '...']);
        const key =
          property.key.type === 'Identifier' && !property.computed
            ? property.key.name
            : property.key.type === 'Literal'
              ? String(property.key.value)
              : undefined;
        return key === undefined ? [] : patternIdentifiers(property.value, [...path, key]);
      });
    default:
      return [];
  }
}

/** Whether an Identifier node reads or writes a variable (not a property key, label or member name). */
export function isReference(node: TSESTree.Identifier, parent: Node | undefined): boolean {
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
      return parent.object === node || parent.computed;
    case 'Property':
      return parent.value === node || (parent.computed && parent.key === node);
    case 'PropertyDefinition':
    case 'MethodDefinition':
    case 'AccessorProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
      return parent.computed && parent.key === node;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return false;
    case 'ImportSpecifier':
    case 'ExportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
      return false;
    case 'TSQualifiedName':
    case 'TSTypeReference':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSEnumMember':
      return false;
    default:
      return true;
  }
}
