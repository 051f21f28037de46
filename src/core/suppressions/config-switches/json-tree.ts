// JSON and JSONC (`.eslintrc.json`, `package.json`) through jsonc-parser's parseTree, the parser
// the shared JSON reader is built on, so both agree on what the file holds. Numbers and booleans
// keep their raw text; strings their decoded value with the span inside the quotes.
import { parseTree, type Node } from 'jsonc-parser';
import type { ConfigMapEntry, ConfigNode } from './tree';

export function readJsonTree(text: string): ConfigNode | undefined {
  // jsonc-parser does not skip a byte order mark; a space keeps every offset in place.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  try {
    const root = parseTree(source, [], { allowTrailingComma: true, disallowComments: false });
    return root ? toConfigNode(root, source) : undefined;
  } catch (error) {
    // parseTree recurses once per nesting level; thousands of `[` exhaust the stack.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function toConfigNode(node: Node, text: string): ConfigNode | undefined {
  switch (node.type) {
    case 'object': {
      const entries: ConfigMapEntry[] = [];
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        const converted = value ? toConfigNode(value, text) : undefined;
        const name: unknown = key?.value;
        if (!key || typeof name !== 'string' || !converted) continue;
        entries.push({ key: name, keySpan: { start: key.offset + 1, end: key.offset + key.length - 1 }, value: converted });
      }
      return { kind: 'map', entries };
    }
    case 'array': {
      const items: ConfigNode[] = [];
      for (const item of node.children ?? []) {
        const converted = toConfigNode(item, text);
        if (converted) items.push(converted);
      }
      return { kind: 'list', items };
    }
    case 'string': {
      const value: unknown = node.value;
      if (typeof value !== 'string') return undefined;
      return { kind: 'scalar', value, span: { start: node.offset + 1, end: node.offset + node.length - 1 }, quoted: true };
    }
    case 'number':
    case 'boolean':
      return {
        kind: 'scalar',
        value: text.slice(node.offset, node.offset + node.length),
        span: { start: node.offset, end: node.offset + node.length },
        quoted: false,
      };
    default:
      return undefined;
  }
}
