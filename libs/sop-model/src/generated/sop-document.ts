/* eslint-disable */
// GENERATED from schemas/sop.schema.json by `npm run generate:types`. Do not edit.

/**
 * Text as written in the source.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Text".
 */
export type Text = string;
/**
 * Text as written in the source; null when the source leaves it blank or it was lost.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "SourceText".
 */
export type SourceText = string | null;
/**
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "LocalDate".
 */
export type LocalDate = string;
/**
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Items".
 */
export type Items = string[];
/**
 * Persyaratan pelayanan: what the citizen must bring or supply, as written.
 */
export type TextList = string | string[] | null;
/**
 * A stable identifier: lower-case letters, digits and dashes, starting with a letter.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * The common national role a lane plays, used to compare regencies. 'other' when none fits, with the lane's roleDescription.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "LaneRole".
 */
export type LaneRole =
  | 'pemohon'
  | 'petugas'
  | 'kasi'
  | 'kabid'
  | 'sekretaris'
  | 'kepala-dinas'
  | 'bidang-teknis'
  | 'analis'
  | 'operator-editor'
  | 'petugas-dokumen'
  | 'helpdesk'
  | 'tim-pengaduan'
  | 'ppid'
  | 'pejabat-berwenang'
  | 'other';
/**
 * start and end are the terminator symbols (Mulai, Selesai), task the rectangle, decision the diamond.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "StepKind".
 */
export type StepKind = 'start' | 'task' | 'decision' | 'end';
/**
 * Mutu Baku: Kelengkapan / Persyaratan.
 */
export type TextList1 = string | string[] | null;
/**
 * Text as written in the source: one string, a list of strings, or null when blank.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "TextList".
 */
export type TextList2 = string | string[] | null;

/**
 * A complaint-handling SOP of a Disdukcapil in the SOP-AP format of PermenPAN-RB 35/2012. The SOP id is the file name (sops/<id>.yaml). Text values keep the words of the source SOP; null means the value is blank or lost in the source (unknown).
 */
export interface SopDocument {
  /**
   * Version of this schema the document is written against.
   */
  schemaVersion: 1;
  identity: Identity;
  calendar: OfficeCalendar;
  sections: Sections;
  service?: ServiceStandard;
  source?: SourceState;
  /**
   * The Pelaksana columns of the flowchart, in the source's order.
   *
   * @minItems 1
   */
  lanes: Lane[];
  intake?: Intake;
  /**
   * The rows of the flowchart, in the source's order. The first step of kind 'start' is where a case begins.
   *
   * @minItems 2
   */
  steps: Step[];
  /**
   * Procedures that do not run per complaint but on a schedule (a daily recap, a monthly review).
   */
  periodic?: PeriodicProcedure[];
  /**
   * Message texts the SOP prescribes, verbatim.
   */
  templates?: MessageTemplate[];
  logbook?: Logbook;
  controlCard?: ControlCard;
}
/**
 * The identity block of the SOP-AP.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Identity".
 */
export interface Identity {
  /**
   * e.g. PEMERINTAH KOTA METRO
   */
  government: string;
  /**
   * Kota or Kabupaten, e.g. Kota Metro
   */
  regency: string;
  province?: Text;
  /**
   * Kemendagri code of the regency, e.g. 18.72
   */
  regionCode?: string;
  /**
   * Text as written in the source.
   */
  office: string;
  /**
   * The bidang that owns the SOP, when named.
   */
  unit?: string | null;
  /**
   * Nomor SOP
   */
  number?: string | null;
  /**
   * Text as written in the source.
   */
  title: string;
  /**
   * The heading printed above the flowchart table, when there is one.
   */
  flowchartTitle?: string | null;
  dates?: {
    pembuatan?: SourceText;
    revisi?: SourceText;
    efektif?: SourceText;
    pengesahan?: SourceText;
  };
  /**
   * Disahkan oleh.
   */
  approvedBy?: {
    name?: SourceText;
    title?: SourceText;
    rank?: SourceText;
    nip?: SourceText;
  };
}
/**
 * The office's working-time calendar. National holidays and cuti bersama come from the platform's SKB 3 Menteri data; working hours default to Perpres 21/2023.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "OfficeCalendar".
 */
