import { isMap, isScalar, parseDocument } from 'yaml';

/**
 * Every time zone the schema allows an SOP's calendar (schemas/sop.schema.json, OfficeCalendar.timeZone),
 * with what people call it and the provinces that keep it (proper names, the same in both languages):
 * Kalimantan Barat and Tengah keep WIB as Asia/Pontianak.
 */
export const TIME_ZONES = [
  { zone: 'Asia/Jakarta', label: 'WIB', where: 'Sumatra, Jawa' },
  { zone: 'Asia/Pontianak', label: 'WIB', where: 'Kalimantan Barat, Kalimantan Tengah' },
  { zone: 'Asia/Makassar', label: 'WITA', where: 'Bali, Nusa Tenggara, Kalimantan Selatan/Timur/Utara, Sulawesi' },
  { zone: 'Asia/Jayapura', label: 'WIT', where: 'Maluku, Papua' },
] as const;

/** A zone as the form offers it: "WIB · Asia/Pontianak (Kalimantan Barat, Kalimantan Tengah)". */
export function timeZoneChoice(zone: (typeof TIME_ZONES)[number]): string {
  return `${zone.label} · ${zone.zone} (${zone.where})`;
}

export type NewSopTimeZone = (typeof TIME_ZONES)[number]['zone'];

/** What the platform administrator states about a new regency before its SOP is drawn. */
export interface NewSopIdentity {
  /** e.g. "Kabupaten Contoh" */
  regency: string;
  /** e.g. "PEMERINTAH KABUPATEN CONTOH" */
  government: string;
  timeZone: NewSopTimeZone;
}

/** A new SOP's id: lower-case letters and digits, words joined by single dashes (the API checks the same). */
export const NEW_SOP_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const NEW_SOP_ID_MAX = 40;
/** Ids the web app's own pages take (`/sops/baru`). */
export const RESERVED_SOP_IDS: readonly string[] = ['baru'];

const SCHEMA_LINE = 'yaml-language-server: $schema=../schemas/sop.schema.json';

/** One YAML scalar on one line (names may hold a colon, a quote, a hash…). */
const scalar = (text: string) => JSON.stringify(text.replace(/\s+/g, ' ').trim());

/**
 * The smallest SOP that runs: the citizen's lane and one officer's lane, a start, one task, an end.
 *
 * @example
 * skeletonYaml({ regency: 'Kabupaten Contoh', government: 'PEMERINTAH KABUPATEN CONTOH', timeZone: 'Asia/Makassar' });
 */
export function skeletonYaml(identity: NewSopIdentity): string {
  return `# ${SCHEMA_LINE}
# SOP baru ${identity.regency.trim()}: lengkapi identitas, pelaksana, langkah dan ketentuannya sebelum diterbitkan.
schemaVersion: 1

identity:
  government: ${scalar(identity.government)}
  regency: ${scalar(identity.regency)}
  office: Dinas Kependudukan dan Pencatatan Sipil
  title: Pelayanan Pengaduan

calendar:
  timeZone: ${identity.timeZone}

sections:
  dasarHukum: []
  kualifikasiPelaksana: []
  keterkaitan: []
  peralatanPerlengkapan: []
  peringatan: []
  pencatatanPendataan: []

lanes:
  - { id: masyarakat, name: Masyarakat, role: pemohon }
  - { id: petugas, name: Petugas, role: petugas }

steps:
  - id: pengaduan
    number: "1"
    kind: start
    lane: masyarakat
    activity: Masyarakat menyampaikan pengaduan
    next: tindak-lanjut
  - id: tindak-lanjut
    number: "2"
    kind: task
    lane: petugas
    activity: Petugas menindaklanjuti pengaduan
    waktu: 1 hari kerja
    next: selesai
  - id: selesai
    number: "3"
    kind: end
    lane: masyarakat
    activity: Pengaduan selesai
`;
}

