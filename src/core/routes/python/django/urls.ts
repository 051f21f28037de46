// Django URL configuration: `urlpatterns` (one container per urls module) with `path`/`re_path`/
// `url` entries to views or `include(...)`s, and DRF routers (`router.register('users', UserViewSet)`)
// whose `router.urls` are included or added to `urlpatterns`.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ContainerDecl, FileRoutes, GuardCandidate, Reference, RouteDecl } from '../../model';
import type { RouteSourceFile } from '../../reader';
import {
  allAssignments,
  dottedName,
  isInsideFunction,
  lastSegment,
  listItems,
  namedChildren,
  nodeRange,
  positionalArguments,
  unwrapParens,
} from '../../../languages/python-syntax';
import { stringValue } from '../../../languages/python-string-literals';
import { referenceTo } from '../handler';

const ROUTE_FUNCTIONS: ReadonlySet<string> = new Set(['path', 're_path', 'url']);
const DRF_ROUTERS: ReadonlySet<string> = new Set(['DefaultRouter', 'SimpleRouter', 'NestedSimpleRouter', 'NestedDefaultRouter']);
const URLPATTERNS = 'urlpatterns';

export function readDjangoUrls(file: RouteSourceFile, root: Node, into: FileRoutes): void {
  new UrlsModule(file, root, into).read();
}

class UrlsModule {
  private readonly routers = new Set<string>();

  constructor(
    private readonly file: RouteSourceFile,
    private readonly root: Node,
    private readonly into: FileRoutes,
  ) {}

  read(): void {
    this.readRouters();
    const assignments = ['assignment', 'augmented_assignment']
      .flatMap((type) => this.root.descendantsOfType(type))
      .filter((node): node is Node => !!node && node.childForFieldName('left')?.text === URLPATTERNS && !isInsideFunction(node))
      .sort((a, b) => a.startIndex - b.startIndex);
    if (assignments.length === 0) return;
    this.into.containers.push({ name: URLPATTERNS, framework: 'django', kind: 'router', range: nodeRange(assignments[0], this.file.lines), guards: [] });
    for (const assignment of assignments) {
      const value = assignment.childForFieldName('right');
      if (value) this.readPatterns(value);
    }
  }

  private readRouters(): void {
    const lines = this.file.lines;
    for (const { target, value, node } of allAssignments(this.root)) {
      if (value.type !== 'call' || !DRF_ROUTERS.has(lastSegment(dottedName(value.childForFieldName('function')) ?? ''))) continue;
      const container: ContainerDecl = { name: target, framework: 'django', kind: 'router', range: nodeRange(node, lines), guards: [] };
      this.routers.add(target);
      this.into.containers.push(container);
    }
    for (const call of this.root.descendantsOfType('call')) {
      const callee = call ? dottedName(call.childForFieldName('function')) : undefined;
      if (!call || !callee?.endsWith('.register') || !this.routers.has(callee.slice(0, -'.register'.length))) continue;
      const [prefix, viewset] = positionalArguments(call);
      const path = stringValue(prefix);
      const handlerRef = viewset ? referenceTo(viewset) : undefined;
      if (path === undefined || !handlerRef) continue;
      this.into.routes.push({
        framework: 'django',
        container: callee.slice(0, -'.register'.length),
        methods: ['ALL'],
        path,
        range: nodeRange(call, lines),
        order: call.startIndex,
        guards: [],
        handlerRef,
      });
    }
  }

  /** A list of patterns, `a + b`, `router.urls`, `i18n_patterns(...)`. */
  private readPatterns(value: Node): void {
    const node = unwrapParens(value);
    if (node.type === 'binary_operator') {
      for (const side of [node.childForFieldName('left'), node.childForFieldName('right')]) if (side) this.readPatterns(side);
      return;
    }
    const items = listItems(node);
    if (items) {
      for (const item of items) this.readEntry(item);
      return;
    }
    if (node.type === 'call' && lastSegment(dottedName(node.childForFieldName('function')) ?? '') === 'i18n_patterns') {
      for (const item of positionalArguments(node)) this.readEntry(item);
      return;
    }
    const included = this.includedUrls(node);
    if (included)
      this.into.mounts.push({ parent: URLPATTERNS, child: included, prefix: '', order: node.startIndex, range: nodeRange(node, this.file.lines), guards: [] });
  }