export interface OfficeCalendar {
  /**
   * WIB = Asia/Jakarta, WITA = Asia/Makassar, WIT = Asia/Jayapura.
   */
  timeZone: 'Asia/Jakarta' | 'Asia/Pontianak' | 'Asia/Makassar' | 'Asia/Jayapura';
  /**
   * Overrides Perpres 21/2023 (Pasal 7 lets units serving the public set other days). A weekday left out is not a working day.
   */
  workingHours?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^(mon|tue|wed|thu|fri|sat|sun)$".
     */
    [k: string]: WorkingPeriod[] | undefined;
  };
  extraHolidays?: DatedEntry[];
  extraWorkingDays?: DatedEntry[];
}
/**
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "WorkingPeriod".
 */
export interface WorkingPeriod {
  start: string;
  end: string;
}
/**
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "DatedEntry".
 */
export interface DatedEntry {
  date: LocalDate;
  name: Text;
}
/**
 * The SOP-AP sections, each a list of the items as written (empty when the source leaves the section blank).
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Sections".
 */
export interface Sections {
  dasarHukum: Items;
  kualifikasiPelaksana: Items;
  keterkaitan: Items;
  peralatanPerlengkapan: Items;
  peringatan: Items;
  pencatatanPendataan: Items;
}
/**
 * Standar pelayanan: the service standard an SOP prints for the service as a whole (cost, its legal basis, requirements, overall time and its conditions, product). Every field is optional: leave out what the source does not print; null means printed but blank, illegible or lost.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "ServiceStandard".
 */
export interface ServiceStandard {
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  biaya?: string | null;
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  dasarBiaya?: string | null;
  persyaratan?: TextList;
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  waktuPenyelesaian?: string | null;
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  kondisiWaktu?: string | null;
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  produk?: string | null;
}
/**
 * The state of the source document. complete: false when it is cut off or damaged: its gaps are kept as gaps (structural rules that would make the author invent steps are warnings), the SOP can be published for viewing and comparison, and it does not run cases.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "SourceState".
 */
export interface SourceState {
  /**
   * false when the source is cut off or damaged.
   */
  complete: boolean;
  /**
   * Text as written in the source.
   */
  note?: string;
}
/**
 * A Pelaksana column. Its id is the access role of the people who work it in the runtime; its role is the common national role it plays, so regencies can be compared, or 'other' with a roleDescription.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Lane".
 */
export interface Lane {
  id: Id;
  /**
   * Text as written in the source.
   */
  name: string;
  role: LaneRole;
  /**
   * Text as written in the source.
   */
  roleDescription?: string;
  /**
   * A stable identifier: lower-case letters, digits and dashes, starting with a letter.
   */
  unitField?: string;
  /**
   * The units one lane stands for (each Bidang or Seksi): a case in this lane goes to the unit whose values hold the case's unitField value; officers holding the lane see every unit's cases, those holding lane:unit only their unit's.
   *
   * @minItems 1
   */
  units?: LaneUnit[];
}
/**
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "LaneUnit".
 */
export interface LaneUnit {
  id: Id;
  /**
   * Text as written in the source.
   */
  name: string;
  /**
   * The unitField values (choice options, as written) that go to this unit.
   *
   * @minItems 1
   */
  values: Text[];
}
/**
 * How complaints come in.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Intake".
 */
export interface Intake {
  /**
   * @minItems 1
   */
  channels: Channel[];
  form?: Form;
  /**
   * A stable identifier: lower-case letters, digits and dashes, starting with a letter.
   */
  categoryField?: string;
  /**
   * Lane ids, beyond the lane of the start step's successor (the intake lane), allowed to see the complainant's confidential fields.
   */
  revealTo?: Id[];
}
/**
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Channel".
 */
export interface Channel {
  id: Id;
  /**
   * How the complaint arrives. 'lapor' is SP4N-LAPOR!, the national public complaints service (lapor.go.id).
   */
  kind:
    | 'tatap-muka'
    | 'telepon'
    | 'fax'
    | 'sms'
    | 'whatsapp'
    | 'email'
    | 'website'
    | 'media-sosial'
    | 'facebook'
    | 'instagram'
    | 'surat'
    | 'kotak-pengaduan'
    | 'call-centre'
    | 'lapor'
    | 'lainnya';
  /**
   * Text as written in the source.
   */
  label: string;
  provenance?: Provenance;
}
/**
 * Where a step, an outcome, a jump, a timeout rule or a channel comes from when it is not simply printed in the source. inferred: not printed; a decision of the platform (whoever encoded the SOP), explained in note. incomplete: printed but cut off or damaged; note says what is lost. Steps so marked are drawn dashed and listed by inspect and compare.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Provenance".
 */
