// Project-wide Django auth settings: `MIDDLEWARE` entries (Django's LoginRequiredMiddleware and the
// project's own middleware; Django's other middleware never rejects a request) and DRF's
// `REST_FRAMEWORK['DEFAULT_PERMISSION_CLASSES']`. A settings module also names its project's
// `ROOT_URLCONF`: its settings guard the routes under that urls module only (monorepos).
import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileRoutes } from '../../model';
import type { RouteSourceFile } from '../../reader';
import { lastSegment, listItems, namedChildren, nodeRange, unwrapParens } from '../../../languages/python-syntax';
import { stringValue } from '../../../languages/python-string-literals';

const LOGIN_REQUIRED_MIDDLEWARE = 'django.contrib.auth.middleware.LoginRequiredMiddleware';
/** Top-level names only a settings module assigns. */
const SETTINGS_NAMES: ReadonlySet<string> = new Set(['MIDDLEWARE', 'REST_FRAMEWORK', 'ROOT_URLCONF', 'INSTALLED_APPS']);

export function readDjangoSettings(file: RouteSourceFile, root: Node, into: FileRoutes): void {
  for (const statement of namedChildren(root)) {
    const assignment = statement.type === 'expression_statement' ? namedChildren(statement)[0] : undefined;
    if (assignment?.type !== 'assignment' && assignment?.type !== 'augmented_assignment') continue;
    const target = assignment.childForFieldName('left')?.text;
    const value = assignment.childForFieldName('right');
    if (!value) continue;
    if (target && SETTINGS_NAMES.has(target)) into.djangoSettings ??= {};
    if (target === 'MIDDLEWARE') readMiddleware(file, value, into);
    if (target === 'REST_FRAMEWORK') readRestFramework(file, value, into);
    const urlconf = target === 'ROOT_URLCONF' ? stringValue(value) : undefined;
    if (urlconf) into.djangoSettings!.rootUrlconf = urlconf;
  }
}

function readMiddleware(file: RouteSourceFile, value: Node, into: FileRoutes): void {
  for (const item of listItems(value) ?? []) {
    const path = stringValue(item);
    if (!path || (path.startsWith('django.') && path !== LOGIN_REQUIRED_MIDDLEWARE)) continue;
    into.projectGuards.push({ framework: 'django', kind: 'project-middleware', name: lastSegment(path), text: item.text, range: nodeRange(item, file.lines) });
  }
}

function readRestFramework(file: RouteSourceFile, value: Node, into: FileRoutes): void {
  const settings = unwrapParens(value);
  if (settings.type !== 'dictionary') return;
  for (const pair of namedChildren(settings)) {
    if (pair.type !== 'pair' || stringValue(pair.childForFieldName('key') ?? undefined) !== 'DEFAULT_PERMISSION_CLASSES') continue;
    for (const item of listItems(pair.childForFieldName('value') ?? undefined) ?? []) {
      const path = stringValue(item);
      if (!path) continue;
      const name = lastSegment(path);
      into.projectGuards.push({
        framework: 'django',
        kind: 'permission-class',
        name,
        text: item.text,
        range: nodeRange(item, file.lines),
        ...(name === 'AllowAny' ? { allowsAny: true } : {}),
      });
    }
  }
}
