import type { Provenance, SopEdgeKind, StepKind, TimeoutRule } from '@sop/model/graph';

/** A point of the drawing, in pixels from its top-left corner. */
export interface Point {
  x: number;
  y: number;
}

/** A box of the drawing: its top-left corner and its size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Which side of a node an edge leaves or enters by. */
export type Side = 'top' | 'right' | 'bottom' | 'left';

/**
 * A column of the printed SOP-AP table: the step number, the activity (Uraian Kegiatan), one per
 * Pelaksana, and the three Mutu Baku columns.
 */
export interface SwimlaneColumn {
  /** `no`, `kegiatan`, `lane:<lane id>`, `kelengkapan`, `waktu`, `output`, `keterangan`. */
  id: string;
  kind: 'number' | 'activity' | 'lane' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan';
  /** The header group the column sits under, as on paper. */
  group: 'pelaksana' | 'mutu-baku' | null;
  x: number;
  width: number;
}

/** A Pelaksana column: its header is the lane's name as written. */
export interface SwimlaneLane {
  id: string;
  name: string;
  /** Position in the source's order. */
  index: number;
  x: number;
  width: number;
  /** The units the lane stands for (ADR 0014: each Bidang or Seksi), by name as written; empty when none. */
  units: string[];
  /** True when no step of the flow is in the lane, but a step asks it (coordination): the column is in use. */
  askedOnly: boolean;
}

/** A row of the table: one step, or two that share a printed number (a terminator drawn in another step's row). */
export interface SwimlaneRow {
  index: number;
  /** The printed number ("2"), or null when the source has none. */
  number: string | null;
  /** The steps drawn in this row, in source order. */
  stepIds: string[];
  y: number;
  height: number;
  /** Uraian Kegiatan: the activity text of the row's steps. */
  activity: string | null;
  /** Mutu Baku of the row (from its first step that has them). */
  kelengkapan: string[];
  waktu: string | null;
  output: string | null;
  /** The documents the row's decision outcomes produce (ADR 0014), drawn in the Output column under the output. */
  documents: { outcome: string; label: string; document: string }[];
  /** Keterangan of the row's steps, joined (null when none prints one). */
  keterangan: string | null;
}

export interface SwimlaneNode extends Box {
  /** The step's id. */
  id: string;
  kind: StepKind;
  lane: string;
  row: number;
  number: string | null;
  /** The step's label, or its activity shortened. */
  label: string;
  /** The step's provenance mark (not printed in the source, or damaged): the symbol is drawn dashed. Null when printed. */
  provenance: Provenance | null;
  /** The step's timeout rule when it is marked inferred (a decision of the platform, not of the source), else null. */
  inferredTimeout: { action: TimeoutRule['action']; note: string | null } | null;
  /** A task or decision in the citizen's lane (role pemohon, ADR 0010). */
  citizen: boolean;
  /**
   * On a citizen step whose time passing settles it: `complete` (goes on) or `choose` with the
   * outcome taken and its label ("bila tak dijawab: Puas"). Null otherwise.
   */
  citizenTimeout: { action: 'complete' | 'choose'; outcome: string | null; outcomeLabel: string | null } | null;
  /** The step may set a date and wait for it (ADR 0014), with the schedule's label as written. */
  schedule: { label: string | null } | null;
  /** A decision routed by a form field: the field's id and its label on the form (the id when the form has no such field). */
  routeBy: { field: string; label: string } | null;
}

/**
 * A step asking another lane (ADR 0014 coordination): a dotted two-way connector on the step's row
 * from the step's border to a dotted box in the asked lane's column, which carries the label.
 */
export interface SwimlaneCoordination {
  /** `<step>~<lane>`: stable across runs. */
  id: string;
  step: string;
  lane: string;
  /** The coordination's label as written, else null (a drawing then names the lane). */
  label: string | null;
  /** The asked lane's name, as written. */
  laneName: string;
  /** The box drawn in the asked lane's column on the step's row. */
  box: Box;
  /** The connector: two points on one horizontal line, from the step's border to the box's. */
  points: [Point, Point];
}

