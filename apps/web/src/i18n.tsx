import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** The UI's words in Bahasa Indonesia (the default). SOP content is never translated. */
const id = {
  appName: 'SOP Pengaduan Disdukcapil',
  appTagline: 'Standar Operasional Prosedur penanganan pengaduan',
  navSops: 'Daftar SOP',
  language: 'Bahasa',
  loading: 'Memuat…',
  loadFailed: 'Gagal memuat: {message}',
  notFound: 'SOP "{id}" tidak ditemukan.',
  backToList: '← Kembali ke daftar SOP',
  listTitle: 'SOP Penanganan Pengaduan',
  listSubtitle: 'SOP-AP setiap kabupaten/kota menurut PermenPAN-RB Nomor 35 Tahun 2012. Pilih satu untuk melihat diagram alurnya.',
  listLanes: '{n} pelaksana',
  listSteps: '{n} langkah',
  listVersion: 'versi {n}',
  listOpen: 'Lihat diagram alur',
  listEmpty: 'Belum ada SOP yang diterbitkan.',
  listRejected: 'Berkas di sops/ yang tidak dapat diterbitkan',
  sopVersion: 'Versi {n}',
  sopPublished: 'diterbitkan {date}',
  flowMain: 'Alur pengaduan',
  flowPeriodic: '{name} ({every})',
  everyDay: 'harian',
  everyWeek: 'mingguan',
  everyMonth: 'bulanan',
  showMutuBaku: 'Kolom Mutu Baku',
  exportPng: 'Unduh PNG',
  exportSvg: 'Unduh SVG',
  exportFailed: 'Ekspor gagal: {message}',
  print: 'Tampilan cetak',
  printNow: 'Cetak',
  diagramTitle: 'Diagram alur',
  identityTitle: 'Identitas SOP',
  sectionsTitle: 'Ketentuan SOP-AP',
  figuresTitle: 'Ringkasan',
  headerNo: 'No',
  headerKegiatan: 'Kegiatan',
  headerPelaksana: 'Pelaksana',
  headerMutuBaku: 'Mutu Baku',
  headerKelengkapan: 'Kelengkapan',
  headerWaktu: 'Waktu',
  headerOutput: 'Output',
  headerKeterangan: 'Keterangan',
  idGovernment: 'Pemerintah',
  idOffice: 'Instansi',
  idUnit: 'Bidang',
  idNumber: 'Nomor SOP',
  idTitle: 'Nama SOP',
  idPembuatan: 'Tanggal Pembuatan',
  idRevisi: 'Tanggal Revisi',
  idEfektif: 'Tanggal Efektif',
  idPengesahan: 'Tanggal Pengesahan',
  idApprovedBy: 'Disahkan oleh',
  idTimeZone: 'Zona waktu',
  blank: '—',
  secDasarHukum: 'Dasar Hukum',
  secKualifikasiPelaksana: 'Kualifikasi Pelaksana',
  secKeterkaitan: 'Keterkaitan',
  secPeralatanPerlengkapan: 'Peralatan/Perlengkapan',
  secPeringatan: 'Peringatan',
  secPencatatanPendataan: 'Pencatatan dan Pendataan',
  secEmpty: 'Tidak diisi dalam SOP.',
  figSteps: 'Langkah',
  figDecisions: 'Titik keputusan',
  figEscalation: 'Kedalaman eskalasi',
  figEscalationHint: 'tingkat',
  figWorstCase: 'Waktu terlama',
  figBestCase: 'Waktu tercepat',
  figLanes: 'Pelaksana',
  figChannels: 'Kanal pengaduan',
  figLoops: 'tak terbatas (alur berulang)',
  figNone: 'tidak diketahui',
  legendTerminator: 'Mulai / Selesai',
  legendTask: 'Kegiatan',
  legendDecision: 'Keputusan',
  legendEscalation: 'Eskalasi',
  legendRejection: 'Penolakan / dikembalikan',
  periodicTitle: 'Prosedur berkala',
  printHint: 'Tata letak cetak A4 mendatar. Gunakan tombol Cetak atau Ctrl+P.',
  unknownSteps: '(+ {n} langkah tanpa waktu yang diketahui)',
  unitMonth: '{n} bulan',
  unitWeek: '{n} minggu',
  unitDay: '{n} hari',
  unitWorkingDay: '{n} hari kerja',
  unitHour: '{n} jam',
  unitMinute: '{n} menit',
  zeroTime: '0 menit',
};

