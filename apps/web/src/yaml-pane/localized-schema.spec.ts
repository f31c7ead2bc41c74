import { sopSchema } from '@sop/model';
import { localizeSchema, schemaNotes, sopSchemaIn, SOP_SCHEMA_NOTES_ID } from './localized-schema';
import { completeYaml, type CompletionWords, type DocumentIds, type SchemaNode } from './schema-completion';

const ids: DocumentIds = { lanes: ['petugas', 'kasi'], steps: ['terima', 'periksa'], templates: [] };
const WORDS: CompletionWords = { required: 'wajib', types: { string: 'teks' } };
const WORDS_EN: CompletionWords = { required: 'required', types: {} };

describe('the SOP language in Bahasa Indonesia', () => {
  it('has an Indonesian note for every description of the schema, and none for a description the schema no longer has', () => {
    const english = schemaNotes(sopSchema);
    expect(english.size).toBeGreaterThan(80);
    expect(Object.keys(SOP_SCHEMA_NOTES_ID).sort()).toEqual([...english.keys()].sort());
    for (const [pointer, text] of english) {
      const note = SOP_SCHEMA_NOTES_ID[pointer];
      if (Array.isArray(text)) expect([pointer, (note as readonly string[]).length]).toEqual([pointer, text.length]);
      else expect([pointer, typeof note]).toEqual([pointer, 'string']);
      for (const line of [note].flat()) expect([pointer, line.trim().length > 0]).toEqual([pointer, true]);
    }
  });

  it('keeps the words a note must not translate: the keys and values an author writes', () => {
    // every `code` span, 'quoted' value, camelCase key, regulation number and example of the English stays in the Indonesian
    const kept = /`[^`]+`|'[a-z][\w-]*'|\b[a-z]+[A-Z]\w*\b|\b\d+\/\d{4}\b|https?:\/\/\S+/g;
    let checked = 0;
    for (const [pointer, text] of schemaNotes(sopSchema)) {
      const english = [text].flat();
      const indonesian = [SOP_SCHEMA_NOTES_ID[pointer]].flat();
      english.forEach((line, i) => {
        for (const word of line.match(kept) ?? []) {
          checked++;
          expect([pointer, word, indonesian[i].includes(word)]).toEqual([pointer, word, true]);
        }
      });
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('replaces only the descriptions: the schema walk gives the same keys and values in both languages', () => {
    const localized = localizeSchema(sopSchema as unknown as SchemaNode, SOP_SCHEMA_NOTES_ID);
    const strip = (node: unknown): unknown =>
      JSON.parse(JSON.stringify(node, (key: string, value: unknown) => (key === 'description' || key === 'enumDescriptions' ? undefined : value)));
    expect(strip(localized)).toEqual(strip(sopSchema));
    expect(sopSchemaIn('en')).toBe(sopSchema);
  });

  it("leaves no note in English: each differs from the schema's, but the few the schema already writes in Indonesian", () => {
    const alreadyIndonesian = [
      // the SOP-AP's own column and field names, which the schema quotes
      '/$defs/Identity/properties/number/description',
      '/$defs/Identity/properties/title/description',
      '/$defs/Identity/properties/approvedBy/description',
      '/$defs/Step/properties/activity/description',
      '/$defs/Step/properties/kelengkapan/description',
      '/$defs/Step/properties/output/description',
      // WIB = Asia/Jakarta, …
      '/$defs/OfficeCalendar/properties/timeZone/description',
    ];
    const same = [...schemaNotes(sopSchema)]
      .filter(([pointer, text]) => JSON.stringify(SOP_SCHEMA_NOTES_ID[pointer]) === JSON.stringify(text))
      .map(([pointer]) => pointer);
    expect(same.sort()).toEqual(alreadyIndonesian.sort());
    // and none keeps an English sentence's usual words (keys in `backticks` aside)
    for (const note of Object.values(SOP_SCHEMA_NOTES_ID).flat())
      expect([note, /\b(the|is|when|which|must|of the)\b/.test(note.replace(/`[^`]*`/g, ''))]).toEqual([note, false]);
  });

  it("completes a step's keys with Indonesian notes in the Indonesian page, and English in the English one", () => {
    const text = 'schemaVersion: 1\nsteps:\n  - id: terima\n    kind: task\n    \n';
    const offset = text.indexOf('    \n') + 4;
    const id = completeYaml(text, offset, sopSchemaIn('id'), ids, WORDS)!;
    const en = completeYaml(text, offset, sopSchemaIn('en'), ids, WORDS_EN)!;
    expect(id.items.map((i) => i.label)).toEqual(en.items.map((i) => i.label));
    const lane = (r: typeof id) => r.items.find((i) => i.label === 'lane')!;
    expect(lane(id).detail).toMatch(/wajib/);
    expect(lane(en).detail).toMatch(/required/);
    expect(lane(id).info).toBe(SOP_SCHEMA_NOTES_ID['/$defs/Step/properties/lane/description']);
    expect(lane(id).info).not.toBe(lane(en).info);
    const role = 'lanes:\n  - id: tim\n    role: tim';
    expect(completeYaml(role, role.length, sopSchemaIn('id'), ids, WORDS)!.items[0].info).toMatch(/: tim yang memeriksa dan menjawab pengaduan\.$/);
  });
});
