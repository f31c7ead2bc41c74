import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSop } from '@sop/model';
import { layoutSwimlanes } from '@sop/swimlane-layout';
import { placeAt, setViewPlace, viewPlace } from './view-place';

const metro = validateSop(readFileSync(join(__dirname, '../../../../sops/metro.yaml'), 'utf8')).sop!;
const layout = layoutSwimlanes(metro);
const middle = (i: number) => layout.rows[i].y + layout.rows[i].height / 2;
const lastOf = (i: number) => layout.rows[i].stepIds.at(-1);

describe('placeAt: where a new step goes for the point at the centre of the editor’s view', () => {
  it('is the lane under the point, after the last row whose middle is above it', () => {
    const lane = layout.lanes[2];
    const place = placeAt(layout, { x: lane.x + lane.width / 2, y: middle(3) + 1 });
    expect(place).toEqual({ flow: 'main', lane: lane.id, afterStepId: lastOf(3) });
    // just above row 3's middle: the new row opens between rows 2 and 3
    expect(placeAt(layout, { x: lane.x + 1, y: middle(3) - 1 })!.afterStepId).toBe(lastOf(2));
  });

  it('takes the nearest lane when the point is over Kegiatan or Mutu Baku', () => {
    expect(placeAt(layout, { x: 10, y: middle(1) })!.lane).toBe(layout.lanes[0].id);
    expect(placeAt(layout, { x: layout.width - 5, y: middle(1) })!.lane).toBe(layout.lanes.at(-1)!.id);
  });

  it('follows the first row above the rows, and ends the flow below them', () => {
    expect(placeAt(layout, { x: layout.lanes[0].x, y: 0 })!.afterStepId).toBe(lastOf(0));
    expect(placeAt(layout, { x: layout.lanes[0].x, y: layout.height + 500 })!.afterStepId).toBeNull();
  });
});

describe('the view’s place', () => {
  afterEach(() => setViewPlace(null));

  it('is read for the flow the view shows only', () => {
    setViewPlace({ flow: 'main', lane: 'petugas', afterStepId: null });
    expect(viewPlace('main')).toEqual({ flow: 'main', lane: 'petugas', afterStepId: null });
    expect(viewPlace('rekap-bulanan')).toBeNull();
  });
});