  private readEntry(entry: Node): void {
    if (entry.type !== 'call' || !ROUTE_FUNCTIONS.has(lastSegment(dottedName(entry.childForFieldName('function')) ?? ''))) return;
    const [routeNode, viewNode] = positionalArguments(entry);
    const path = stringValue(routeNode);
    if (path === undefined || !viewNode) return;
    const lines = this.file.lines;
    const view = unwrapParens(viewNode);
    if (view.type === 'call' && lastSegment(dottedName(view.childForFieldName('function')) ?? '') === 'include') {
      const child = this.includeTarget(view);
      if (child) this.into.mounts.push({ parent: URLPATTERNS, child, prefix: path, order: entry.startIndex, range: nodeRange(entry, lines), guards: [] });
      return;
    }
    if (dottedName(view)?.endsWith('site.urls')) return; // Django's admin site checks staff login itself
    const route: RouteDecl = {
      framework: 'django',
      container: URLPATTERNS,
      methods: ['ALL'],
      path,
      range: nodeRange(entry, lines),
      order: entry.startIndex,
      guards: [],
    };
    const target = this.unwrapView(view, route.guards);
    const reference = target ? this.viewReference(target, route) : undefined;
    if (reference) route.handlerRef = reference;
    this.into.routes.push(route);
  }

  /** `include('api.urls')`, `include(('api.urls', 'api'))`, `include(router.urls)`, `include(api_urls)`. */
  private includeTarget(call: Node): Reference | undefined {
    const argument = positionalArguments(call)[0];
    if (!argument) return undefined;
    const first = listItems(argument)?.[0] ?? argument;
    const module = stringValue(first);
    if (module !== undefined) return { module };
    return this.includedUrls(unwrapParens(first)) ?? referenceTo(first);
  }

  /** `router.urls` of a DRF router (local or imported `…router`) is that router; `api.urls` of a module stays a member. */
  private includedUrls(node: Node): Reference | undefined {
    const name = dottedName(node);
    if (!name?.endsWith('.urls')) return undefined;
    const owner = name.slice(0, -'.urls'.length);
    if (this.routers.has(owner) || /router$/i.test(owner)) return referenceTo(node.childForFieldName('object') ?? node);
    return referenceTo(node);
  }

  /** `login_required(views.panel)`: the wrapper guards the route, the inner expression is the view. */
  private unwrapView(view: Node, guards: GuardCandidate[]): Node | undefined {
    let current = view;
    while (current.type === 'call' && !dottedName(current.childForFieldName('function'))?.endsWith('.as_view')) {
      const wrapper = current.childForFieldName('function');
      const inner = positionalArguments(current)[0];
      // `user_passes_test(lambda u: u.is_staff)(view)`: the wrapper is itself a call.
      const name = dottedName(wrapper?.type === 'call' ? wrapper.childForFieldName('function') : wrapper);
      if (!wrapper || !inner || !name) return undefined;
      guards.push({ name, text: wrapper.text, range: nodeRange(wrapper, this.file.lines), kind: 'decorator' });
      current = unwrapParens(inner);
    }
    return current;
  }

  /** `views.panel`, `AdminView.as_view()`, `UserViewSet.as_view({'get': 'list'})` (its keys are the methods). */
  private viewReference(view: Node, route: RouteDecl): Reference | undefined {
    if (view.type !== 'call') return referenceTo(view);
    const callee = view.childForFieldName('function');
    const cls = callee?.childForFieldName('object');
    if (!cls) return undefined;
    const actions = positionalArguments(view)[0];
    if (actions?.type === 'dictionary') {
      const methods = namedChildren(actions)
        .map((pair) => stringValue(pair.childForFieldName('key') ?? undefined))
        .filter((key): key is string => !!key);
      if (methods.length > 0) route.methods = methods.map((method) => method.toUpperCase());
    }
    return referenceTo(cls);
  }
}
