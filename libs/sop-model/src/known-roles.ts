/**
 * The common roles a lane can play. A lane's own id is its access role in its regency; the common
 * role lets reviewers line regencies up side by side.
 */
export const KNOWN_ROLES = {
  pemohon: { id: 'Pemohon / Masyarakat', en: 'Citizen' },
  petugas: { id: 'Petugas / Operator / Admin', en: 'Front office' },
  kasi: { id: 'Kepala Seksi', en: 'Section head' },
  kabid: { id: 'Kepala Bidang', en: 'Division head' },
  sekretaris: { id: 'Sekretaris', en: 'Office secretary' },
  'kepala-dinas': { id: 'Kepala Dinas', en: 'Head of office' },
  'bidang-teknis': { id: 'Bidang Teknis / Bidang Terkait', en: 'Technical division' },
  analis: { id: 'JF Analis Kebijakan', en: 'Policy analyst' },
  'operator-editor': { id: 'Operator Editor', en: 'Data-correction operator' },
  'petugas-dokumen': { id: 'Petugas Pengambilan Dokumen', en: 'Document pick-up officer' },
} as const;

export type KnownRole = keyof typeof KNOWN_ROLES;

export function isKnownRole(role: string): role is KnownRole {
  return Object.prototype.hasOwnProperty.call(KNOWN_ROLES, role);
}
