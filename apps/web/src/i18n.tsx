import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { validityMessagesEn, validityMessagesId } from './validity/messages';
import { editorMessagesEn, editorMessagesId } from './editor/messages';
import { compareMessagesEn, compareMessagesId } from './compare/messages';
import { consoleMessagesEn, consoleMessagesId } from './console/messages';
import { publicMessagesEn, publicMessagesId } from './public/messages';
import { reportsMessagesEn, reportsMessagesId } from './reports/messages';
import { nationalMessagesEn, nationalMessagesId } from './reports/national-messages';
import { simulationMessagesEn, simulationMessagesId } from './simulation/messages';
import { holidaysMessagesEn, holidaysMessagesId } from './holidays/messages';
import { adminMessagesEn, adminMessagesId } from './admin/messages';
import { webhookMessagesEn, webhookMessagesId } from './admin/webhook-messages';
import { diagramMessagesEn, diagramMessagesId } from './diagram/messages';
import { liveMessagesEn, liveMessagesId } from './console/live-messages';
import { intakeMessagesEn, intakeMessagesId } from './console/intake-messages';
import { replyTemplateMessagesEn, replyTemplateMessagesId } from './console/reply-template-messages';
import { approvalMessagesEn, approvalMessagesId } from './approval/messages';

/** The UI's words in Bahasa Indonesia (the default). SOP content is never translated. */
const id = {
  ...editorMessagesId,
  ...consoleMessagesId,
  ...publicMessagesId,
  ...compareMessagesId,
  ...reportsMessagesId,
  ...nationalMessagesId,
  ...simulationMessagesId,
  ...holidaysMessagesId,
  ...adminMessagesId,
  ...webhookMessagesId,
  ...validityMessagesId,
  ...diagramMessagesId,
  ...liveMessagesId,
  ...intakeMessagesId,
  ...replyTemplateMessagesId,
  ...approvalMessagesId,
  appName: 'SOP Pengaduan Disdukcapil',
  skipToContent: 'Langsung ke isi halaman',
  titleSop: 'SOP',
  titleNewSop: 'SOP baru',
  titleEdit: 'Ubah SOP',
  titleSimulate: 'Simulasi SOP',
  titleRegister: 'Catat pengaduan',
  titleCase: 'Pengaduan',
  titleKartu: 'Kartu kendali',
  titleNational: 'Laporan nasional',
  titleWebhooks: 'Webhook',
  titleFile: 'Sampaikan pengaduan',
  titleTicket: 'Status tiket',
  titleMissing: 'Halaman tidak ditemukan',
  appTagline: 'Standar Operasional Prosedur penanganan pengaduan',
  navSops: 'Daftar SOP',
  navInbox: 'Kotak masuk',
  navCompare: 'Bandingkan',
  navReports: 'Laporan',
  navLogin: 'Masuk',
  navLogout: 'Keluar',
  navSignedInAs: 'Masuk sebagai {name}',
  language: 'Bahasa',
  loading: 'Memuat…',
  loadFailed: 'Gagal memuat: {message}',
  pageLoadFailed: 'Halaman ini tidak dapat dimuat. Periksa sambungan, lalu muat ulang.',
  pageReload: 'Muat ulang',
  pageLoadDetails: 'Keterangan teknis',
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
  everyQuarter: 'triwulanan',
  everyHalfYear: 'semesteran',
  everyYear: 'tahunan',
  showMutuBaku: 'Kolom Mutu Baku',
  exportPng: 'Unduh PNG',
  exportSvg: 'Unduh SVG',
  exportFailed: 'Ekspor gagal: {message}',
  exportNotLoaded: 'bagian aplikasi untuk ekspor tidak dapat diunduh; periksa sambungan, lalu coba lagi.',
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
  legendLabel: 'Keterangan simbol',
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
  simulate: 'Simulasi',
  simTitle: 'Simulasi alur',
  simIntro:
    'Jalankan satu pengaduan melalui mesin SOP yang sama dengan yang dipakai server. Pilih tindakan tiap langkah dan majukan jam virtual untuk melihat batas waktu lewat dan eskalasinya.',
  simBackToSop: '← Kembali ke SOP',
  simStartAt: 'Mulai pada ({tz})',
  simRestart: 'Mulai ulang',
  simClock: 'Jam virtual',
  simPlusHour: '+1 jam',
  simPlusDay: '+1 hari',
  simJumpDeadline: 'Lompat ke batas waktu',
  simCurrentStep: 'Langkah aktif',
  simLane: 'Pelaksana',
  simDeadline: 'Batas waktu',
  simNoDeadline: 'tanpa batas waktu',
  simDeadlineNote: 'Batas waktu tidak dapat dihitung: {note}',
  simTimeoutRule: 'Jika lewat batas waktu: {rule}',
  simRuleEscalate: 'naik satu tingkat',
  simRuleFlag: 'ditandai terlambat',
  simRuleComplete: 'dilanjutkan ke langkah berikutnya',
  simRuleChoose: 'dianggap "{outcome}"',
  simCitizenStep: 'Langkah pelapor: dikerjakan pelapor dari halaman tiket (dengan kode akses), atau dicatat petugas atas namanya',
  simOverdue: 'Terlambat',
  simActions: 'Tindakan',
  simComplete: 'Selesai, teruskan',
  simEscalate: 'Eskalasi',
  simReject: 'Tolak / kembalikan',
  simDone: 'Kasus selesai: {step}',
  simExpired: 'Batas waktu langkah {step} lewat pada {at}: {rule}.',
  simPathLegend: 'Jalur yang dilalui',
  simActiveLegend: 'Langkah aktif',
  simKartu: 'Kartu kendali (simulasi)',
  simKartuEmpty: 'Belum ada serah terima.',
  simKkNo: 'No',
  simKkFrom: 'Dari',
  simKkTo: 'Ke',
  simKkReceived: 'Diterima',
  simKkHanded: 'Diserahkan',
  simKkSpent: 'Waktu kerja / batas',
  simEventSTART: 'Pengaduan masuk',
  simEventCOMPLETE: 'Selesai',
  simEventCHOOSE: 'Keputusan',
  simEventESCALATE: 'Eskalasi',
  simEventREJECT: 'Ditolak',
  simEventEXPIRE: 'Lewat batas waktu',
  simCompileFailed: 'SOP tidak dapat dijalankan: {message}',
  simHolidaysFailed:
    'Daftar hari libur yang dimuat administrator belum terbaca ({message}): tenggat di simulasi ini dihitung dengan daftar bawaan, yang tidak memuat cuti bersama atau penutupan kantor yang dimuat kemudian.',
};

