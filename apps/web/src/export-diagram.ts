import type { SwimlaneLayout } from '@sop/swimlane-layout';

/** Offers a file to the browser's downloads. */
export function download(filename: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  download(filename, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Renders the whole diagram (not only the part in view) to a PNG: the React Flow viewport is drawn
 * at scale 1 with its origin at the sheet's corner.
 */
export async function diagramPng(container: HTMLElement, layout: SwimlaneLayout): Promise<string> {
  const viewport = container.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('the diagram is not on the page');
  const margin = 16;
  const width = layout.width + 2 * margin;
  const height = layout.height + 2 * margin;
  // html-to-image is loaded only when someone exports
  const { toPng } = await import('html-to-image');
  return toPng(viewport, {
    backgroundColor: '#ffffff',
    width,
    height,
    pixelRatio: 1.5,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${margin}px, ${margin}px) scale(1)` },
  });
}
