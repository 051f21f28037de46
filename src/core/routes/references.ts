// Follows references between the files of the route model: a local name, an import (relative JS
// specifiers, Python modules) or a re-export, to the container, handler or other declaration it
// denotes. Pure: it knows only the summaries it is given.
import type { FileRoutes, HandlerDecl, Reference } from './model';
import { resolveJsModule, resolvePythonImport } from './module-paths';

export function containerId(file: string, name: string): string {
  return `${file}#${name}`;
}

/** Follows local names and imports to the container or handler they denote. */
export class ReferenceResolver {
  constructor(
    private readonly summaries: ReadonlyMap<string, FileRoutes>,
    private readonly files: ReadonlySet<string>,
  ) {}

  container(file: string, reference: Reference, depth = 0): string | undefined {
    const target = this.target(file, reference);
    if (!target) return undefined;
    const summary = this.summaries.get(target.file)!;
    const name = target.name ?? 'urlpatterns';
    if (summary.containers.some((container) => container.name === name)) return containerId(target.file, name);
    // `require('./routes')(app)`: the function's parameter is the container.
    const parameter = summary.containers.find((container) => container.parameterOf === name);
    if (parameter) return containerId(target.file, parameter.name);
    // Re-exported or imported again (`export { router as adminRouter } from './admin'`).
    if (depth < 6 && summary.imports.some((binding) => binding.local === name)) return this.container(target.file, { local: name }, depth + 1);
    return undefined;
  }

  handler(file: string, reference: Reference): { file: string; decl: HandlerDecl } | undefined {
    const found = this.declaration(file, reference, (summary, name) => summary.handlers.some((handler) => handler.name === name));
    return found && { file: found.file, decl: this.summaries.get(found.file)!.handlers.find((handler) => handler.name === found.name)! };
  }

  /**
   * The file and name a reference lands on where `declares` finds it (a handler, a Nest module),
   * through imports and re-exports.
   */
  declaration(
    file: string,
    reference: Reference,
    declares: (summary: FileRoutes, name: string) => boolean,
    depth = 0,
  ): { file: string; name: string } | undefined {
    const target = this.target(file, reference);
    if (!target?.name) return undefined;
    const summary = this.summaries.get(target.file)!;
    if (declares(summary, target.name)) return { file: target.file, name: target.name };
    if (depth < 6 && summary.imports.some((binding) => binding.local === target.name))
      return this.declaration(target.file, { local: target.name }, declares, depth + 1);
    return undefined;
  }

  /** The file a reference lands in and the local name there (undefined name: the module itself). */
  private target(file: string, reference: Reference): { file: string; name?: string } | undefined {
    const summary = this.summaries.get(file);
    if (!summary) return undefined;
    const python = file.endsWith('.py');
    if ('module' in reference) {
      if (python) {
        const module = resolvePythonImport(file, reference.module, undefined, this.files);
        return module ? { file: module.path, name: reference.member } : undefined;
      }
      // `app.register(require('./routes/admin'))`: the module's default export (or the named member).
      const moduleFile = resolveJsModule(file, reference.module, this.files);
      if (!moduleFile) return undefined;
      const exported = reference.member ?? 'default';
      const exportBinding = this.summaries.get(moduleFile)!.exports.find((candidate) => candidate.exported === exported);
      return { file: moduleFile, name: exportBinding?.local ?? exported };
    }
    const { local, member } = reference;
    const isLocal = summary.containers.some((container) => container.name === local) || summary.handlers.some((handler) => handler.name === local);
    if (isLocal && member === undefined) return { file, name: local };
    const binding = summary.imports.find((candidate) => candidate.local === local);
    if (!binding) return member === undefined ? { file, name: local } : undefined;
    if (python) {
      const module = resolvePythonImport(file, binding.module, binding.imported === '*' ? undefined : binding.imported, this.files);
      if (!module) return undefined;
      if (module.member !== undefined) return member === undefined ? { file: module.path, name: module.member } : undefined;
      return { file: module.path, name: member };
    }
    const moduleFile = resolveJsModule(file, binding.module, this.files);
    if (!moduleFile) return undefined;
    const exported = binding.imported === '*' ? (member ?? 'default') : binding.imported;
    if (binding.imported !== '*' && member !== undefined) return undefined; // a member of an imported value: not followed
    const target = this.summaries.get(moduleFile)!;
    const exportBinding = target.exports.find((candidate) => candidate.exported === exported);
    return { file: moduleFile, name: exportBinding?.local ?? exported };
  }
}