export interface SwimlaneEdge {
  /** `<from>-><to>:<outcome id or kind>`: stable across runs. */
  id: string;
  from: string;
  to: string;
  kind: SopEdgeKind;
  /** The outcome's id, for decision outcomes. */
  outcome?: string;
  /** The decision outcome's label (or the escalation's or rejection's), null when none. */
  label: string | null;
  /**
   * What the label box shows: the label, the field values that lead to a routed outcome in brackets
   * ("Bidang terkait (Pendaftaran Penduduk, Pencatatan Sipil)") and, when the Mutu Baku columns are
   * hidden, the outcome's document on a line of its own. Null when there is no label.
   */
  text: string | null;
  /** With the decision's routeBy: the field values that lead to this outcome; null otherwise. */
  when: string[] | null;
  /** The document the outcome produces, as written; null when none. */
  document: string | null;
  /** The edge hands the complaint one level up. */
  escalates: boolean;
  /** The edge refuses or returns the complaint. */
  rejects: boolean;
  /** The edge hands the complaint to the agency whose it is (an outcome of kind referral). */
  refers?: true;
  /** The orthogonal polyline: the first point on the source's border, the last on the target's. */
  points: Point[];
  sourceSide: Side;
  targetSide: Side;
  /** The outcome's or jump's provenance status (inferred: not printed; incomplete: damaged), null when printed. */
  provenance: Provenance['status'] | null;
  /**
   * Where the label is drawn (centre), when the edge has one. Its box (`edgeLabelBox`) lies in
   * the lanes' area (never over the number, activity, Mutu Baku or Keterangan columns, nor the header)
   * and, where there is room, off every symbol and other label.
   */
  labelPoint: Point | null;
  /**
   * Nodes the edge could not avoid crossing (other than its ends). Empty for the five seed SOPs; a
   * layout of a dense generated SOP may have some.
   */
  crosses: string[];
}

export interface SwimlaneLayout {
  /** `main` or the periodic procedure's id. */
  flow: string;
  width: number;
  height: number;
  /** Height of the upper header band ("Pelaksana", "Mutu Baku"). */
  groupHeaderHeight: number;
  /** Height of the whole header (groups and column names); rows start below it. */
  headerHeight: number;
  columns: SwimlaneColumn[];
  lanes: SwimlaneLane[];
  rows: SwimlaneRow[];
  nodes: SwimlaneNode[];
  edges: SwimlaneEdge[];
  /** The coordination connectors of the flow's steps (ADR 0014). */
  coordinations: SwimlaneCoordination[];
  showMutuBaku: boolean;
  /** True when a node or an edge is marked inferred or incomplete: a drawing then shows the legend of the dashed symbols. */
  hasGaps: boolean;
}

export interface SwimlaneLayoutOptions {
  /** `main` (the default) or the id of a periodic procedure. */
  flow?: string;
  /** Draw the Mutu Baku columns (Kelengkapan, Waktu, Output) beside the rows; default true. */
  showMutuBaku?: boolean;
  /**
   * Draw the Keterangan column after Mutu Baku; default: when Mutu Baku is drawn and a step of the
   * flow prints a keterangan (the seeds mostly leave it blank, so most drawings keep their width).
   */
  showKeterangan?: boolean;
  /** Draw the Uraian Kegiatan column; default true. */
  showActivity?: boolean;
  /** Width of a task rectangle; default 150. */
  nodeWidth?: number;
  /** Width of a Pelaksana column; default nodeWidth + 50. */
  laneWidth?: number;
  /** Least height of a row; default 104. */
  minRowHeight?: number;
  /**
   * The layout drawn before, of an earlier version of the same SOP (an editor's last drawing): the
   * columns, lanes, rows, nodes, edges and coordinations equal to its own are returned as its
   * objects, and a list wholly equal as its list. A drawing that compares by identity then redraws
   * only what the edit changed. The result is equal to the layout made without it.
   */
  previous?: SwimlaneLayout | null;
}

/** How an edge is drawn: its kind of hand-over (a rejection, an escalation, a referral out of the office) or an ordinary one. */
export type EdgeTone = 'normal' | 'escalation' | 'rejection' | 'referral';

/** The tone of an edge, for every drawing (the SVG, the sheet, React Flow) to colour it alike. */
export function edgeTone(e: Pick<SwimlaneEdge, 'escalates' | 'rejects' | 'refers'>): EdgeTone {
  return e.rejects ? 'rejection' : e.escalates ? 'escalation' : e.refers ? 'referral' : 'normal';
}

/** The colour of each tone (the referral's a violet, apart from the office's own orange and red). */
export const EDGE_TONE_COLORS: Readonly<Record<EdgeTone, string>> = { normal: '#334e68', escalation: '#c05621', rejection: '#c53030', referral: '#6b46c1' };
