import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import { fromPointer } from './json-pointer';

export interface SourcePosition {
  line: number;
  column: number;
}

/** Finds where a JSON pointer lands in a parsed YAML document. */
export interface SourceMap {
  /**
   * The position of the node at `pointer`. When the pointer names something that does not exist
   * (a missing property), the position of the deepest node that does. With `key`, the position of
   * the property's key rather than its value.
   */
  locate(pointer: string, options?: { key?: boolean }): SourcePosition;
}

/** Creates a source map over a document parsed with a line counter. */
export function createSourceMap(doc: Document, lineCounter: LineCounter): SourceMap {
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // each mapping's pairs by key, built when first needed: locating every issue of a mapping with
  // thousands of keys stays linear (a search of its items per issue made 10,000 keys take seconds)
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, segment: string): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        // the first pair of a key, as the search it replaces found
        if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
      }
      indexes.set(map, index);
    }
    return index.get(segment);
  };
  return {
    locate(pointer, options = {}) {
      let node: unknown = doc.contents;
      let keyNode: Node | undefined;
      let found: Node | null = (doc.contents as Node | null) ?? null;
      for (const segment of fromPointer(pointer)) {
        keyNode = undefined;
        if (isMap(node)) {
          const pair = pairOf(node, segment);
          if (!pair) break;
          keyNode = pair.key as Node;
          node = pair.value;
          found = (pair.value as Node | null) ?? keyNode;
        } else if (isSeq(node)) {
          const item = node.items[Number(segment)];
          if (item === undefined) break;
          node = item;
          found = item as Node;
        } else {
          break;
        }
      }
      const target = options.key && keyNode ? keyNode : found;
      const offset = target?.range?.[0] ?? 0;
      return position(offset);
    },
  };
}
