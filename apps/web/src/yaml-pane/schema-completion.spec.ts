/// <reference types="node" />
import { isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { sopSchema } from '@sop/model';
import { completeYaml, pathAtKey, schemaAt, type CompletionWords, type DocumentIds, type SchemaNode } from './schema-completion';
import { seedIds, seedText } from '../../../../libs/sop-model/src/__fixtures__/seeds';

const schema = sopSchema as unknown as SchemaNode;
const ids: DocumentIds = { lanes: ['petugas', 'kasi'], steps: ['terima', 'periksa', 'selesai'], templates: ['salam'] };
const WORDS: CompletionWords = { required: 'wajib', types: { string: 'teks', array: 'daftar' } };

/** Every block-mapping key of a document with the path the YAML parser gives it (sequence indices as `*`). */
function keysWithPaths(text: string): { offset: number; path: string[] }[] {
  const doc = parseDocument(text);
  const out: { offset: number; path: string[] }[] = [];
  visit(doc, {
    Pair(_key, pair, ancestors) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return;
      const path: string[] = [];
      for (let i = 0; i < ancestors.length; i++) {
        const node = ancestors[i];
        if (isPair(node) && isScalar(node.key)) path.push(String(node.key.value));
        if (isSeq(node)) path.push('*');
        if (isMap(node) && node.flow) return; // flow mappings ({ a: b }) are written on one line
      }
      out.push({ offset: pair.key.range[0], path: [...path, String(pair.key.value)] });
    },
  });
  return out;
}

describe('the YAML pane completion', () => {
  const files = seedIds();

  it.each(files)('finds the path of every key of sops/%s.yaml from indentation alone', (file) => {
    const text = seedText(file);
    const keys = keysWithPaths(text);
    expect(keys.length).toBeGreaterThan(100);
    for (const { offset, path } of keys) expect([offset, pathAtKey(text, offset)]).toEqual([offset, path]);
  });

  it.each(files)('knows the schema of every key of sops/%s.yaml', (file) => {
    const text = seedText(file);
    for (const { path } of keysWithPaths(text)) expect([path.join('/'), schemaAt(schema, path) !== undefined]).toEqual([path.join('/'), true]);
  });

  it("offers a step's missing properties, required ones first, with the schema's description", () => {
    const text = 'schemaVersion: 1\nsteps:\n  - id: terima\n    kind: task\n    \n';
    const offset = text.indexOf('    \n') + 4;
    const result = completeYaml(text, offset, schema, ids, WORDS)!;
    const labels = result.items.map((i) => i.label);
    expect(labels.slice(0, 3).sort()).toEqual(['activity', 'lane', 'number']);
    expect(labels).not.toContain('id');
    expect(labels).not.toContain('kind');
    expect(labels).toContain('waktu');
    expect(result.items.find((i) => i.label === 'waktu')!.info).toMatch(/3 hari kerja/);
    // the kind of value and "required" in the words given (the page's language)
    expect(result.items.find((i) => i.label === 'lane')!.detail).toBe('teks · wajib');
  });

  it('completes a partly typed key and replaces the whole word', () => {
    const text = 'steps:\n  - id: a\n    wak\n';
    const offset = text.indexOf('wak') + 2;
    const result = completeYaml(text, offset, schema, ids, WORDS)!;
    expect(result.items.map((i) => i.label)).toEqual(['waktu']);
    expect([result.from, result.to]).toEqual([text.indexOf('wak'), text.indexOf('wak') + 3]);
    expect(result.items[0].apply).toBe('waktu: ');
  });

  it('opens a block for object and list properties', () => {
    const text = 'steps:\n  - id: a\n    onTi';
    const result = completeYaml(text, text.length, schema, ids, WORDS)!;
    expect(result.items[0]).toMatchObject({ label: 'onTimeout', apply: 'onTimeout:\n      ' });
    const top = 'schemaVersion: 1\nla';
    expect(completeYaml(top, top.length, schema, ids, WORDS)!.items[0]).toMatchObject({ label: 'lanes', apply: 'lanes:\n  - ' });
  });

  it("completes the first key of a new list item with the item's properties", () => {
    const text = 'lanes:\n  - id: petugas\n    name: Petugas\n    role: petugas\n  - ';
    const labels = completeYaml(text, text.length, schema, ids, WORDS)!.items.map((i) => i.label);
    expect(labels.sort()).toEqual(['id', 'name', 'role', 'roleDescription', 'unitField', 'units']);
  });

  it("completes a lane's role from the schema's list of common national roles, each with its description, and other", () => {
    const text = 'lanes:\n  - id: ppid\n    name: PPID Pelaksana\n    role: p';
    const result = completeYaml(text, text.length, schema, ids, WORDS)!;
    expect(result.items.map((i) => i.label)).toEqual(['pemohon', 'petugas', 'petugas-dokumen', 'ppid', 'pejabat-berwenang']);
    expect(result.items.find((i) => i.label === 'ppid')!.info).toMatch(/^PPID, Pejabat Pengelola Informasi dan Dokumentasi/);
    const all = 'lanes:\n  - id: iso\n    role: ';
    expect(completeYaml(all, all.length, schema, ids, WORDS)!.items.map((i) => i.label)).toEqual(sopSchema.$defs.LaneRole.enum);
    const key = 'lanes:\n  - id: iso\n    name: Koordinator ISO\n    role: other\n    roleD';
    expect(completeYaml(key, key.length, schema, ids, WORDS)!.items).toEqual([
      expect.objectContaining({ label: 'roleDescription', apply: 'roleDescription: ' }),
    ]);
  });

  it('offers enum values, and the ids the document declares where a reference is expected', () => {
    const kind = 'steps:\n  - id: a\n    kind: de';
    expect(completeYaml(kind, kind.length, schema, ids, WORDS)!.items.map((i) => i.label)).toEqual(['decision']);
    const lane = 'steps:\n  - id: a\n    lane: ';
    expect(completeYaml(lane, lane.length, schema, ids, WORDS)!.items.map((i) => i.label)).toEqual(['petugas', 'kasi']);
    const jump = 'steps:\n  - id: a\n    outcomes:\n      - id: ok\n        to: pe';
    expect(completeYaml(jump, jump.length, schema, ids, WORDS)!.items.map((i) => i.label)).toEqual(['periksa']);
    const action = 'steps:\n  - id: a\n    onTimeout:\n      action: ';
    expect(completeYaml(action, action.length, schema, ids, WORDS)!.items.map((i) => i.label)).toEqual(['flag', 'escalate', 'complete', 'choose']);
  });

  it('offers nothing inside a comment or for free text', () => {
    const comment = 'steps:\n  - id: a # wak';
    expect(completeYaml(comment, comment.length, schema, ids, WORDS)).toBeNull();
    const free = 'steps:\n  - id: a\n    activity: Menerima ';
    expect(completeYaml(free, free.length, schema, ids, WORDS)).toBeNull();
  });
});
