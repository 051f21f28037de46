// The Django guard fix, on the view itself: `@login_required` above a function view's `def`,
// `LoginRequiredMixin` as the first base of a class view (mixins must come before View to run
// first), and for DRF views `permission_classes` (a decorator or the first class attribute).
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Fix } from '../../../types';
import type { GuardFixInput, GuardToAdd } from '../../reader';
import { classBases, namedChildren, nodeRange, simpleAssignment } from '../../../languages/python-syntax';
import { decoratorFix, decoratorToAdd, hasDecorator } from '../decorator-fix';
import { importEdits, mergeInsertions, type ImportNeed } from '../fix-imports';

const LOGIN_REQUIRED = { text: 'login_required', imports: [{ local: 'login_required', module: 'django.contrib.auth.decorators', imported: 'login_required' }] };
const LOGIN_MIXIN = {
  text: 'LoginRequiredMixin',
  imports: [{ local: 'LoginRequiredMixin', module: 'django.contrib.auth.mixins', imported: 'LoginRequiredMixin' }],
};
const IS_AUTHENTICATED = {
  text: 'IsAuthenticated',
  imports: [{ local: 'IsAuthenticated', module: 'rest_framework.permissions', imported: 'IsAuthenticated' }],
};
const PERMISSION_DECORATOR: ImportNeed = { local: 'permission_classes', module: 'rest_framework.decorators', imported: 'permission_classes' };

export function addDjangoGuard(input: GuardFixInput): Fix | undefined {
  const { handler, python: root, file } = input;
  if (!handler || !root) return undefined;
  const definition = viewDefinition(root, handler.name, handler.range.start.line);
  if (!definition) return undefined;
  const context = { root, lines: file.lines, summary: input.summary };
  if (definition.type === 'function_definition') {
    const defLine = file.lines.positionAt(definition.startIndex).line;
    if (handler.restFramework) {
      if (hasDecorator(definition, 'permission_classes')) return undefined;
      const permission = guardOrDefault(input.guard, 'permission-class', IS_AUTHENTICATED);
      return decoratorFix(context, defLine, defLine, {
        text: `permission_classes([${permission.text}])`,
        imports: [PERMISSION_DECORATOR, ...permission.imports],
      });
    }
    const decorator = decoratorToAdd(input.guard, LOGIN_REQUIRED);
    return hasDecorator(definition, decorator.name) ? undefined : decoratorFix(context, defLine, defLine, decorator);
  }
  return handler.restFramework ? addPermissionClasses(input, definition) : addMixin(input, definition);
}

/** The module-level `def`/`class` the HandlerDecl was read from. */
function viewDefinition(root: Node, name: string, line: number): Node | undefined {
  for (const statement of namedChildren(root)) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const nameNode = definition?.childForFieldName('name');
    if (definition && nameNode?.text === name && nameNode.startPosition.row === line) return definition;
  }
  return undefined;
}

/** The chosen guard when it has the form this view needs, else the framework's own. */
function guardOrDefault(
  guard: GuardToAdd,
  kind: GuardToAdd['kind'],
  fallback: { text: string; imports: ImportNeed[] },
): { text: string; imports: ImportNeed[] } {
  return guard.kind === kind ? { text: guard.text, imports: guard.imports } : fallback;
}

function addMixin(input: GuardFixInput, cls: Node): Fix | undefined {
  const mixin = guardOrDefault(input.guard, 'mixin', LOGIN_MIXIN);
  const bases = classBases(cls);
  const first = bases[0];
  if (!first || bases.some((base) => base.text === mixin.text) || !input.python) return undefined;
  const lines = input.file.lines;
  const edits = [
    ...importEdits(mixin.imports, input.python, lines, input.summary),
    { range: nodeRange(first, lines), newText: `${mixin.text}, ${first.text}` },
  ];
  return { title: `Add ${mixin.text}`, safe: false, edits: mergeInsertions(edits, lines) };
}

function addPermissionClasses(input: GuardFixInput, cls: Node): Fix | undefined {
  const body = cls.childForFieldName('body');
  const statements = body ? namedChildren(body) : [];
  const lines = input.file.lines;
  if (!input.python || statements.length === 0 || statements.some((statement) => simpleAssignment(statement)?.target === 'permission_classes'))
    return undefined;
  const classLine = lines.positionAt(cls.startIndex).line;
  const firstLine = lines.positionAt(statements[0].startIndex).line;
  if (firstLine === classLine) return undefined; // `class V(APIView): pass` on one line
  const docstring = statements[0].type === 'expression_statement' && namedChildren(statements[0])[0]?.type === 'string';
  const line = docstring ? lines.positionAt(statements[0].endIndex).line + 1 : firstLine;
  if (line >= lines.lineCount) return undefined;
  const permission = guardOrDefault(input.guard, 'permission-class', IS_AUTHENTICATED);
  const indent = /^\s*/.exec(lines.lineText(firstLine))?.[0] ?? '';
  const eol = lines.text.includes('\r\n') ? '\r\n' : '\n';
  const offset = lines.lineStart(line);
  const text = `permission_classes = [${permission.text}]`;
  const edits = [
    ...importEdits(permission.imports, input.python, lines, input.summary),
    { range: lines.rangeOf(offset, offset), newText: `${indent}${text}${eol}` },
  ];
  return { title: `Add ${text}`, safe: false, edits: mergeInsertions(edits, lines) };
}
