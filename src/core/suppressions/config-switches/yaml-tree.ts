// A YAML value tree for `.eslintrc.yml` and Bandit's YAML config: block mappings and sequences by
// indentation (compact `- key: value` items included), flow collections, plain and quoted scalars.
// Block scalars (`|`, `>`) are stepped over: no switch is written as one. Only the first document
// is read. Line syntax (keys, item markers, document markers) comes from the shared YAML reader.
import { LineCursor } from '../../languages/config/lines';
import { decodeDoubleQuoted, decodeSingleQuoted } from '../../languages/config/yaml-scalars';
import {
  NULLS,
  countSpaces,
  findSingleQuoteClose,
  isDocumentMarker,
  isItemMarker,
  readKey,
  scanPlainLine,
  skipSpaces,
  skipToBlank,
  type Key,
} from '../../languages/config/yaml-syntax';
import { HASH, PERCENT, TAB, findUnescapedQuote, skipBlanks } from '../../languages/config/chars';
import { readFlowCollection } from './yaml-flow';
import { newList, newMap, type ConfigList, type ConfigMap, type ConfigNode } from './tree';

/** An open block collection and the column of its keys or dashes. */
interface Container {
  indent: number;
  node: ConfigMap | ConfigList;
}

/** A key or item whose value, if any, is a block on the following lines. */
interface Pending {
  indent: number;
  attach: (node: ConfigNode) => void;
  /** A key's block sequence may start at the key's own column (`key:` then `- item`). */
  isKey: boolean;
}

export function readYamlTree(text: string): ConfigNode | undefined {
  return new YamlTreeReader(text).read();
}

class YamlTreeReader {
  private readonly lines: LineCursor;
  private readonly stack: Container[] = [];
  private pending: Pending | undefined;
  private root: ConfigNode | undefined;

  constructor(private readonly text: string) {
    this.lines = new LineCursor(text);
  }

  read(): ConfigNode | undefined {
    const { text, lines } = this;
    while (lines.advance()) {
      const pos = skipSpaces(text, lines.start, lines.end);
      if (pos === lines.end) continue;
      const code = text.charCodeAt(pos);
      if (code === TAB || code === HASH) continue;
      if (pos === lines.start && isDocumentMarker(text, pos, lines.end)) {
        if (this.root) break;
        continue;
      }
      if (pos === lines.start && code === PERCENT) continue;
      this.readNode(pos, pos - lines.start);
    }
    return this.root;
  }

  private readNode(pos: number, indent: number): void {
    const { text, lines } = this;
    const isItem = isItemMarker(text, pos, lines.end);
    const key = isItem ? undefined : readKey(text, pos, lines.end);
    const pending = this.pending;
    this.pending = undefined;
    if (pending && (indent > pending.indent || (isItem && pending.isKey && indent === pending.indent))) {
      if (isItem) this.readItem(this.open(newList(), indent, pending.attach), pos);
      else if (key) this.readEntry(this.open(newMap(), indent, pending.attach), key, indent);
      else this.readValue(pos, pending.indent, pending.attach, false);
      return;
    }
    let top = this.stack[this.stack.length - 1];
    while (top && (top.indent > indent || (top.indent === indent && key !== undefined && top.node.kind === 'list'))) {
      this.stack.pop();
      top = this.stack[this.stack.length - 1];
    }
    if (isItem) {
      if (top && top.indent === indent && top.node.kind === 'list') this.readItem(top.node, pos);
      else if (!this.root) this.readItem(this.openRoot(newList(), indent), pos);
    } else if (key) {
      if (top && top.indent === indent && top.node.kind === 'map') this.readEntry(top.node, key, indent);
      else if (!this.root) this.readEntry(this.openRoot(newMap(), indent), key, indent);
    } else if (!this.root && !top) {
      this.readValue(pos, -1, (node) => (this.root = node), false); // a JSON-style document
    }
  }

  private open<T extends ConfigMap | ConfigList>(node: T, indent: number, attach: (node: ConfigNode) => void): T {
    attach(node);
    this.stack.push({ indent, node });
    return node;
  }

  private openRoot<T extends ConfigMap | ConfigList>(node: T, indent: number): T {
    this.root = node;
    this.stack.push({ indent, node });
    return node;
  }