export interface Provenance {
  status: 'inferred' | 'incomplete';
  /**
   * Text as written in the source.
   */
  note?: string;
}
/**
 * The complaint form (e.g. Buleleng FM-PDIP-03-01) or the registration fields the SOP names.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Form".
 */
export interface Form {
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  document?: string | null;
  title: Text;
  revision?: SourceText;
  effective?: SourceText;
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  notice?: string | null;
  /**
   * @minItems 1
   */
  fields: FormField[];
}
/**
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "FormField".
 */
export interface FormField {
  id: Id;
  label: Text;
  /**
   * nik and kk: 16 digits with their structure; nik-or-kk accepts either; phone: an Indonesian mobile number (08…, 628…, +628…); landline: a fixed line with its area code ((0361) 222333); phone-or-landline: either, for a form that says "telepon". file: an attachment (a photo of a KTP, a letter, a screenshot): never shown on a public page.
   */
  type:
    | 'text'
    | 'textarea'
    | 'email'
    | 'phone'
    | 'landline'
    | 'phone-or-landline'
    | 'nik'
    | 'kk'
    | 'nik-or-kk'
    | 'choice'
    | 'date'
    | 'file';
  required?: boolean;
  /**
   * Personal data of the complainant: masked for every lane but the intake lane and intake.revealTo.
   */
  confidential?: boolean;
  /**
   * The choices of a 'choice' field, as written.
   *
   * @minItems 1
   */
  options?: Text[];
  /**
   * For a file field: the kinds of file accepted, as MIME types (image/jpeg, image/png, application/pdf); default: JPEG, PNG and PDF.
   *
   * @minItems 1
   */
  accept?: string[];
  /**
   * For a file field: the largest file accepted, in megabytes (default 5).
   */
  maxSizeMb?: number;
}
/**
 * A row of the flowchart.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Step".
 */
export interface Step {
  id: Id;
  /**
   * The number printed in the No column, as a string; null when the source lost it.
   */
  number: string | null;
  kind: StepKind;
  /**
   * A stable identifier: lower-case letters, digits and dashes, starting with a letter.
   */
  lane: string;
  /**
   * On a start step of a flow with several starts: the ids of the intake channels (and 'web', the public form) whose complaints begin here. A flow with one start serves every channel and needs no list.
   *
   * @minItems 1
   */
  channels?: Id[];
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  label?: string | null;
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  activity: string | null;
  kelengkapan?: TextList1;
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  waktu?: string | null;
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  output?: string | null;
  keterangan?: SourceText;
  /**
   * A stable identifier: lower-case letters, digits and dashes, starting with a letter.
   */
  next?: string;
  /**
   * The named outcomes of a decision.
   */
  outcomes?: Outcome[];
  escalation?: Jump;
  rejection?: Jump1;
  onTimeout?: TimeoutRule;
  /**
   * A stable identifier: lower-case letters, digits and dashes, starting with a letter.
   */
  template?: string;
  provenance?: Provenance;
  /**
   * Lanes this step may ask (Helpdesk, a technical Bidang, PPID) while it keeps the case: the question and the answer are two kartu kendali lines, and the answer comes back to this step.
   *
   * @minItems 1
   */
  coordination?: Coordination[];
  /**
   * On a decision: the outcome follows the case's value of this form field (each outcome's `when`); the officer sees it chosen and may choose another with a note.
   */
  routeBy?: {
    /**
     * A stable identifier: lower-case letters, digits and dashes, starting with a letter.
     */
    field: string;
  };
  /**
   * The officer sets a date (a re-meeting, a visit) and the case waits until then: off the inbox, shown on the ticket page, back in the inbox on that date with the step's Waktu counted again from there.
   */
  schedule?: {
    /**
     * Text as written in the source; null when the source leaves it blank or it was lost.
     */
    label: string | null;
  };
}
/**
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Outcome".
 */
export interface Outcome {
  id: Id;
  /**
   * Text as written in the source.
   */
  label: string;
  to: Id;
  /**
   * escalation: the outcome hands the complaint one level up; rejection: the complaint is refused or returned; referral: the complaint is not the office's to settle and is handed to the agency whose it is (SP4N-LAPOR!'s Bukan Wewenang, dilimpahkan to the Inspektorat): its case leaves the office on this path and the reports count it apart.
   */
  kind?: 'escalation' | 'rejection' | 'referral';
  provenance?: Provenance;
  /**
   * With the decision's routeBy: the field values (as written in the field's options) that lead to this outcome.
   *
   * @minItems 1
   */
  when?: Text[];
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  document?: string | null;
}
/**
 * Where a task step goes when it is escalated one level up.
 */
