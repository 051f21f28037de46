// Which state-changing methods a Django view serves, for routes that accept any method (a
// `path()` to a view): what DRF's generic views and viewsets do by their bases (`ModelViewSet`,
// `DestroyAPIView`, `CreateModelMixin`) and Django's edit views (`DeleteView`, `FormView`), which
// handler methods a class defines (`def post`, `def destroy`, `@action(methods=['post'])`), and
// for a function view, the methods its body branches on (`if request.method == 'POST'`,
// `request.POST[...]`) or a deletion it makes.
import type { Node } from '@vscode/tree-sitter-wasm';
import { calleeOf, decoratorExpression, decoratorsOf, keywordValue, lastSegment, namedChildren, walk } from '../../../languages/python-syntax';
import { stringItems, stringValue } from '../../../languages/python-string-literals';

const ORDER = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Method names of a class view or viewset → the HTTP methods they serve. */
const HANDLER_METHODS: Record<string, string[]> = {
  post: ['POST'],
  put: ['PUT'],
  patch: ['PATCH'],
  delete: ['DELETE'],
  create: ['POST'],
  update: ['PUT'],
  partial_update: ['PATCH'],
  destroy: ['DELETE'],
};

/** Base-class names (last segment) → what they serve: DRF generics and mixins, Django's edit views. */
function baseWrites(base: string): string[] {
  if (/ReadOnly/.test(base)) return [];
  if (base === 'ModelViewSet') return ['POST', 'PUT', 'PATCH', 'DELETE'];
  const writes: string[] = [];
  if (/^(Create|Update|Delete|Form)View$|^BaseFormView$/.test(base)) writes.push('POST');
  if (/Create(APIView|ModelMixin)$|ListCreateAPIView$/.test(base)) writes.push('POST');
  if (/Update(Destroy)?(APIView|ModelMixin)$/.test(base)) writes.push('PUT', 'PATCH');
  if (/Destroy(APIView|ModelMixin)$|^DeleteView$/.test(base)) writes.push('DELETE');
  return writes;
}

/** A class view: by its bases and the handler methods it defines. */
export function classViewWrites(bases: readonly string[], methods: ReadonlyMap<string, Node>): string[] {
  const writes = bases.flatMap((base) => baseWrites(lastSegment(base)));
  for (const [name, method] of methods) {
    writes.push(...(HANDLER_METHODS[name] ?? []));
    writes.push(...actionMethods(method));
  }
  return ordered(writes);
}

/** A function view: the write methods it compares `request.method` with, `request.POST` reads, `.delete()` calls. */
export function functionViewWrites(fn: Node): string[] {
  const request = firstParameter(fn);
  const writes: string[] = [];
  walk(fn.childForFieldName('body') ?? fn, (node) => {
    if (node.type === 'comparison_operator' && namedChildren(node).some((side) => side.text === `${request}.method`)) {
      for (const side of namedChildren(node)) writes.push(...(stringItems(side) ?? [stringValue(side) ?? '']).map((method) => method.toUpperCase()));
    } else if (node.type === 'attribute' && node.text === `${request}.POST`) {
      writes.push('POST');
    } else if (node.type === 'call' && isModelDeletion(node)) {
      // `Post.objects.get(pk=pk).delete()`, `order.delete()`: served on whatever method the route takes.
      writes.push('DELETE');
    }
  });
  return ordered(writes);
}

/** `x.delete()` without arguments: a model or queryset deletion (`cache.delete(key)` takes one). */
function isModelDeletion(call: Node): boolean {
  const callee = call.childForFieldName('function');
  return (
    callee?.type === 'attribute' &&
    callee.childForFieldName('attribute')?.text === 'delete' &&
    namedChildren(call.childForFieldName('arguments') ?? call).length === 0
  );
}

/** `@action(detail=True, methods=['post'])` on a viewset method. */
function actionMethods(method: Node): string[] {
  for (const decorator of decoratorsOf(method)) {
    const expression = decoratorExpression(decorator);
    const { name, call } = expression ? calleeOf(expression) : {};
    if (lastSegment(name ?? '') !== 'action' || !call) continue;
    return (stringItems(keywordValue(call, 'methods')) ?? []).map((method) => method.toUpperCase());
  }
  return [];
}

function firstParameter(fn: Node): string {
  const first = namedChildren(fn.childForFieldName('parameters') ?? fn)[0];
  return first?.type === 'identifier' ? first.text : 'request';
}

function ordered(methods: readonly string[]): string[] {
  return ORDER.filter((method) => methods.includes(method));
}
