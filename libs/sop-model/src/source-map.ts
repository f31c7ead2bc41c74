import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
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
  return {
    locate(pointer, options = {}) {
      let node: unknown = doc.contents;
      let keyNode: Node | undefined;
      let found: Node | null = (doc.contents as Node | null) ?? null;
      for (const segment of fromPointer(pointer)) {
        keyNode = undefined;
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
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