export type MessageKey = keyof typeof id;
export type Lang = 'id' | 'en';

const en: Record<MessageKey, string> = {
  ...editorMessagesEn,
  ...consoleMessagesEn,
  ...publicMessagesEn,
  ...compareMessagesEn,
  ...reportsMessagesEn,
  ...nationalMessagesEn,
  ...simulationMessagesEn,
  ...holidaysMessagesEn,
  ...adminMessagesEn,
  ...webhookMessagesEn,
  ...validityMessagesEn,
  ...diagramMessagesEn,
  ...liveMessagesEn,
  ...intakeMessagesEn,
  ...replyTemplateMessagesEn,
  ...approvalMessagesEn,
  appName: 'Disdukcapil Complaint SOPs',
  skipToContent: 'Skip to the page content',
  titleSop: 'SOP',
  titleNewSop: 'New SOP',
  titleEdit: 'Edit SOP',
  titleSimulate: 'Simulate SOP',
  titleRegister: 'Register a complaint',
  titleCase: 'Complaint',
  titleKartu: 'Control card (kartu kendali)',
  titleNational: 'National report',
  titleWebhooks: 'Webhooks',
  titleFile: 'File a complaint',
  titleTicket: 'Ticket status',
  titleMissing: 'Page not found',
  appTagline: 'Standard operating procedures for handling complaints',
  navSops: 'SOPs',
  navInbox: 'Inbox',
  navCompare: 'Compare',
  navReports: 'Reports',
  navLogin: 'Log in',
  navLogout: 'Log out',
  navSignedInAs: 'Signed in as {name}',
  language: 'Language',
  loading: 'Loading…',
  loadFailed: 'Could not load: {message}',
  pageLoadFailed: 'This page could not be loaded. Check the connection, then reload.',
  pageReload: 'Reload',
  pageLoadDetails: 'Technical details',
  notFound: 'There is no SOP "{id}".',
  backToList: '← Back to the SOPs',
  listTitle: 'Complaint-handling SOPs',
  listSubtitle: "Each regency's SOP-AP under PermenPAN-RB Regulation 35/2012. Choose one to see its flowchart.",
  listLanes: '{n, plural, one {# actor} other {# actors}}',
  listSteps: '{n, plural, one {# step} other {# steps}}',
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
  everyQuarter: 'quarterly',
  everyHalfYear: 'half-yearly',
  everyYear: 'yearly',
  showMutuBaku: 'Quality standard columns',
  exportPng: 'Download PNG',
  exportSvg: 'Download SVG',
  exportFailed: 'Export failed: {message}',
  exportNotLoaded: 'the part of the app that exports could not be downloaded; check the connection, then try again.',
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
  legendLabel: 'Legend',
  legendTerminator: 'Start / End',
  legendTask: 'Activity',
  legendDecision: 'Decision',
  legendEscalation: 'Escalation',
  legendRejection: 'Rejected / returned',
  periodicTitle: 'Periodic procedures',
  printHint: 'A4 landscape print layout. Use the Print button or Ctrl+P.',
  unknownSteps: '(+ {n, plural, one {# step} other {# steps}} with an unknown time)',
  unitMonth: '{n, plural, one {# month} other {# months}}',
  unitWeek: '{n, plural, one {# week} other {# weeks}}',
  unitDay: '{n, plural, one {# day} other {# days}}',
  unitWorkingDay: '{n, plural, one {# working day} other {# working days}}',
  unitHour: '{n, plural, one {# hour} other {# hours}}',
  unitMinute: '{n, plural, one {# minute} other {# minutes}}',
  zeroTime: '0 minutes',
  simulate: 'Simulate',
  simTitle: 'Flow simulation',
  simIntro:
    'Run one complaint through the same SOP machine the server uses. Choose the action at each step and move the virtual clock ahead to see deadlines pass and the escalation they cause.',
  simBackToSop: '← Back to the SOP',
  simStartAt: 'Start at ({tz})',
  simRestart: 'Start again',
  simClock: 'Virtual clock',
  simPlusHour: '+1 hour',
  simPlusDay: '+1 day',
  simJumpDeadline: 'Jump to the deadline',
  simCurrentStep: 'Active step',
  simLane: 'Actor',
  simDeadline: 'Deadline',
  simNoDeadline: 'no deadline',
  simDeadlineNote: 'The deadline cannot be computed: {note}',
  simTimeoutRule: 'When the deadline passes: {rule}',
  simRuleEscalate: 'moves one level up',
  simRuleFlag: 'marked overdue',
  simRuleComplete: 'goes on to the next step',
  simRuleChoose: 'taken as "{outcome}"',
  simCitizenStep: "The complainant's step: worked by the complainant from the ticket page (with the access code), or recorded by an officer on their behalf",
  simOverdue: 'Overdue',
  simActions: 'Actions',
  simComplete: 'Done, hand over',
  simEscalate: 'Escalate',
  simReject: 'Reject / return',
  simDone: 'Case finished: {step}',
  simExpired: 'The deadline of step {step} passed at {at}: {rule}.',
  simPathLegend: 'Path taken',
  simActiveLegend: 'Active step',
  simKartu: 'Control card (simulated)',
  simKartuEmpty: 'No hand-over yet.',
  simKkNo: 'No.',
  simKkFrom: 'From',
  simKkTo: 'To',
  simKkReceived: 'Received',
  simKkHanded: 'Handed over',
  simKkSpent: 'Working time / limit',
  simEventSTART: 'Complaint filed',
  simEventCOMPLETE: 'Done',
  simEventCHOOSE: 'Decision',
  simEventESCALATE: 'Escalated',
  simEventREJECT: 'Rejected',
  simEventEXPIRE: 'Deadline passed',
  simCompileFailed: 'The SOP cannot be run: {message}',
  simHolidaysFailed:
    'The holiday lists loaded by the administrators could not be read ({message}): deadlines in this simulation are counted with the shipped lists, without any cuti bersama or office closure loaded later.',
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { id, en };
const STORAGE_KEY = 'sop.lang';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const PLURAL = /\{\w+,\s*(plural|select|selectordinal)\s*,/;
const compiled = new Map<string, IntlMessageFormat>();

/**
 * Fills `{name}` placeholders, leaving unknown ones visible. A message with ICU plural or select
 * arguments (`{n, plural, one {# step} other {# steps}}`) is formatted by intl-messageformat with
 * the language's plural rules; when one of its parameters is missing it is shown as written.
 */
export function format(template: string, params: Record<string, string | number> = {}, lang: Lang = 'id'): string {
  if (PLURAL.test(template)) {
    const key = `${lang}\u0000${template}`;
    let message = compiled.get(key);
    if (!message) {
      message = new IntlMessageFormat(template, lang);
      compiled.set(key, message);
    }
    try {
      return String(message.format(params));
    } catch {
      return template; // a parameter is missing: visible, as for plain placeholders
    }
  }
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
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, params) => format(MESSAGES[lang][key], params, lang) }), [lang, setLang]);
  document.documentElement.lang = lang;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