export type MessageKey = keyof typeof id;
export type Lang = 'id' | 'en';

const en: Record<MessageKey, string> = {
  appName: 'Disdukcapil Complaint SOPs',
  appTagline: 'Standard operating procedures for handling complaints',
  navSops: 'SOPs',
  language: 'Language',
  loading: 'Loading…',
  loadFailed: 'Could not load: {message}',
  notFound: 'There is no SOP "{id}".',
  backToList: '← Back to the SOPs',
  listTitle: 'Complaint-handling SOPs',
  listSubtitle: "Each regency's SOP-AP under PermenPAN-RB Regulation 35/2012. Choose one to see its flowchart.",
  listLanes: '{n} actors',
  listSteps: '{n} steps',
  listVersion: 'version {n}',
  listOpen: 'View flowchart',
  listEmpty: 'No SOP has been published yet.',
  listRejected: 'Files in sops/ that could not be published',
  sopVersion: 'Version {n}',
  sopPublished: 'published {date}',
  flowMain: 'Complaint flow',
  flowPeriodic: '{name} ({every})',
  everyDay: 'daily',
  everyWeek: 'weekly',
  everyMonth: 'monthly',
  showMutuBaku: 'Quality standard columns',
  exportPng: 'Download PNG',
  exportSvg: 'Download SVG',
  exportFailed: 'Export failed: {message}',
  print: 'Print view',
  printNow: 'Print',
  diagramTitle: 'Flowchart',
  identityTitle: 'SOP identity',
  sectionsTitle: 'SOP-AP provisions',
  figuresTitle: 'Summary',
  headerNo: 'No.',
  headerKegiatan: 'Activity',
  headerPelaksana: 'Actors',
  headerMutuBaku: 'Quality standard',
  headerKelengkapan: 'Requirements',
  headerWaktu: 'Time',
  headerOutput: 'Output',
  headerKeterangan: 'Notes',
  idGovernment: 'Government',
  idOffice: 'Office',
  idUnit: 'Unit',
  idNumber: 'SOP number',
  idTitle: 'SOP title',
  idPembuatan: 'Drawn up',
  idRevisi: 'Revised',
  idEfektif: 'Effective',
  idPengesahan: 'Approved on',
  idApprovedBy: 'Approved by',
  idTimeZone: 'Time zone',
  blank: '—',
  secDasarHukum: 'Legal basis',
  secKualifikasiPelaksana: 'Qualifications of the actors',
  secKeterkaitan: 'Related procedures',
  secPeralatanPerlengkapan: 'Equipment and supplies',
  secPeringatan: 'Warnings',
  secPencatatanPendataan: 'Records and data',
  secEmpty: 'Left blank in the SOP.',
  figSteps: 'Steps',
  figDecisions: 'Decision points',
  figEscalation: 'Escalation depth',
  figEscalationHint: 'levels',
  figWorstCase: 'Worst case',
  figBestCase: 'Best case',
  figLanes: 'Actors',
  figChannels: 'Complaint channels',
  figLoops: 'unbounded (the flow loops)',
  figNone: 'unknown',
  legendTerminator: 'Start / End',
  legendTask: 'Activity',
  legendDecision: 'Decision',
  legendEscalation: 'Escalation',
  legendRejection: 'Rejected / returned',
  periodicTitle: 'Periodic procedures',
  printHint: 'A4 landscape print layout. Use the Print button or Ctrl+P.',
  unknownSteps: '(+ {n} steps with an unknown time)',
  unitMonth: '{n} month(s)',
  unitWeek: '{n} week(s)',
  unitDay: '{n} day(s)',
  unitWorkingDay: '{n} working day(s)',
  unitHour: '{n} hour(s)',
  unitMinute: '{n} minute(s)',
  zeroTime: '0 minutes',
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { id, en };
const STORAGE_KEY = 'sop.lang';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'id' || stored === 'en') return stored;
  } catch {
    /* storage unavailable: the default */
  }
  return 'id';
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* the choice lasts for this page only */
    }
    document.documentElement.lang = next;
  }, []);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, params) => format(MESSAGES[lang][key], params) }), [lang, setLang]);
  document.documentElement.lang = lang;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
