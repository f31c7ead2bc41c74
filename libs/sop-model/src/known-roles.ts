import type { Lane, LaneRole } from './generated/sop-document';
import { sopSchema } from './generated/sop-schema';
import { didYouMean } from './did-you-mean';

/**
 * The roles of a lane. The list lives in the schema (`$defs/LaneRole`, with a description per value
 * so YAML editors complete it); this module adds what the UI and the validator need: a short label
 * in each language and the names offices write for each role. A lane's own id is its access role
 * in its regency; its role lets reviewers line regencies up side by side (ADR 0007).
 */
export type { LaneRole };

/** The value of `role` for a lane no common role fits; its `roleDescription` says what it is. */
export const OTHER_ROLE = 'other' as const satisfies LaneRole;

/** A common national role: every lane role but {@link OTHER_ROLE}. */
export type CommonRole = Exclude<LaneRole, typeof OTHER_ROLE>;

/** The common role of the citizen (Pemohon, Pelapor, Masyarakat, Pengguna Layanan). */
export const CITIZEN_ROLE = 'pemohon' as const satisfies CommonRole;

const LANE_ROLE = sopSchema.$defs.LaneRole;

/** Every value `role` takes, in the schema's order (the order comparisons list them in), `other` last. */
export const LANE_ROLES: readonly LaneRole[] = LANE_ROLE.enum;

/** The common national roles, in the schema's order. */
export const COMMON_ROLES: readonly CommonRole[] = LANE_ROLES.filter((r): r is CommonRole => r !== OTHER_ROLE);

export interface RoleInfo {
  /** Short label in Indonesian, e.g. "Kepala Seksi". */
  id: string;
  /** Short label in English, e.g. "Section head". */
  en: string;
  /** The schema's description of the role (English, with the Indonesian names offices use). */
  description: string;
  /** The same description in Bahasa Indonesia, for the UI's tooltips. */
  descriptionId: string;
  /**
   * Names offices write for the role (compared without case, spaces or punctuation): a lane
   * written with one of them is suggested this role.
   */
  aliases: readonly string[];
}

// Typed by the schema's enum: a role added to the schema does not compile until it has its labels here.
const ROLE_TEXTS: Record<LaneRole, Omit<RoleInfo, 'description'>> = {
  pemohon: {
    id: 'Pemohon / Masyarakat',
    en: 'Citizen',
    descriptionId: 'Pemohon / Pelapor / Masyarakat / Pengguna Layanan: warga yang menyampaikan pengaduan.',
    aliases: ['pemohon', 'pelapor', 'masyarakat', 'pengadu', 'pengguna layanan', 'pengguna jasa layanan', 'masyarakat/pemohon'],
  },
  petugas: {
    id: 'Petugas / Operator / Admin',
    en: 'Front office',
    descriptionId: 'Petugas / Operator / Admin / Staf / FO / CS: petugas garis depan yang menerima dan mencatat pengaduan.',
    aliases: ['petugas', 'operator', 'admin', 'staf', 'fo', 'cs', 'front office', 'customer service', 'petugas operator', 'fo/operator', 'petugas loket'],
  },
  kasi: { id: 'Kepala Seksi', en: 'Section head', descriptionId: 'Kepala Seksi (Kasi): pimpinan sebuah seksi.', aliases: ['kasi', 'kepala seksi'] },
  kabid: { id: 'Kepala Bidang', en: 'Division head', descriptionId: 'Kepala Bidang (Kabid): pimpinan sebuah bidang.', aliases: ['kabid', 'kepala bidang'] },
  sekretaris: {
    id: 'Sekretaris',
    en: 'Office secretary',
    descriptionId: 'Sekretaris: sekretaris dinas.',
    aliases: ['sekretaris', 'sekretaris dinas', 'sekdis'],
  },
  'kepala-dinas': { id: 'Kepala Dinas', en: 'Head of office', descriptionId: 'Kepala Dinas (Kadis): pimpinan dinas.', aliases: ['kepala dinas', 'kadis'] },
  'bidang-teknis': {
    id: 'Bidang Teknis / Bidang Terkait',
    en: 'Technical division',
    descriptionId: 'Bidang Teknis / Bidang Terkait: bidang yang menangani urusannya, sebagai satu unit.',
    aliases: ['bidang teknis', 'bidang terkait', 'pejabat bidang teknis'],
  },
  analis: {
    id: 'JF Analis Kebijakan',
    en: 'Policy analyst',
    descriptionId: 'JF Analis Kebijakan: pejabat fungsional analis kebijakan.',
    aliases: ['analis kebijakan', 'jf analis kebijakan'],
  },
  'operator-editor': {
    id: 'Operator Editor',
    en: 'Data-correction operator',
    descriptionId: 'Operator Editor: memperbaiki kesalahan isian data dan menerbitkan ulang dokumen.',
    aliases: ['operator editor'],
  },
  'petugas-dokumen': {
    id: 'Petugas Pengambilan Dokumen',
    en: 'Document pick-up officer',
    descriptionId: 'Petugas Pengambilan Dokumen: menyerahkan dokumen yang sudah jadi kepada warga.',
    aliases: ['petugas pengambilan dokumen'],
  },
  helpdesk: {
    id: 'Helpdesk',
    en: 'Helpdesk',
    descriptionId: 'Helpdesk: menyelesaikan masalah teknis (layanan daring, aplikasi, akses).',
    aliases: ['helpdesk', 'help desk'],
  },
  'tim-pengaduan': {
    id: 'Tim Pengaduan',
    en: 'Complaints team',
    descriptionId: 'Tim Pengaduan / Tim Penanganan Pengaduan / Pengelola Pengaduan / Tim Penjawab Aduan: tim yang memeriksa dan menjawab pengaduan.',
    aliases: ['tim pengaduan', 'tim penanganan pengaduan', 'tim pengelola pengaduan', 'pengelola pengaduan', 'tim penjawab aduan'],
  },
  ppid: {
    id: 'PPID',
    en: 'Information officer (PPID)',
    descriptionId: 'PPID, Pejabat Pengelola Informasi dan Dokumentasi (UU 14/2008): menjawab permohonan informasi publik.',
    aliases: ['ppid', 'pejabat pengelola informasi dan dokumentasi'],
  },
  'pejabat-berwenang': {
    id: 'Pejabat yang berwenang',
    en: 'Competent official',
    descriptionId: 'Pejabat yang berwenang / berkompeten: pejabat yang berwenang atas urusannya, disebut menurut kewenangannya, bukan jabatannya.',
    aliases: ['pejabat berwenang', 'pejabat yang berwenang', 'pejabat berkompeten', 'pejabat yang berkompeten'],
  },
  other: {
    id: 'Peran lain',
    en: 'Other role',
    descriptionId: 'Bukan salah satu di atas: tulis roleDescription dengan kata-kata SOP sendiri; perbandingan mencantumkan lajur menurut uraian itu.',
    aliases: [],
  },
};

