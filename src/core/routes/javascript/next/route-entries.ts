// The routes of one Next.js file, each with the function that handles it: app-router method
// exports, the pages-router default export, and server actions. The reader turns these into the
// summary; the guard fix finds the handler to edit among them.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { LineIndex } from '../../../text';
import type { HandlerInfo, RouteDecl } from '../../model';
import type { RouteSourceFile } from '../../reader';
import { pagesApiMethods } from './api-methods';
import { jsInlineAuthCheck, jsVerifiesSignature } from '../auth-evidence';
import type { FunctionNode } from '../syntax';
import { handlerCallGuards, unwrapHandler } from './handler-guards';
import { topLevelResolver, type LocalResolver } from './locals';
import { nextRouteFile } from './paths';
import { serverActions } from './server-actions';

export interface NextRouteEntry {
  route: RouteDecl;
  fn?: FunctionNode;
}

const APP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export function nextRouteEntries(file: RouteSourceFile, program: TSESTree.Program): NextRouteEntry[] {
  const resolveLocal = topLevelResolver(program);
  const routeFile = nextRouteFile(file.path);
  const entries: NextRouteEntry[] = [];
  if (routeFile?.router === 'app') entries.push(...appRouteEntries(routeFile.path, program, file.lines, resolveLocal));
  if (routeFile?.router === 'pages-api') entries.push(...pagesApiEntries(routeFile.path, program, file.lines, resolveLocal));
  for (const action of serverActions(program, resolveLocal)) {
    const entry = entryFor(['POST'], `action:${action.name}`, action.nameNode, action.value, file.lines, resolveLocal);
    entry.route.serverAction = true;
    entries.push(entry);
  }
  return entries;
}

function appRouteEntries(path: string, program: TSESTree.Program, lines: LineIndex, resolveLocal: LocalResolver): NextRouteEntry[] {
  const entries: NextRouteEntry[] = [];
  for (const statement of program.body) {
    if (statement.type !== 'ExportNamedDeclaration') continue;
    const declaration = statement.declaration;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id && APP_METHODS.has(declaration.id.name)) {
      entries.push(entryFor([declaration.id.name], path, declaration.id, declaration, lines, resolveLocal));
    } else if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && APP_METHODS.has(declarator.id.name) && declarator.init) {
          entries.push(entryFor([declarator.id.name], path, declarator.id, declarator.init, lines, resolveLocal));
        } else if (declarator.id.type === 'ObjectPattern' && declarator.init?.type === 'Identifier') {
          // `export const { GET, POST } = handlers` (Auth.js): handled by the object's members.
          for (const property of declarator.id.properties) {
            if (property.type !== 'Property' || property.key.type !== 'Identifier' || !APP_METHODS.has(property.key.name)) continue;
            const entry = entryFor([property.key.name], path, property.key, undefined, lines, resolveLocal);
            entry.route.handlerRef = { local: declarator.init.name, member: property.key.name };
            entries.push(entry);
          }
        }
      }
    }
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
      if (!APP_METHODS.has(exported)) continue;
      const local = specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value);
      if (statement.source) {
        // `export { GET, POST } from '@/auth'`: the handler lives in another module.
        const entry = entryFor([exported], path, specifier.exported, undefined, lines, resolveLocal);
        entry.route.handlerRef = { module: statement.source.value, member: local };
        entries.push(entry);
      } else {
        const value = resolveLocal(local);
        const entry = entryFor([exported], path, specifier.exported, value, lines, resolveLocal);
        if (!value) entry.route.handlerRef = { local };
        entries.push(entry);
      }
    }
  }
  return entries;
}

function pagesApiEntries(path: string, program: TSESTree.Program, lines: LineIndex, resolveLocal: LocalResolver): NextRouteEntry[] {
  for (const statement of program.body) {
    if (statement.type !== 'ExportDefaultDeclaration') continue;
    const declaration = statement.declaration;
    const nameNode = declaration.type === 'Identifier' ? declaration : declaration.type === 'FunctionDeclaration' ? (declaration.id ?? undefined) : undefined;
    // An anonymous `export default async (req, res) => …` is registered by its `export default`.
    const registration = nameNode ?? { range: [statement.range[0], statement.range[0] + 'export default'.length] as [number, number] };
    const entry = entryFor(['ALL'], path, registration, declaration, lines, resolveLocal);
    if (entry.fn) entry.route.methods = pagesApiMethods(entry.fn, lines.text);
    if (!entry.fn && declaration.type === 'Identifier' && !resolveLocal(declaration.name)) entry.route.handlerRef = { local: declaration.name };
    return [entry];
  }
  return [];
}

function entryFor(
  methods: string[],
  path: string,
  registration: Registration,
  value: TSESTree.Node | undefined,
  lines: LineIndex,
  resolveLocal: LocalResolver,
): NextRouteEntry {
  const { fn, wrappers } = value ? unwrapHandler(value, lines, resolveLocal) : { fn: undefined, wrappers: [] };
  const route: RouteDecl = {
    framework: 'nextjs',
    methods,
    path,
    range: lines.rangeOf(registration.range[0], registration.range[1]),
    order: registration.range[0],
    guards: wrappers,
  };
  if (fn) route.handler = handlerInfo(fn, registration, lines);
  return { route, fn };
}

function handlerInfo(fn: FunctionNode, registration: Registration, lines: LineIndex): HandlerInfo {
  // A named function is found by its name; an anonymous one by the name it is exported under.
  const nameNode = fn.type !== 'ArrowFunctionExpression' && fn.id ? fn.id : registration;
  const info: HandlerInfo = { range: lines.rangeOf(nameNode.range[0], nameNode.range[1]), guards: handlerCallGuards(fn, lines) };
  if ('type' in nameNode && nameNode.type === 'Identifier') info.name = nameNode.name;
  const inlineCheck = jsInlineAuthCheck(fn, lines);
  if (inlineCheck) info.inlineCheck = inlineCheck;
  if (jsVerifiesSignature(fn)) info.verifiesSignature = true;
  return info;
}

/** Where a route is registered: the exported name, or the `export default` keywords. */
type Registration = TSESTree.Node | { range: [number, number] };
