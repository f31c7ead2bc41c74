import { readableViewport, STEP_TEXT_PX, viewCentre } from './readable-viewport';

describe('readableViewport', () => {
  it('fits a wide sheet’s width, but never below the zoom that keeps a step’s label 11 px on screen', () => {
    const v = readableViewport({ width: 2400, height: 30000 }, { width: 1200, height: 800 });
    // fitting the whole 30,000 px sheet would draw the labels at under half a pixel
    expect(v.zoom * STEP_TEXT_PX).toBeGreaterThanOrEqual(10.99);
    expect(v).toEqual({ x: 12, y: 12, zoom: 0.957 });
  });

  it('fits the width when that is readable, the top of the sheet at the top of the pane', () => {
    const v = readableViewport({ width: 1224, height: 5000 }, { width: 1200, height: 800 });
    expect(v.zoom).toBeCloseTo(1176 / 1224, 3);
    expect(v.y).toBe(12);
  });

  it('never enlarges past 1:1 and centres a narrow sheet', () => {
    expect(readableViewport({ width: 800, height: 600 }, { width: 1200, height: 800 })).toEqual({ x: 200, y: 12, zoom: 1 });
  });

  it('takes another smallest text size', () => {
    expect(readableViewport({ width: 4000, height: 4000 }, { width: 1000, height: 800 }, 5.75).zoom).toBe(0.5);
  });
});

describe('viewCentre', () => {
  it('is the sheet point under the pane’s centre', () => {
    expect(viewCentre({ x: 12, y: -388, zoom: 0.5 }, { width: 1024, height: 800 })).toEqual({ x: 1000, y: 1576 });
  });
});
