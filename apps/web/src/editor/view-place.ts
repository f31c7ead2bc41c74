import type { SwimlaneLayout } from '@sop/swimlane-layout';

/** Where a new step goes so that it appears where the author is looking. */
export interface ViewPlace {
  flow: string;
  /** The lane under the point, else the nearest lane. */
  lane: string;
  /** The step the new one follows (its row is above the point), or null for the end of the flow. */
  afterStepId: string | null;
}

/**
 * The place of a new step at a point of the sheet (the centre of the editor's view): in the lane
 * whose column is under the point (the nearest lane when the point is over Kegiatan or Mutu Baku),
 * after the last row whose middle is above the point, so that its row opens at the point. Above the
 * first row it follows the first row; below the last, it ends the flow. Null without lanes.
 *
 * @example
 * placeAt(layout, { x: 700, y: 1200 }) // { flow: 'main', lane: 'kasi', afterStepId: 'kasi-periksa' }
 */
export function placeAt(layout: SwimlaneLayout, point: { x: number; y: number }): ViewPlace | null {
  if (!layout.lanes.length) return null;
  const distance = (l: { x: number; width: number }) => (point.x < l.x ? l.x - point.x : point.x >= l.x + l.width ? point.x - (l.x + l.width) + 1 : 0);
  const lane = layout.lanes.reduce((best, l) => (distance(l) < distance(best) ? l : best));
  const rows = layout.rows.filter((r) => r.stepIds.length > 0);
  let after: string | null = rows.length ? rows[0].stepIds[rows[0].stepIds.length - 1] : null;
  for (const r of rows) if (r.y + r.height / 2 <= point.y) after = r.stepIds[r.stepIds.length - 1];
  if (rows.length && point.y >= rows[rows.length - 1].y + rows[rows.length - 1].height) after = null;
  return { flow: layout.flow, lane: lane.id, afterStepId: after };
}

// The editor's view publishes its centre here and "Tambah langkah" reads it: the two are siblings
// of the edit page, and the place is only needed when the dialog opens.
let current: ViewPlace | null = null;

/** Records where a new step would go (EditableDiagram, after each move of the view). */
export function setViewPlace(place: ViewPlace | null): void {
  current = place;
}

/** Where a new step of `flow` would go, from the editor's last view; null when the view shows another flow or none. */
export function viewPlace(flow: string): ViewPlace | null {
  return current && current.flow === flow ? current : null;
}
