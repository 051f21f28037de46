// `app.use(jwt({ secret }).unless({ path: ['/login', /^\/public/] }))` (express-jwt, koa-jwt,
// express-unless): the guard is recorded on the container like any middleware, and the paths it
// exempts are explicit exemptions — routes of this file at those paths are marked public with the
// exempting entry as the marker. The entries are full request paths, so only routes whose declared
// path (with their container's own prefix) equals a string entry or matches a regex entry are
// marked; a route mounted from another file under a prefix stays "guarded" (a known gap). Regex
// entries run on a linear-time engine; one it cannot run (lookaround, backreferences) decides
// nothing, and the routes it might exempt say so.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { compileForeignRegex } from '../../languages/foreign-regex';
import type { ContainerDecl, RouteDecl } from '../model';
import type { JsRouteContext } from './route-context';
import { memberCall, objectProperty, unwrap } from './syntax';

interface Exemption {
  /** Undefined when the entry's pattern could not be run: no verdict. */
  matches(path: string): boolean | undefined;
  node: TSESTree.Node;
  unsupported?: string;
}

export function markUnlessPaths(containers: readonly ContainerDecl[], routes: RouteDecl[], context: JsRouteContext): void {
  const exemptions = unlessExemptions(context);
  if (exemptions.length === 0) return;
  for (const route of routes) {
    if (route.public) continue;
    const prefix = containers.find((container) => container.name === route.container)?.prefix ?? '';
    const full = joinPath(prefix, route.path);
    const exemption = exemptions.find((candidate) => candidate.matches(full) === true);
    if (exemption)
      route.public = {
        text: context.text.slice(exemption.node.range[0], exemption.node.range[1]),
        range: context.lines.rangeOf(exemption.node.range[0], exemption.node.range[1]),
      };
    const undecided = exemption ? undefined : exemptions.find((candidate) => candidate.unsupported);
    if (undecided) {
      const text = context.text.slice(undecided.node.range[0], undecided.node.range[1]);
      route.exemptionUndecided = { text, reason: `${text} in .unless() was not run (${undecided.unsupported}): it may exempt this route` };
    }
  }
}

function unlessExemptions(context: JsRouteContext): Exemption[] {
  const exemptions: Exemption[] = [];
  for (const call of context.parents.calls) {
    const member = memberCall(call);
    if (member?.method !== 'unless' || member.object.type !== 'CallExpression') continue;
    const paths = objectProperty(call.arguments[0], 'path');
    if (!paths) continue;
    const value = unwrap(paths.value);
    const entries = value.type === 'ArrayExpression' ? value.elements : [value];
    for (const entry of entries) {
      if (!entry || entry.type === 'SpreadElement') continue;
      const exemption = exemptionOf(unwrap(entry));
      if (exemption) exemptions.push(exemption);
    }
  }
  return exemptions;
}

function exemptionOf(entry: TSESTree.Node): Exemption | undefined {
  if (entry.type === 'Literal' && typeof entry.value === 'string') {
    const path = entry.value;
    return { node: entry, matches: (candidate) => candidate === path };
  }
  if (entry.type === 'Literal' && 'regex' in entry && entry.regex) {
    const pattern = compileForeignRegex(entry.regex.pattern, entry.regex.flags);
    if ('unsupported' in pattern) return { node: entry, matches: () => undefined, unsupported: pattern.unsupported };
    return { node: entry, matches: (candidate) => pattern.test(candidate) };
  }
  // `{ url: '/login', methods: ['POST'] }`: the path only; methods are not modelled.
  const url = objectProperty(entry, 'url');
  return url ? exemptionOf(unwrap(url.value)) : undefined;
}

function joinPath(prefix: string, path: string): string {
  if (!prefix) return path;
  return `${prefix.replace(/\/$/, '')}/${path.replace(/^\//, '')}`.replace(/\/$/, '') || '/';
}