/** Identity lines that name the source regency's own office, signatory, numbers and dates. */
const SOURCE_ONLY_IDENTITY = ['province', 'regionCode', 'number', 'dates', 'approvedBy'] as const;
/** Calendar entries that are the source regency's own closures and make-up days. */
const SOURCE_ONLY_CALENDAR = ['extraHolidays', 'extraWorkingDays'] as const;

/**
 * A copy of a published SOP for a new regency: its identity and time zone replaced, what belongs to
 * the source regency alone (province, region code, SOP number, dates, signatory, local holidays)
 * removed, everything else — lanes, steps, words, comments — kept for the author to change.
 *
 * @example
 * copyYaml(metroYaml, { regency: 'Kota Contoh', government: 'PEMERINTAH KOTA CONTOH', timeZone: 'Asia/Jakarta' }, { id: 'metro', version: 1, regency: 'Kota Metro' });
 */
export function copyYaml(source: string, identity: NewSopIdentity, from: { id: string; version: number; regency: string }): string {
  const doc = parseDocument(source, { keepSourceTokens: false });
  if (doc.errors.length || !isMap(doc.contents)) throw new Error(`the YAML of ${from.id} cannot be read: ${doc.errors[0]?.message ?? 'not a mapping'}`);
  doc.setIn(['identity', 'government'], identity.government.trim());
  doc.setIn(['identity', 'regency'], identity.regency.trim());
  for (const key of SOURCE_ONLY_IDENTITY) if (doc.hasIn(['identity', key])) doc.deleteIn(['identity', key]);
  doc.setIn(['calendar', 'timeZone'], identity.timeZone);
  const zone = doc.getIn(['calendar', 'timeZone'], true);
  if (isScalar(zone)) zone.comment = ` ${zoneLabel(identity.timeZone)}`;
  for (const key of SOURCE_ONLY_CALENDAR) if (doc.hasIn(['calendar', key])) doc.deleteIn(['calendar', key]);
  // the source's own header (where its text came from) would be wrong here
  const first = doc.contents.items.at(0);
  doc.contents.commentBefore = undefined;
  if (first && typeof first.key === 'object' && first.key !== null && 'commentBefore' in first.key)
    (first.key as { commentBefore?: string }).commentBefore = undefined;
  doc.commentBefore = [
    ` ${SCHEMA_LINE}`,
    ` Salinan SOP ${from.regency} (${from.id} versi ${from.version}) untuk ${identity.regency.trim()}.`,
    ' Kata-kata SOP asal dipertahankan: sesuaikan dengan SOP kabupaten/kota ini sebelum diterbitkan.',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}

/** Why `id` cannot be a new SOP's id (a message key and its values), or null. */
export function newSopIdProblem(
  id: string,
): { key: 'newSopIdReserved' | 'newSopIdTooLong' | 'newSopIdFormat'; values: Record<string, string | number> } | null {
  if (RESERVED_SOP_IDS.includes(id)) return { key: 'newSopIdReserved', values: { id } };
  if (id.length > NEW_SOP_ID_MAX) return { key: 'newSopIdTooLong', values: { n: NEW_SOP_ID_MAX } };
  if (!NEW_SOP_ID.test(id)) return { key: 'newSopIdFormat', values: {} };
  return null;
}

/** "Kabupaten Contoh" → "PEMERINTAH KABUPATEN CONTOH", the way the SOP-AP header writes it. */
export function governmentOf(regency: string): string {
  const name = regency.replace(/\s+/g, ' ').trim();
  return name ? `PEMERINTAH ${name.toUpperCase()}` : '';
}

/** The label of a time zone the form offers (WIB, WITA, WIT), for the YAML's comment. */
function zoneLabel(zone: string): string {
  const known = TIME_ZONES.find((z) => z.zone === zone);
  if (!known) throw new Error(`"${zone}" is not a time zone the form offers`);
  return known.label;
}
