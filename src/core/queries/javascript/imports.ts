// What a name or member chain refers to among the file's imports: `exec` imported from
// 'child_process', `cp.exec` with `cp = require('node:child_process')`, `require('util').format`,
// `execAsync = promisify(exec)`. Also the set of modules the file loads, from which the database
// driver is chosen. Import statements and `require`/`import()` calls are read by
// languages/javascript-imports.ts; what is particular here is following them through the
// file's bindings, with the `node:` prefix dropped.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dynamicImportModule, importedName, normalizeModule, referencedModule, requiredModule } from '../../languages/javascript-imports';
import type { Binding, Bindings } from './bindings';
import { constantString, unwrapExpression, type Node, type SyntaxTree } from './tree';

/** A module, or one of its exports when `member` is set. `promisified`: wrapped by util.promisify. */
export interface ModuleValue {
  module: string;
  member?: string;
  promisified?: boolean;
}

export class ModuleImports {
  /** Every module the file imports or requires, `node:` prefix dropped. */
  readonly modules = new Set<string>();

  constructor(
    private readonly tree: SyntaxTree,
    private readonly bindings: Bindings,
  ) {
    for (const node of tree.nodes) {
      const module = referencedModule(node);
      if (module !== undefined) this.modules.add(normalizeModule(module));
    }
  }

  /** Whether the file loads a module, by exact name or as a subpath (`drizzle-orm` covers `drizzle-orm/pg-core`). */
  loads(module: string): boolean {
    if (this.modules.has(module)) return true;
    for (const loaded of this.modules) if (loaded.startsWith(`${module}/`)) return true;
    return false;
  }

  /** What an expression evaluates to, when it is a module or a module's export. */
  valueOf(expression: Node, depth = 0): ModuleValue | undefined {
    if (depth > 6) return undefined;
    const node = unwrapExpression(expression);
    if (node.type === 'Identifier') {
      const binding = this.bindings.resolve(node);
      return binding ? this.valueOfBinding(binding, depth) : undefined;
    }
    if (node.type === 'MemberExpression') {
      const object = this.valueOf(node.object, depth + 1);
      const property = memberName(node);
      if (!object || object.member !== undefined || object.promisified || !property) return undefined;
      // `import cp from 'child_process'` (interop default) and `cp.default` both mean the module.
      return property === 'default' ? object : { module: object.module, member: property };
    }
    if (node.type === 'CallExpression') {
      const required = requiredModule(node);
      if (required) return { module: normalizeModule(required) };
      const wrapped = this.promisifiedArgument(node, depth);
      if (wrapped) return wrapped;
    }
    if (node.type === 'AwaitExpression') {
      const name = dynamicImportModule(node.argument);
      return name === undefined ? undefined : { module: normalizeModule(name) };
    }
    return undefined;
  }

  private valueOfBinding(binding: Binding, depth: number): ModuleValue | undefined {
    const specifier = binding.importSpecifier;
    if (specifier) {
      const declaration = this.tree.parent(specifier);
      if (declaration?.type !== 'ImportDeclaration') return undefined;
      const module = normalizeModule(declaration.source.value);
      const imported = importedName(specifier);
      return specifier.type === 'ImportSpecifier' && imported !== 'default' ? { module, member: imported } : { module };
    }
    if (binding.kind === 'import' && binding.identifier) {
      const declaration = this.tree.parent(binding.identifier);
      if (declaration?.type === 'TSImportEqualsDeclaration') {
        const name = referencedModule(declaration.moduleReference);
        return name === undefined ? undefined : { module: normalizeModule(name) };
      }
    }
    // Only constants: a `let` could be reassigned to anything.
    if (binding.kind !== 'const' || !binding.declarator?.init) return undefined;
    const initial = this.valueOf(binding.declarator.init, depth + 1);
    if (!initial || binding.path.length === 0) return initial;
    // `const { exec } = require('child_process')`, `const { promises: fs } = …`: one level deep.
    const [step] = binding.path;
    if (binding.path.length !== 1 || typeof step !== 'string' || step === '...' || initial.member !== undefined) return undefined;
    return { module: initial.module, member: step };
  }

  /** `promisify(exec)`, `util.promisify(cp.exec)`. */
  private promisifiedArgument(call: TSESTree.CallExpression, depth: number): ModuleValue | undefined {
    const callee = this.valueOf(call.callee, depth + 1);
    if (callee?.module !== 'util' || callee.member !== 'promisify' || call.arguments.length !== 1) return undefined;
    const [argument] = call.arguments;
    if (argument.type === 'SpreadElement') return undefined;
    const inner = this.valueOf(argument, depth + 1);
    return inner?.member ? { ...inner, promisified: true } : undefined;
  }
}

function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  return constantString(node.property);
}
