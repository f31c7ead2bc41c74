import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSops } from '@sop/compare';
import { validateSop, type SopDocument } from '@sop/model';
import { format, type Lang, type Translate } from '../i18n';
import { allMessages } from '../test-messages';
import { finishText } from './case-time-text';

const MESSAGES = allMessages();
const translate =
  (lang: Lang): Translate =>
  (key, params) =>
    format(MESSAGES[lang][key], params, lang);

// the second outside trial's SOPs, as libs/sop-compare's tests load them
function trialSop(name: string, waktu: Record<string, string> = {}): SopDocument {
  const text = readFileSync(join(__dirname, '../../../../libs/sop-compare/src/__fixtures__', `${name}.yaml`), 'utf8');
  const sop = validateSop(text, { file: `${name}.yaml` }).sop;
  if (!sop) throw new Error(`${name}.yaml is invalid`);
  for (const step of sop.steps) if (step.id in waktu) step.waktu = waktu[step.id];
  return sop;
}

function compared(slemanWaktu: Record<string, string>, lang: Lang) {
  return compareSops(
    [
      { key: 'sleman', sop: trialSop('sleman', slemanWaktu) },
      { key: 'makassar', sop: trialSop('makassar') },
    ],
    { lang },
  );
}

/** A working-time cell as the compare table shows it: the figure, then the finish example under it. */
function bestCaseCell(c: ReturnType<typeof compareSops>, i: number, lang: Lang): string {
  const cell = c.matrix.find((r) => r.section === 'figures' && r.key === 'bestCaseWorking')!.cells[i];
  const ends = finishText(c.sops[i], c.sops[i].bestCase, translate(lang), lang);
  return ends ? `${cell} | ${ends}` : cell;
}

describe('the compare table’s fastest working time, with its finish on the office calendar', () => {
  it('Makassar: two of its own working days, from the loket’s opening at 08.00 WITA to Tuesday’s close', () => {
    const c = compared({}, 'id');
    expect(bestCaseCell(c, 1, 'id')).toBe('2 hari kerja | selesai paling lambat Sel, 3 Feb, 16.00 WITA, bila masuk Sen, 2 Feb, 08.00 WITA');
    expect(bestCaseCell(compared({}, 'en'), 1, 'en')).toBe(
      '2 working days | settled by Tue 3 Feb, 16:00 WITA at the latest, if it arrives Mon 2 Feb, 08:00 WITA',
    );
  });

  it('Sleman as the trial read it (no Waktu of its fastest path known): unknown, no finish at midnight', () => {
    const unread = { catat: 'sesuai kebutuhan', klasifikasi: 'hari itu juga' };
    expect(bestCaseCell(compared(unread, 'id'), 0, 'id')).toBe('tidak diketahui (2 langkah tanpa Waktu)');
    expect(bestCaseCell(compared(unread, 'en'), 0, 'en')).toBe('unknown (2 steps without a Waktu)');
  });

  it('Sleman with one Waktu unknown: a lower bound, and its finish says the unknown step is not in it', () => {
    const c = compared({ catat: 'sesuai kebutuhan' }, 'id');
    expect(bestCaseCell(c, 0, 'id')).toBe(
      '≥ 30 menit (+1 langkah tanpa Waktu) | selesai paling lambat Sen, 2 Feb, 08.00 WIB ditambah waktu 1 langkah tanpa Waktu, bila masuk Sen, 2 Feb, 07.30 WIB',
    );
    expect(bestCaseCell(compared({ catat: 'sesuai kebutuhan' }, 'en'), 0, 'en')).toBe(
      '≥ 30 minutes (+1 step without a Waktu) | settled by Mon 2 Feb, 08:00 WIB at the latest plus the time of 1 step without a Waktu, if it arrives Mon 2 Feb, 07:30 WIB',
    );
  });

  it('Sleman as it reads now: 45 minutes from 07.30 WIB', () => {
    expect(bestCaseCell(compared({}, 'id'), 0, 'id')).toBe('45 menit | selesai paling lambat Sen, 2 Feb, 08.15 WIB, bila masuk Sen, 2 Feb, 07.30 WIB');
  });
});
