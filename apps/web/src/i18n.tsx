import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { validityMessagesEn, validityMessagesId } from './validity/messages';
import { publicMessagesEn, publicMessagesId } from './public/messages';
import type { StaffMessageKey, StaffMessages } from './staff-messages';

/**
 * The words every page may need, in Bahasa Indonesia (the default): the app's shell (title, menu,
 * not-found and loading words), the SOP list, the citizen's pages (public/messages.ts) and the
 * browser's own field checks. SOP content is never translated. The staff pages' words are a group
 * loaded with their code (`loadMessages`, staff-messages.ts): the citizen's form and ticket page,
 * opened on phones over slow networks, do not download them.
 */
const coreId = {
  ...publicMessagesId,
  ...validityMessagesId,
  appName: 'SOP Pengaduan Disdukcapil',
  appNameShort: 'SOP Pengaduan',
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
  backToList: '← Kembali ke daftar SOP',
  listTitle: 'SOP Penanganan Pengaduan',
  listSubtitle: 'SOP-AP setiap kabupaten/kota menurut PermenPAN-RB Nomor 35 Tahun 2012. Pilih satu untuk melihat diagram alurnya.',
  listLanes: '{n} pelaksana',
  listSteps: '{n} langkah',
  listVersion: 'versi {n}',
  listOpen: 'Lihat diagram alur',
  listEmpty: 'Belum ada SOP yang diterbitkan.',
  listRejected: 'Berkas di sops/ yang tidak dapat diterbitkan',
  print: 'Tampilan cetak',
  blank: '—',
  simulate: 'Simulasi',
  navAccounts: 'Pengguna',
  navAudit: 'Log audit',
  newSopLink: '+ Kabupaten/kota baru',
  proposalsTitle: 'Usulan versi SOP',
  navHolidays: 'Hari libur',
  notFoundTitle: 'Halaman tidak ditemukan',
  notFoundPage: 'Alamat "{path}" tidak ada di aplikasi ini.',
  notFoundSop: 'SOP "{id}" tidak ditemukan. Mungkin alamatnya salah ketik, atau SOP itu belum diterbitkan.',
  notFoundCase: 'Pengaduan ini tidak ditemukan. Mungkin alamatnya salah, atau pengaduan itu milik kabupaten/kota lain.',
  notFoundTicket: 'Tiket "{ticket}" tidak ditemukan. Periksa lagi nomor tiket pada tanda terima Anda.',
  notFoundHome: 'Ke daftar SOP',
  notFoundInbox: 'Ke kotak masuk',
  navReplyTemplates: 'Templat balasan',
  titleReplyTemplates: 'Templat balasan',
  navWebhooks: 'Webhook',
};

type CoreMessageKey = keyof typeof coreId;
/** Every key of the UI's words, loaded or not: `t` takes only these. */
export type MessageKey = CoreMessageKey | StaffMessageKey;
export type Lang = 'id' | 'en';

const coreEn: Record<CoreMessageKey, string> = {
  ...publicMessagesEn,
  ...validityMessagesEn,
  appName: 'Disdukcapil Complaint SOPs',
  appNameShort: 'Complaint SOPs',
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
  backToList: '← Back to the SOPs',
  listTitle: 'Complaint-handling SOPs',
  listSubtitle: "Each regency's SOP-AP under PermenPAN-RB Regulation 35/2012. Choose one to see its flowchart.",
  listLanes: '{n, plural, one {# actor} other {# actors}}',
  listSteps: '{n, plural, one {# step} other {# steps}}',
  listVersion: 'version {n}',
  listOpen: 'View flowchart',
  listEmpty: 'No SOP has been published yet.',
  listRejected: 'Files in sops/ that could not be published',
  print: 'Print view',
  blank: '—',
  simulate: 'Simulate',
  navAccounts: 'Users',
  navAudit: 'Audit log',
  newSopLink: '+ New regency',
  proposalsTitle: 'Proposed SOP versions',
  navHolidays: 'Holidays',
  notFoundTitle: 'Page not found',
  notFoundPage: 'There is no page "{path}" in this application.',
  notFoundSop: 'SOP "{id}" was not found. The address may be mistyped, or the SOP is not published yet.',
  notFoundCase: 'This complaint was not found. The address may be wrong, or the complaint belongs to another regency.',
  notFoundTicket: 'Ticket "{ticket}" was not found. Check the ticket number on your receipt.',
  notFoundHome: 'To the SOP list',
  notFoundInbox: 'To the inbox',
  navReplyTemplates: 'Reply templates',
  titleReplyTemplates: 'Reply templates',
  navWebhooks: 'Webhooks',
};

/** The groups of words loaded on demand, each with the pages that need it (lazyPage in App.tsx). */
export type MessageGroup = 'staff';

const GROUPS: Record<MessageGroup, () => Promise<StaffMessages>> = {
  staff: () => import('./staff-messages').then((m) => m.staffMessages),
};

/**
 * The words loaded so far, per language: the core from the start, a group's once `loadMessages` has
 * brought it. Typed whole, as `t` is: a page loaded on demand renders only once the groups it names
 * are here (lazyPage), so it never reads a key that is missing.
 */
export const MESSAGES: Record<Lang, Record<MessageKey, string>> = {
  id: { ...coreId } as Record<MessageKey, string>,
  en: { ...coreEn } as Record<MessageKey, string>,
};

/** Adds a group's words in both languages (a change of language needs nothing more from the network). */
export function registerMessages(words: { id: Partial<Record<MessageKey, string>>; en: Partial<Record<MessageKey, string>> }): void {
  Object.assign(MESSAGES.id, words.id);
  Object.assign(MESSAGES.en, words.en);
}

const loads = new Map<MessageGroup, Promise<void>>();

/** Loads a group of words (once) and registers it; a failed load is asked again on the next call. */
export function loadMessages(group: MessageGroup): Promise<void> {
  let load = loads.get(group);
  if (!load) {
    load = GROUPS[group]().then(registerMessages, (e: unknown) => {
      loads.delete(group);
      throw e;
    });
    loads.set(group, load);
  }
  return load;
}

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

const reported = new Set<string>();

/**
 * A key's words; a key whose group is not loaded (a page that renders before its words, which
 * lazyPage prevents) shows itself and is reported as an error once, without breaking the page.
 */
function message(lang: Lang, key: MessageKey): string {
  const text = MESSAGES[lang][key] as string | undefined;
  if (text !== undefined) return text;
  if (!reported.has(key)) {
    reported.add(key);
    const error = new Error(`i18n: the words of "${key}" are not loaded`);
    if (typeof reportError === 'function') reportError(error);
    else console.error(error.message);
  }
  return key;
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
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, params) => format(message(lang, key), params, lang) }), [lang, setLang]);
  document.documentElement.lang = lang;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