export interface Jump {
  to: Id;
  label?: SourceText;
  provenance?: Provenance;
}
/**
 * Where a task step goes when the complaint is rejected.
 */
export interface Jump1 {
  to: Id;
  label?: SourceText;
  provenance?: Provenance;
}
/**
 * What happens when the step's Waktu passes. flag: the case stays and is marked overdue (the default); escalate: it is marked overdue and follows the step's escalation; complete: the step counts as done and the case goes on to its next step (a task the citizen did not answer); choose: the decision takes the named outcome (LAPOR! closes a report the citizen does not answer within 10 hari kerja). A step in the citizen's lane must say complete, choose or escalate: nobody else can settle it.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "TimeoutRule".
 */
export interface TimeoutRule {
  action: 'flag' | 'escalate' | 'complete' | 'choose';
  /**
   * A stable identifier: lower-case letters, digits and dashes, starting with a letter.
   */
  outcome?: string;
  provenance?: Provenance;
}
/**
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Coordination".
 */
export interface Coordination {
  /**
   * A stable identifier: lower-case letters, digits and dashes, starting with a letter.
   */
  lane: string;
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  label?: string | null;
}
/**
 * A procedure run on a schedule rather than per complaint; each run is a case of its own carrying the period's logbook.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "PeriodicProcedure".
 */
export interface PeriodicProcedure {
  id: Id;
  name: Text;
  schedule: {
    /**
     * The period: a day, an ISO week (Monday to Sunday), a month, a quarter (triwulan: January–March …), a half-year (semester: January–June, July–December) or a calendar year.
     */
    every: 'day' | 'week' | 'month' | 'quarter' | 'half-year' | 'year';
    /**
     * When in the period a run starts: at its last working day (end, the default) or its first (start).
     */
    at?: 'start' | 'end';
  };
  /**
   * Text as written in the source; null when the source leaves it blank or it was lost.
   */
  source?: string | null;
  /**
   * @minItems 2
   */
  steps: Step[];
}
/**
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "MessageTemplate".
 */
export interface MessageTemplate {
  id: Id;
  name: Text;
  /**
   * Text as written in the source.
   */
  text: string;
}
/**
 * The complaint register (e.g. Buleleng FM-PDIP-03-02) and its columns as printed.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Logbook".
 */
export interface Logbook {
  document?: SourceText;
  title: Text;
  revision?: SourceText;
  effective?: SourceText;
  /**
   * @minItems 1
   */
  columns: {
    id: Id;
    label: Text;
    /**
     * What the platform writes in this column of each complaint's line. Without it, the column's id says (no, tiket, tanggal, sumber, kategori, isi-pengaduan…, tindak-lanjut…, …pengadu…, status…, langkah, a lane's id, paraf…); a column that neither names is left blank, to be filled on paper. number: the line number; ticket; date: the date filed; channel: how it came in; category; complaint: the complaint in its own words (identity struck), its category, channel, ticket and date; follow-up: the officers' notes before the end; reply: the notes of the last step (the answer to the complainant); lane: the unit of the lane `lane` the complaint went to, or the officers of that lane who handed it on; end: the end reached, or the step it waits at; status: selesai / tidak; paper: left blank (a signature, a paraf).
     */
    fills?:
      | 'number'
      | 'ticket'
      | 'date'
      | 'channel'
      | 'category'
      | 'complaint'
      | 'follow-up'
      | 'reply'
      | 'lane'
      | 'end'
      | 'status'
      | 'paper';
    /**
     * A stable identifier: lower-case letters, digits and dashes, starting with a letter.
     */
    lane?: string;
  }[];
}
/**
 * The kartu kendali rule: every hand-over is initialled and dated on receipt and on hand-over.
 *
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "ControlCard".
 */
export interface ControlCard {
  required: boolean;
  /**
   * Text as written in the source.
   */
  text: string;
}
/**
 * This interface was referenced by `SopDocument`'s JSON-Schema
 * via the `definition` "Jump".
 */
export interface Jump2 {
  to: Id;
  label?: SourceText;
  provenance?: Provenance;
}
