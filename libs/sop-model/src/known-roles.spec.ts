import { sopSchema } from './generated/sop-schema';
import {
  COMMON_ROLES,
  CITIZEN_ROLE,
  commonRoleNamed,
  isCitizenLane,
  isKnownRole,
  isLaneRole,
  isOtherRoleLane,
  KNOWN_ROLES,
  LANE_ROLES,
  laneRoleLabel,
  roleDescription,
  normalizeRoleText,
  OTHER_ROLE,
  ROLE_INFO,
  suggestRole,
} from './known-roles';
import { loadSeed } from './__fixtures__/seeds';

describe('the lane roles', () => {
  it('are the schema\'s list, in its order, with "other" last and a description each', () => {
    expect(LANE_ROLES).toEqual(sopSchema.$defs.LaneRole.enum);
    expect(LANE_ROLES[LANE_ROLES.length - 1]).toBe(OTHER_ROLE);
    expect(sopSchema.$defs.LaneRole.enumDescriptions).toHaveLength(LANE_ROLES.length);
    expect(COMMON_ROLES).toEqual(LANE_ROLES.filter((r) => r !== 'other'));
    expect(Object.keys(KNOWN_ROLES)).toEqual(COMMON_ROLES);
    for (const role of LANE_ROLES) {
      expect(ROLE_INFO[role].id).not.toBe('');
      expect(ROLE_INFO[role].en).not.toBe('');
      expect(ROLE_INFO[role].description).toBe(sopSchema.$defs.LaneRole.enumDescriptions[LANE_ROLES.indexOf(role)]);
    }
  });

  it('describe each role in Bahasa Indonesia too, naming it as the schema does', () => {
    for (const role of LANE_ROLES) {
      const english = roleDescription(role, 'en');
      const indonesian = roleDescription(role, 'id');
      expect(english).toBe(ROLE_INFO[role].description);
      expect(indonesian).not.toBe(english);
      // the office's own names before the ":" stay as the schema writes them
      if (role !== OTHER_ROLE) expect(indonesian.split(': ')[0]).toBe(english.split(': ')[0]);
    }
    expect(roleDescription('tim-pengaduan', 'id')).toMatch(/: tim yang memeriksa dan menjawab pengaduan\.$/);
  });

  it('keep the ten roles of the seeds and add the national ones real SOPs use', () => {
    expect(COMMON_ROLES.slice(0, 10)).toEqual([
      'pemohon',
      'petugas',
      'kasi',
      'kabid',
      'sekretaris',
      'kepala-dinas',
      'bidang-teknis',
      'analis',
      'operator-editor',
      'petugas-dokumen',
    ]);
    expect(COMMON_ROLES).toEqual(expect.arrayContaining(['helpdesk', 'ppid', 'tim-pengaduan', 'pejabat-berwenang']));
  });

  it('tell a common role from "other" and from an office\'s own name', () => {
    expect(isKnownRole('ppid')).toBe(true);
    expect(isKnownRole('other')).toBe(false);
    expect(isKnownRole('Helpdesk')).toBe(false);
    expect(isKnownRole('toString')).toBe(false);
    expect(isLaneRole('other')).toBe(true);
    expect(isLaneRole('constructor')).toBe(false);
    expect(isOtherRoleLane({ role: 'other' })).toBe(true);
    expect(isOtherRoleLane({ role: 'kasi' })).toBe(false);
  });

  it("isCitizenLane finds the citizen's lanes of every seed (Pekanbaru has two), and no other", () => {
    expect(CITIZEN_ROLE).toBe('pemohon');
    const citizen = (id: string) => {
      const sop = loadSeed(id);
      return sop.lanes.filter(isCitizenLane).map((l) => l.id);
    };
    expect(citizen('metro')).toEqual(['masyarakat']);
    expect(citizen('pekanbaru')).toEqual(['pemohon', 'pemohon-akhir']);
    expect(citizen('buleleng')).toEqual([]);
    expect(isCitizenLane({ role: 'other' })).toBe(false);
  });

  it('labels a lane by its common role, or by the SOP\'s own words for "other"', () => {
    expect(laneRoleLabel({ role: 'kasi' }, 'id')).toBe('Kepala Seksi');
    expect(laneRoleLabel({ role: 'kasi' }, 'en')).toBe('Section head');
    expect(laneRoleLabel({ role: 'ppid' }, 'id')).toBe('PPID');
    expect(laneRoleLabel({ role: 'other', roleDescription: 'Koordinator ISO' }, 'en')).toBe('Koordinator ISO');
    expect(laneRoleLabel({ role: 'other' }, 'id')).toBe('Peran lain');
  });

  it('reads the names offices write for a common role, whatever their case and punctuation', () => {
    expect(normalizeRoleText('  FO/Operator ')).toBe('fo operator');
    expect(commonRoleNamed('Pejabat yang berkompeten')).toBe('pejabat-berwenang');
    expect(commonRoleNamed('PPID')).toBe('ppid');
    expect(commonRoleNamed('Tim Penanganan Pengaduan')).toBe('tim-pengaduan');
    expect(commonRoleNamed('Help Desk')).toBe('helpdesk');
    expect(commonRoleNamed('KEPALA DINAS')).toBe('kepala-dinas');
    expect(commonRoleNamed('kepala-dinas')).toBe('kepala-dinas');
    expect(commonRoleNamed('Masyarakat/Pemohon')).toBe('pemohon');
    // an office's own unit is not guessed into a common role
    expect(commonRoleNamed('Koordinator ISO')).toBeUndefined();
    expect(commonRoleNamed('Kasi Yang Membidangi permasalahan')).toBeUndefined();
  });

  it('gives each name to one role only', () => {
    const seen = new Map<string, string>();
    for (const role of COMMON_ROLES) {
      for (const alias of [role, ...ROLE_INFO[role].aliases].map(normalizeRoleText)) {
        expect({ alias, role: seen.get(alias) ?? role }).toEqual({ alias, role });
        seen.set(alias, role);
      }
    }
  });

  it('suggests a role for a name it is known by, or for a misspelling', () => {
    expect(suggestRole('Pejabat yang berkompeten')).toBe(' (did you mean "pejabat-berwenang"?)');
    expect(suggestRole('kassi')).toBe(' (did you mean "kasi"?)');
    expect(suggestRole('othr')).toBe(' (did you mean "other"?)');
    expect(suggestRole('Koordinator ISO')).toBe('');
  });
});
