// `app.use(jwt({ secret }).unless({ path: ['/login', /^\/public/] }))` (express-jwt, koa-jwt,
// express-unless): the guard is recorded on the container like any middleware, and the paths it
// exempts are explicit exemptions — routes of this file at those paths are marked public with the
// exempting entry as the marker. The entries are full request paths, so only routes whose declared
// path (with their container's own prefix) equals a string entry or matches a regex entry are
// marked; a route mounted from another file under a prefix stays "guarded" (a known gap).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ContainerDecl, RouteDecl } from '../model';
import type { JsRouteContext } from './js-route-context';
import { memberCall, objectProperty, unwrap } from './js-syntax';

interface Exemption {
  matches(path: string): boolean;
  node: TSESTree.Node;
}

export function markUnlessPaths(containers: readonly ContainerDecl[], routes: RouteDecl[], context: JsRouteContext): void {
  const exemptions = unlessExemptions(context);
  if (exemptions.length === 0) return;
  for (const route of routes) {
    if (route.public) continue;
    const prefix = containers.find((container) => container.name === route.container)?.prefix ?? '';
    const full = joinPath(prefix, route.path);
    const exemption = exemptions.find((candidate) => candidate.matches(full));
    if (exemption) route.public = { text: context.text.slice(exemption.node.range[0], exemption.node.range[1]), range: context.lines.rangeOf(exemption.node.range[0], exemption.node.range[1]) };
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
    let pattern: RegExp;
    try {
      pattern = new RegExp(entry.regex.pattern, entry.regex.flags.replace(/[gy]/g, ''));
    } catch {
      return undefined;
    }
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
