import { LANE_ROLES, roleDescription, sopSchema } from '@sop/model';
import type { SchemaNode } from './schema-completion';
import { SCHEMA_NOTES_ID } from './schema-notes-id';

/** A schema's descriptions by JSON pointer: `…/description` a text, `…/enumDescriptions` one per value. */
export type SchemaNotes = Readonly<Record<string, string | readonly string[]>>;

const escapeSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Every JSON pointer of `schema` that holds a description (`…/description`) or the descriptions of
 * an enum's values (`…/enumDescriptions`), with what it holds, in the schema's order.
 */
export function schemaNotes(schema: unknown): Map<string, string | readonly string[]> {
  const notes = new Map<string, string | readonly string[]>();
  const walk = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${pointer}/${i}`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${escapeSegment(key)}`;
      if (key === 'description' && typeof value === 'string') notes.set(at, value);
      else if (key === 'enumDescriptions' && Array.isArray(value)) notes.set(at, value as string[]);
      else walk(value, at);
    }
  };
  walk(schema, '');
  return notes;
}

/**
 * A copy of `schema` whose descriptions are replaced by `notes` where it has them (the rest stays as
 * written), so the YAML pane's completion speaks the page's language with the same schema walk.
 */
export function localizeSchema(schema: SchemaNode, notes: SchemaNotes): SchemaNode {
  const copy = (node: unknown, pointer: string): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => copy(item, `${pointer}/${i}`));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${escapeSegment(key)}`;
      const note = key === 'description' || key === 'enumDescriptions' ? notes[at] : undefined;
      out[key] = note ?? copy(value, at);
    }
    return out;
  };
  return copy(schema, '') as SchemaNode;
}

/** The Indonesian notes of the SOP language: the schema's, and the lane roles' from their own module. */
export const SOP_SCHEMA_NOTES_ID: SchemaNotes = {
  ...SCHEMA_NOTES_ID,
  '/$defs/LaneRole/enumDescriptions': LANE_ROLES.map((role) => roleDescription(role, 'id')),
};

let indonesian: SchemaNode | undefined;

/** The SOP language's schema for completion in a language of the UI (built once, on first use). */
export function sopSchemaIn(lang: 'id' | 'en'): SchemaNode {
  if (lang === 'en') return sopSchema as unknown as SchemaNode;
  indonesian ??= localizeSchema(sopSchema as unknown as SchemaNode, SOP_SCHEMA_NOTES_ID);
  return indonesian;
}
