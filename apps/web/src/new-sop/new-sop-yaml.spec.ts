/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSop } from '@sop/model';
import { copyYaml, governmentOf, newSopIdProblem, skeletonYaml, TIME_ZONES, timeZoneChoice, type NewSopIdentity } from './new-sop-yaml';
import { seedIds, seedText } from '../../../../libs/sop-model/src/__fixtures__/seeds';

const contoh: NewSopIdentity = { regency: 'Kabupaten Contoh Jaya', government: 'PEMERINTAH KABUPATEN CONTOH JAYA', timeZone: 'Asia/Makassar' };

describe('a new SOP from nothing', () => {
  it('is a valid SOP with the identity given, a citizen and an officer lane, start → task → end', () => {
    const result = validateSop(skeletonYaml(contoh), { file: 'sops/contoh-jaya.yaml' });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.sop!.identity).toMatchObject({ regency: 'Kabupaten Contoh Jaya', government: 'PEMERINTAH KABUPATEN CONTOH JAYA' });
    expect(result.sop!.calendar.timeZone).toBe('Asia/Makassar');
    expect(result.sop!.lanes.map((l) => l.id)).toEqual(['masyarakat', 'petugas']);
    expect(result.sop!.steps.map((s) => s.kind)).toEqual(['start', 'task', 'end']);
  });

  it('keeps a name with a colon or a quote as written', () => {
    const result = validateSop(skeletonYaml({ ...contoh, regency: 'Kota "Baru": Selatan' }), { file: 'x.yaml' });
    expect(result.sop!.identity.regency).toBe('Kota "Baru": Selatan');
  });
});

describe('a new SOP copied from a published one', () => {
  const files = seedIds();

  it.each(files)('from sops/%s.yaml: valid, identity and time zone replaced, the source’s own details gone, its words kept', (id) => {
    const source = seedText(id);
    const original = validateSop(source, { file: `${id}.yaml` }).sop!;
    const copy = copyYaml(source, contoh, { id, version: 3, regency: original.identity.regency });
    const result = validateSop(copy, { file: 'sops/contoh-jaya.yaml' });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const sop = result.sop!;
    expect(sop.identity).toMatchObject({
      regency: contoh.regency,
      government: contoh.government,
      office: original.identity.office,
      title: original.identity.title,
    });
    for (const key of ['province', 'regionCode', 'number', 'dates', 'approvedBy']) expect(sop.identity).not.toHaveProperty(key);
    expect(sop.calendar.timeZone).toBe('Asia/Makassar');
    expect(sop.calendar).not.toHaveProperty('extraHolidays');
    expect(sop.steps).toEqual(original.steps);
    expect(sop.lanes).toEqual(original.lanes);
    expect(sop.sections).toEqual(original.sections);
    expect(copy).toMatch(/^# yaml-language-server: \$schema=/);
    expect(copy).toContain(`Salinan SOP ${original.identity.regency}`);
  });
});

describe('a new SOP id', () => {
  it('is lower-case words joined by single dashes, at most 40 characters, and not a page of the app', () => {
    expect(newSopIdProblem('kab-contoh-2')).toBeNull();
    expect(newSopIdProblem('baru')?.key).toBe('newSopIdReserved');
    expect(newSopIdProblem('a'.repeat(41))?.key).toBe('newSopIdTooLong');
    for (const bad of ['Kab', '2kab', 'kab--contoh', 'kab-', 'kab contoh', 'kab_contoh', ''])
      expect([bad, newSopIdProblem(bad)?.key]).toEqual([bad, 'newSopIdFormat']);
  });

  it('gives the government line of the SOP-AP header', () => {
    expect(governmentOf(' Kabupaten  Contoh ')).toBe('PEMERINTAH KABUPATEN CONTOH');
  });
});

describe("the new SOP's time zone", () => {
  it('offers every zone the schema allows, Asia/Pontianak (WIB, Kalimantan Barat) among them, labelled', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../../../schemas/sop.schema.json'), 'utf8')) as {
      $defs: { OfficeCalendar: { properties: { timeZone: { enum: string[] } } } };
    };
    const allowed = schema.$defs.OfficeCalendar.properties.timeZone.enum;
    expect(allowed).toBeDefined();
    expect(TIME_ZONES.map((z) => z.zone).sort()).toEqual([...allowed].sort());
    const pontianak = TIME_ZONES.find((z) => z.zone === 'Asia/Pontianak')!;
    expect(timeZoneChoice(pontianak)).toBe('WIB · Asia/Pontianak (Kalimantan Barat, Kalimantan Tengah)');
  });

  it('writes Asia/Pontianak into a new SOP that validates', () => {
    const result = validateSop(skeletonYaml({ ...contoh, timeZone: 'Asia/Pontianak' }), { file: 'sops/contoh-jaya.yaml' });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.sop!.calendar.timeZone).toBe('Asia/Pontianak');
  });
});