/** Labels, description and aliases of every lane role, `other` included. */
export const ROLE_INFO: Readonly<Record<LaneRole, RoleInfo>> = Object.fromEntries(
  LANE_ROLES.map((role, i) => [role, { ...ROLE_TEXTS[role], description: LANE_ROLE.enumDescriptions[i] }]),
) as Record<LaneRole, RoleInfo>;

/** A role's description in a language of the UI: the schema's English, or its Indonesian. */
export function roleDescription(role: LaneRole, lang: 'id' | 'en'): string {
  return lang === 'en' ? ROLE_INFO[role].description : ROLE_INFO[role].descriptionId;
}

/** The common roles with their labels (kept for callers that list them; {@link ROLE_INFO} has `other` too). */
export const KNOWN_ROLES: Readonly<Record<CommonRole, RoleInfo>> = Object.fromEntries(COMMON_ROLES.map((r) => [r, ROLE_INFO[r]])) as Record<
  CommonRole,
  RoleInfo
>;

/** @deprecated the name of {@link CommonRole} before roles were opened. */
export type KnownRole = CommonRole;

/** Whether a text is one of the common national roles (not `other`, not an office's own name). */
export function isKnownRole(role: string): role is CommonRole {
  return role !== OTHER_ROLE && Object.prototype.hasOwnProperty.call(ROLE_TEXTS, role);
}

/** Whether a text is a value `role` may take (a common role or `other`). */
export function isLaneRole(role: string): role is LaneRole {
  return Object.prototype.hasOwnProperty.call(ROLE_TEXTS, role);
}

/**
 * Whether the lane is the citizen's (common role pemohon): no officer works it, so it gets no
 * account, and its steps are the complainant's.
 *
 * @example
 * sop.lanes.filter((l) => !isCitizenLane(l)) // the lanes that get officers' accounts
 */
export function isCitizenLane(lane: Pick<Lane, 'role'>): boolean {
  return lane.role === CITIZEN_ROLE;
}

/** Whether the lane plays no common role (`role: other`) and is described in the SOP's words. */
export function isOtherRoleLane(lane: Pick<Lane, 'role'>): boolean {
  return lane.role === OTHER_ROLE;
}

/**
 * What a lane's role is called for a reader: the common role's label, or, for `other`, the SOP's
 * own description of the role.
 *
 * @example
 * laneRoleLabel({ role: 'kasi' }, 'en') // 'Section head'
 * laneRoleLabel({ role: 'other', roleDescription: 'Koordinator ISO' }, 'id') // 'Koordinator ISO'
 */
export function laneRoleLabel(lane: Pick<Lane, 'role' | 'roleDescription'>, lang: 'id' | 'en'): string {
  if (lane.role === OTHER_ROLE) return lane.roleDescription ?? ROLE_INFO.other[lang];
  return isLaneRole(lane.role) ? ROLE_INFO[lane.role][lang] : lane.role;
}

/** Lower case, letters and digits only, single spaces: "FO / Operator" and "fo-operator" read the same. */
export function normalizeRoleText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const BY_ALIAS: ReadonlyMap<string, CommonRole> = new Map(
  COMMON_ROLES.flatMap((role) => [role, ...ROLE_INFO[role].aliases].map((name) => [normalizeRoleText(name), role] as const)),
);

/**
 * The common role an office's own name for a role stands for, when it is one of the names the
 * role is known by ("Pejabat yang berkompeten" → pejabat-berwenang, "Kepala Seksi" → kasi).
 *
 * @example
 * commonRoleNamed('PPID') // 'ppid'
 * commonRoleNamed('Koordinator ISO') // undefined
 */
export function commonRoleNamed(text: string): CommonRole | undefined {
  return BY_ALIAS.get(normalizeRoleText(text));
}

/**
 * " (did you mean "kasi"?)" for a `role` value that is not a lane role: a name the role is known
 * by, or a misspelling of one of the values; '' when nothing is close.
 */
export function suggestRole(value: string): string {
  const named = commonRoleNamed(value);
  return named ? ` (did you mean "${named}"?)` : didYouMean(value, LANE_ROLES);
}
