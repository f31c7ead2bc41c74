import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectSop } from './inspect-sop';
import { validateSop } from './validate-sop';

/** A seed-like SOP with the roles other offices name: Helpdesk, PPID, Tim Pengaduan, a competent official, and two of role other. */
const OPEN_ROLES = readFileSync(join(__dirname, '__fixtures__/valid/open-roles.yaml'), 'utf8');

describe('an SOP with open roles (valid/open-roles.yaml)', () => {
  const result = validateSop(OPEN_ROLES, { file: 'open-roles.yaml' });

  it('is valid with no issue', () => {
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("keeps each lane's role, and the SOP's own words for the two of role other", () => {
    expect(result.sop!.lanes.map((l) => [l.id, l.role])).toEqual([
      ['pelapor', 'pemohon'],
      ['petugas-pengaduan', 'petugas'],
      ['helpdesk', 'helpdesk'],
      ['ppid', 'ppid'],
      ['tim-pengaduan', 'tim-pengaduan'],
      ['pejabat', 'pejabat-berwenang'],
      ['inspektorat', 'other'],
      ['koordinator-iso', 'other'],
    ]);
  });

  it("is inspected with each lane's role, the description of the other roles, and the steps of each lane", () => {
    const inspection = inspectSop(result.sop!);
    expect(inspection.lanes.filter((l) => l.role === 'other')).toEqual([
      {
        id: 'inspektorat',
        name: 'Inspektorat Daerah',
        role: 'other',
        roleDescription: 'Aparat pengawas internal pemerintah daerah yang menindaklanjuti pengaduan tentang perilaku pegawai',
        steps: 1,
      },
      { id: 'koordinator-iso', name: 'Koordinator ISO', role: 'other', roleDescription: 'Koordinator ISO sebagai pengelola risiko pelayanan', steps: 2 },
    ]);
    expect(inspection.lanes.find((l) => l.id === 'ppid')).toEqual({ id: 'ppid', name: 'PPID Pelaksana', role: 'ppid', roleDescription: null, steps: 1 });
    expect(inspection.worstCase!.total.text).toBe('16 hari kerja');
    expect(inspection.worstCase!.steps).toContain('inspektorat-tangani');
  });

  it('says, located, what is wrong when the description of an other role is taken away', () => {
    const text = OPEN_ROLES.replace('    roleDescription: Koordinator ISO sebagai pengelola risiko pelayanan\n', '');
    const { issues } = validateSop(text, { file: 'open-roles.yaml' });
    const line = text.split('\n').findIndex((l) => l.includes('name: Koordinator ISO')) + 2;
    expect(issues.map(({ code, line, column }) => ({ code, line, column }))).toEqual([{ code: 'schema.required', line, column: 11 }]);
    expect(issues[0].message).toContain('e.g. its header "Koordinator ISO"');
  });
});
