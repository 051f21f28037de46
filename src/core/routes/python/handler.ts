// The HandlerInfo of a Python view function: its name, and what its body shows (an inline auth
// check, a webhook signature check). Decorator guards stay with the route, because in Flask and
// FastAPI only the decorators below the route decorator apply to it.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../text';
import type { HandlerInfo, Reference } from '../model';
import { dottedName, nodeRange, unwrapParens } from '../../languages/python-syntax';
import { pythonInlineAuthCheck, pythonVerifiesSignature } from './auth-evidence';

export function functionHandler(fn: Node, lines: LineIndex): HandlerInfo {
  const name = fn.childForFieldName('name');
  const handler: HandlerInfo = { range: nodeRange(name ?? fn, lines), guards: [] };
  if (name) handler.name = name.text;
  const inlineCheck = pythonInlineAuthCheck(fn, lines);
  if (inlineCheck) handler.inlineCheck = inlineCheck;
  if (pythonVerifiesSignature(fn)) handler.verifiesSignature = true;
  return handler;
}

/** `views.admin_panel` → { local: 'views', member: 'admin_panel' }; `admin_bp` → { local: 'admin_bp' }. */
export function referenceTo(expression: Node): Reference | undefined {
  const name = dottedName(unwrapParens(expression));
  if (!name) return undefined;
  const dot = name.indexOf('.');
  return dot < 0 ? { local: name } : { local: name.slice(0, dot), member: name.slice(dot + 1) };
}
