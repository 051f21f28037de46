// Names for named placeholders (`:code`): taken from the value's expression so the rewritten
// query reads like the original (`{couponCode}` → `:couponCode`, `request.args.get("code")` →
// `:code`), made unique against names the statement or its params already use.
import type { Node } from '@vscode/tree-sitter-wasm';
import { positionalArguments, unwrapParens } from '../../languages/python-syntax';
import { constantString } from '../../languages/python-string-literals';

export function parameterNamer(holeNodes: readonly Node[], taken: Iterable<string>): (hole: number) => string {
  const used = new Set(taken);
  const names = new Map<number, string>();
  return (hole) => {
    let name = names.get(hole);
    if (name) return name;
    const base = suggestedName(holeNodes[hole]) ?? 'value';
    name = base;
    for (let suffix = 2; used.has(name); suffix++) name = `${base}_${suffix}`;
    used.add(name);
    names.set(hole, name);
    return name;
  };
}

function suggestedName(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const inner = unwrapParens(node);
  let candidate: string | undefined;
  switch (inner.type) {
    case 'identifier':
      candidate = inner.text;
      break;
    case 'attribute':
      candidate = inner.childForFieldName('attribute')?.text;
      break;
    case 'subscript': {
      const key = inner.childForFieldName('subscript');
      candidate = key ? constantString(key) : undefined;
      break;
    }
    case 'call': {
      // request.args.get("code"), str(user.id)
      const [first] = positionalArguments(inner);
      candidate = first ? (constantString(first) ?? suggestedName(first)) : undefined;
      break;
    }
    default:
      break;
  }
  return candidate && /^[A-Za-z_]\w*$/.test(candidate) ? candidate : undefined;
}