  /** `- …` items, compact nested ones (`- - x`) in a loop so no input nests calls deeply. */
  private readItem(first: ConfigList, dash: number): void {
    const { text, lines } = this;
    let list = first;
    let dashPos = dash;
    for (;;) {
      const dashIndent = dashPos - lines.start;
      const content = skipBlanks(text, dashPos + 1, lines.end);
      const attach = (node: ConfigNode): void => {
        list.items.push(node);
      };
      if (content === lines.end || text.charCodeAt(content) === HASH) {
        this.pending = { indent: dashIndent, attach, isKey: false };
        return;
      }
      const contentIndent = content - lines.start;
      if (isItemMarker(text, content, lines.end)) {
        list = this.open(newList(), contentIndent, attach);
        dashPos = content;
        continue;
      }
      const key = readKey(text, content, lines.end);
      if (key) this.readEntry(this.open(newMap(), contentIndent, attach), key, contentIndent);
      else this.readValue(content, dashIndent, attach, false);
      return;
    }
  }

  private readEntry(map: ConfigMap, key: Key, indent: number): void {
    const attach = (node: ConfigNode): void => {
      map.entries.push({ key: key.name, keySpan: key.span, value: node });
    };
    this.readValue(skipBlanks(this.text, key.colon + 1, this.lines.end), indent, attach, true);
  }

  private readValue(pos: number, ownerIndent: number, attach: (node: ConfigNode) => void, isKey: boolean): void {
    const { text, lines } = this;
    const end = lines.end;
    let start = pos;
    // Anchors (`&name`) and tags (`!!str`) decorate the node that follows them.
    while (start < end && (text.charCodeAt(start) === 38 || text.charCodeAt(start) === 33)) start = skipBlanks(text, skipToBlank(text, start, end), end);
    const code = text.charCodeAt(start);
    if (start >= end || code === HASH) {
      this.pending = { indent: ownerIndent, attach, isKey };
    } else if (code === 124 || code === 62) {
      this.skipBlockScalar(ownerIndent); // `|` or `>`
    } else if (code === 34 || code === 39) {
      this.readQuoted(start, attach);
    } else if (code === 91 || code === 123) {
      const flow = readFlowCollection(text, start, ownerIndent);
      if (flow.node === undefined) {
        lines.resumeAt(flow.resumeAt); // the collection was never closed; read on from where it broke
        return;
      }
      attach(flow.node);
      this.continueAfter(flow.end);
    } else if (code !== 42 && code !== 64 && code !== 96) {
      // plain scalars; `*alias`, `@` and `` ` `` start no value we read
      const line = scanPlainLine(text, start, end);
      const value = text.slice(start, line.contentEnd);
      if (!line.hasMappingIndicator && !NULLS.has(value)) attach({ kind: 'scalar', value, span: { start, end: line.contentEnd }, quoted: false });
    }
  }

  private readQuoted(quote: number, attach: (node: ConfigNode) => void): void {
    const { text, lines } = this;
    const isDouble = text.charCodeAt(quote) === 34;
    const close = isDouble ? findUnescapedQuote(text, '"', quote + 1, lines.end) : findSingleQuoteClose(text, quote + 1, lines.end);
    if (close === -1) return; // multi-line quoted values hold no switch
    const value = isDouble ? decodeDoubleQuoted(text, quote + 1, close) : decodeSingleQuoted(text, quote + 1, close);
    if (value !== undefined) attach({ kind: 'scalar', value, span: { start: quote + 1, end: close }, quoted: true });
  }

  private skipBlockScalar(ownerIndent: number): void {
    const { text, lines } = this;
    let resumeAt = lines.next;
    while (lines.advance()) {
      const indent = countSpaces(text, lines.start, lines.end);
      const isBlank = skipBlanks(text, lines.start + indent, lines.end) === lines.end;
      if (!isBlank && indent <= ownerIndent) {
        resumeAt = lines.start;
        break;
      }
      resumeAt = lines.next;
    }
    lines.resumeAt(resumeAt);
  }

  /** After a flow collection: the line holding its closing bracket is done. */
  private continueAfter(offset: number): void {
    const { lines } = this;
    while (offset - 1 >= lines.end && lines.advance()) {
      // Move onto the line holding the closing bracket.
    }
  }
}
