import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSopCalendar } from '@sop/case-engine';
import { compileSop } from '@sop/compiler';
import { validateSop } from '@sop/model';
import { layoutSwimlanes } from '@sop/swimlane-layout';
import { startSimulation } from './simulation';

const sop = validateSop(readFileSync(join(__dirname, '../../../../libs/sop-model/src/__fixtures__/valid/two-ways-in.yaml'), 'utf8')).sop!;
const flow = compileSop(sop, { id: 'contoh' });
const calendar = createSopCalendar(sop);
const at = new Date('2026-11-23T02:00:00Z');

describe('simulating a flow with several ways in', () => {
  it('starts the complaint at the start of the channel chosen', () => {
    expect(startSimulation(flow, calendar, at, 'lapor').state.step).toBe('admin-verifikasi');
    expect(startSimulation(flow, calendar, at, 'tatap-muka').state.step).toBe('fo-catat');
    expect(startSimulation(flow, calendar, at).state.step).toBe('admin-verifikasi');
  });

  it('the swimlane draws a start symbol for each way in', () => {
    const layout = layoutSwimlanes(sop, { flow: 'main', showMutuBaku: false });
    const starts = layout.nodes.filter((n) => n.kind === 'start').map((n) => n.id);
    expect(starts).toEqual(['aduan-online', 'aduan-langsung']);
  });
});
