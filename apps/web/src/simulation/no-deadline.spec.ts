import { compileSop } from '@sop/compiler';
import { simulationMessagesEn, simulationMessagesId } from './messages';
import { noDeadlineReason } from './format';
import { loadSeed } from '../../../../libs/sop-model/src/__fixtures__/seeds';

// The simulator says why a step has no deadline, instead of a bare "tanpa batas waktu".
const compiled = (id: string) => compileSop(loadSeed(id), { id });

describe('why a step has no deadline', () => {
  it('names a step whose source prints no Waktu (Brebes: the admin answers), and one whose Waktu is not a duration (Lumajang: "Sahaja")', () => {
    const brebes = compiled('brebes').steps['admin-menjawab'];
    expect(brebes.waktu).toBeNull();
    expect(noDeadlineReason(brebes, false)).toBe('simNoDeadlineNoWaktu');
    const lumajang = compiled('lumajang').steps['memberikan-jawaban'];
    expect(noDeadlineReason(lumajang, false)).toBe('simNoDeadlineUnreadWaktu');
    expect(simulationMessagesId.simNoDeadlineUnreadWaktu.replace('{waktu}', lumajang.waktu!)).toContain('Waktu "Sahaja" di SOP sumber bukan lama waktu');
  });

  it('takes a dash in the Waktu column as "no time printed", and reads a Waktu as other offices print it', () => {
    const brebes = compiled('brebes').steps['admin-menjawab'];
    expect(noDeadlineReason({ ...brebes, waktu: '-' }, false)).toBe('simNoDeadlineNoWaktu');
    expect(noDeadlineReason({ ...brebes, waktu: ' – ' }, false)).toBe('simNoDeadlineNoWaktu');
    expect(noDeadlineReason({ ...brebes, waktu: '...' }, false)).toBe('simNoDeadlineNoWaktu');
    expect(noDeadlineReason({ ...brebes, waktu: 'segera' }, false)).toBe('simNoDeadlineUnreadWaktu');
    const sop = loadSeed('lumajang');
    const step = sop.steps.find((s) => s.id === 'memberikan-jawaban')!;
    step.waktu = 'paling lama 3 (tiga) hari kerja';
    const meta = compileSop(sop, { id: 'lumajang' }).steps['memberikan-jawaban'];
    expect(meta.timeLimit).toMatchObject({ amount: 3, unit: 'workingDay', text: 'paling lama 3 (tiga) hari kerja' });
    expect(noDeadlineReason(meta, false)).toBeNull();
  });

  it('says a scheduled wait and the end of the case, and nothing for a step that has a deadline', () => {
    const metro = compiled('metro');
    const withLimit = Object.values(metro.steps).find((m) => m.timeLimit && m.kind === 'task')!;
    expect(noDeadlineReason(withLimit, false)).toBeNull();
    expect(noDeadlineReason(withLimit, true)).toBe('simNoDeadlineWaiting');
    const end = Object.values(metro.steps).find((m) => m.kind === 'end')!;
    expect(noDeadlineReason(end, false)).toBe('simNoDeadlineEnd');
    for (const key of ['simNoDeadlineEnd', 'simNoDeadlineWaiting', 'simNoDeadlineNoWaktu', 'simNoDeadlineUnreadWaktu', 'simNoDeadlineCitizen'] as const) {
      expect(simulationMessagesEn[key]).toBeTruthy();
      expect(simulationMessagesId[key]).not.toBe(simulationMessagesEn[key]);
    }
  });
});
