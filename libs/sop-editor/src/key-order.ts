import { sopSchema } from '@sop/model';

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

const root = sopSchema as unknown as SchemaNode & { $defs: Record<string, SchemaNode> };

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let guard = 0; current?.$ref && guard < 10; guard++) {
    current = root.$defs[current.$ref.replace('#/$defs/', '')];
  }
  return current;
}

/**
 * The keys of the object at a path of the SOP document, in the order the schema declares them
 * (the order the SOP files write them). A key a command adds goes where this order puts it.
 *
 * @example
 * keyOrderAt(['steps', 0]) // ['id', 'number', 'kind', 'lane', 'label', 'activity', …]
 */
export function keyOrderAt(path: readonly (string | number)[]): readonly string[] {
  let node = resolve(root);
  for (const segment of path) {
    if (!node) break;
    if (node.items) node = resolve(node.items);
    else {
      const key = String(segment);
      const pattern = Object.entries(node.patternProperties ?? {}).find(([p]) => new RegExp(p).test(key))?.[1];
      node = resolve(node.properties?.[key] ?? pattern);
    }
  }
  return Object.keys(node?.properties ?? {});
}

export const STEP_KEYS = keyOrderAt(['steps', 0]);
export const LANE_KEYS = keyOrderAt(['lanes', 0]);
export const OUTCOME_KEYS = keyOrderAt(['steps', 0, 'outcomes', 0]);
export const JUMP_KEYS = keyOrderAt(['steps', 0, 'escalation']);
