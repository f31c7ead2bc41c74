/** The smallest size, in screen pixels, a step's label is drawn at when a diagram opens. */
export const MIN_READABLE_TEXT_PX = 11;
/** The font size of a step's label on the sheet at zoom 1 (`.step` in styles.css). */
export const STEP_TEXT_PX = 11.5;
/** Margin around the sheet, in screen pixels. */
const MARGIN = 12;

export interface Size {
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The viewport a diagram opens at: the sheet's width fitted to the pane, never enlarged past 1:1
 * and never shrunk below the zoom at which a step's label is `minTextPx` on screen; the sheet's
 * top (the header band) at the top of the pane, centred when it is narrower than the pane. What
 * does not fit is reached by panning (scroll), instead of a 300-step SOP shrunk to specks.
 *
 * @example
 * readableViewport({ width: 2000, height: 30000 }, { width: 1200, height: 800 }) // { x: 12, y: 12, zoom: 0.957 }
 */
export function readableViewport(sheet: Size, pane: Size, minTextPx = MIN_READABLE_TEXT_PX): Viewport {
  const minZoom = Math.min(1, minTextPx / STEP_TEXT_PX);
  const fitWidth = sheet.width > 0 ? (pane.width - 2 * MARGIN) / sheet.width : 1;
  const zoom = Math.round(Math.max(minZoom, Math.min(1, fitWidth)) * 1000) / 1000;
  const drawn = sheet.width * zoom;
  const x = drawn + 2 * MARGIN <= pane.width ? (pane.width - drawn) / 2 : MARGIN;
  return { x: Math.round(x), y: MARGIN, zoom };
}

/** The point of the sheet (diagram coordinates) at the centre of the pane. */
export function viewCentre(viewport: Viewport, pane: Size): { x: number; y: number } {
  return { x: (pane.width / 2 - viewport.x) / viewport.zoom, y: (pane.height / 2 - viewport.y) / viewport.zoom };
}
