// "Add the guard the project already uses": picks, for an open route, the guard that routes of the
// same framework and the same app of a monorepo use — preferring its own router, then its root
// app/router, then the most used — in the form that framework's fixer inserts, with the imports
// that guard needs rewritten for the route's file. Another app's guard is never borrowed.
import { posix } from 'node:path';
import type { FileRoutes, Framework, GuardKind } from './model';
import { isRelativeSpecifier, relativeJsSpecifier, relativePythonModule, relativePythonModulePath } from './module-paths';
import type { GuardToAdd } from './reader';
import type { AppliedGuard, ResolvedRoute, RouteModel } from './resolve';

/** The guard forms each framework's fixer can insert on a route. */
const INSERTABLE: Record<Framework, readonly GuardKind[]> = {
  express: ['middleware'],
  koa: ['middleware'],
  fastify: ['middleware'],
  nestjs: ['guard-class'],
  nextjs: ['handler-call'],
  flask: ['decorator'],
  fastapi: ['dependency'],
  django: ['decorator', 'mixin', 'permission-class'],
};

/** Guards a fixer may copy from where they appear (not inline checks or project-wide settings). */
const COPYABLE_SCOPES = new Set(['route', 'handler', 'mount', 'container']);

export function chooseGuard(route: ResolvedRoute, model: RouteModel, summaries: ReadonlyMap<string, FileRoutes>, targetFile: string): GuardToAdd | undefined {
  const kinds = INSERTABLE[route.framework];
  const uses = new Map<string, { guard: AppliedGuard; score: number; count: number }>();
  for (const other of model.routes) {
    if (other === route || other.framework !== route.framework || other.app.id !== route.app.id) continue;
    for (const guard of other.guards) {
      if (!COPYABLE_SCOPES.has(guard.scope) || !kinds.includes(guard.kind)) continue;
      // Flask's before_request functions are container guards but not decorators.
      if (route.framework === 'flask' && guard.scope === 'container') continue;
      if (guard.kind === 'handler-call' && !guard.statements) continue;
      const closeness = other.container && other.container === route.container ? 3 : other.group === route.group ? 2 : 1;
      const key = `${guard.kind}:${guard.text}`;
      const entry = uses.get(key);
      if (entry) {
        entry.count++;
        entry.score = Math.max(entry.score, closeness);
      } else {
        uses.set(key, { guard, score: closeness, count: 1 });
      }
    }
  }
  const best = [...uses.values()].sort((a, b) => b.score - a.score || b.count - a.count)[0];
  if (best) {
    const imports = importsFor(best.guard, summaries, targetFile, route.framework);
    if (imports)
      return {
        name: best.guard.name,
        kind: best.guard.kind,
        text: best.guard.text,
        ...(best.guard.statements ? { statements: best.guard.statements } : {}),
        imports,
      };
  }
  // Django ships its guard: a project without one yet still gets `login_required`.
  if (route.framework === 'django') {
    return {
      name: 'login_required',
      kind: 'decorator',
      text: 'login_required',
      imports: [{ local: 'login_required', module: 'django.contrib.auth.decorators', imported: 'login_required' }],
    };
  }
  return undefined;
}

/**
 * The imports the guard's text needs in `targetFile`: every name of the text that its own file
 * imports (module path rewritten relative to the target), or defines and exports. Undefined when
 * a name cannot be brought into scope (defined but not exported).
 */
function importsFor(
  guard: AppliedGuard,
  summaries: ReadonlyMap<string, FileRoutes>,
  targetFile: string,
  framework: Framework,
): GuardToAdd['imports'] | undefined {
  const source = summaries.get(guard.file);
  if (!source) return undefined;
  const python = guard.file.endsWith('.py');
  const text = guard.statements ?? guard.text;
  const words = new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const imports: GuardToAdd['imports'] = [];
  for (const binding of source.imports) {
    if (!words.has(binding.local)) continue;
    imports.push({ local: binding.local, module: rewriteModule(binding.module, guard.file, targetFile, python), imported: binding.imported });
  }
  const root = guard.name.split('.')[0];
  // Fastify guards are decorations of the instance (`fastify.authenticate`): no import, the
  // fixer names this route's own instance.
  const instanceMember =
    guard.name.includes('.') && !source.imports.some((binding) => binding.local === root) && !source.exports.some((binding) => binding.local === root);
  if (framework === 'fastify' && instanceMember) return imports;
  if (guard.file !== targetFile && !imports.some((entry) => entry.local === root)) {
    // The guard is defined in its own file: import it from there.
    if (python) {
      imports.push({ local: root, module: relativePythonModule(targetFile, guard.file), imported: root });
    } else {
      const exported = source.exports.find((binding) => binding.local === root);
      if (!exported) return undefined;
      imports.push({ local: root, module: relativeJsSpecifier(targetFile, guard.file), imported: exported.exported });
    }
  }
  return imports;
}

function rewriteModule(module: string, fromFile: string, toFile: string, python: boolean): string {
  if (fromFile === toFile) return module;
  if (python) {
    if (!module.startsWith('.')) return module;
    const target = relativePythonModulePath(fromFile, module);
    const bareRest = module.replace(/^\.+/, '');
    return relativePythonModule(toFile, bareRest ? `${target}.py` : `${target ? `${target}/` : ''}__init__.py`);
  }
  if (!isRelativeSpecifier(module)) return module;
  let specifier = posix.relative(posix.dirname(toFile), posix.normalize(posix.join(posix.dirname(fromFile), module)));
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return specifier; // written as the source file wrote it, extension (ESM `.js`) or not
}
