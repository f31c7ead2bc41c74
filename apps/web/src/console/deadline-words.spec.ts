// the components' modules pull in style sheets (through RequireSession), which jest does not read
jest.mock('./RequireSession', () => ({ RequireSession: () => null }));

import { format, type Lang, type Translate } from '../i18n';
import { allMessages } from '../test-messages';
import { noDeadlineText, waktuLabelKey } from './deadline-words';
import { punctuality } from './KartuTimeline';

const MESSAGES = allMessages();
const tIn =
  (lang: Lang): Translate =>
  (key, params) =>
    format(MESSAGES[lang][key], params, lang);
const t = tIn('id');

const open = { status: 'open' as const, dueAt: null, deadlineNote: null, waitingOnCitizen: false };

describe('a kartu kendali line says "tepat waktu" only when it was measured against a deadline', () => {
  it('on time when overLimit is false, late when true, and nothing about punctuality without a deadline', () => {
    expect(punctuality({ event: 'COMPLETE', overLimit: false, limit: '15 menit' })).toBe('on-time');
    expect(punctuality({ event: 'COMPLETE', overLimit: true, limit: '15 menit' })).toBe('late');
    // trial 2: "15 mnt" read as no time, the step held 70 hours, printed "(tepat waktu)"
    expect(punctuality({ event: 'COMPLETE', overLimit: null, limit: '15 mnt' })).toBe('no-deadline');
    expect(punctuality({ event: 'COMPLETE', overLimit: null, limit: null })).toBeNull();
    expect(punctuality({ event: 'START', overLimit: null, limit: null })).toBeNull();
  });

  it('words the missing deadline in both languages', () => {
    expect(MESSAGES.id.kartuPrintNoDeadline).toBe('tanpa batas waktu');
    expect(MESSAGES.en.kartuPrintNoDeadline).toBe('no deadline');
  });
});

describe('the case page says why a step has no deadline', () => {
  it('a Waktu that is not read as a time: quoted, with the reason, never just "tanpa batas waktu"', () => {
    const text = noDeadlineText({ ...open, step: { waktu: 'hari itu juga' } }, t)!;
    expect(text).toMatch(
      /^Tanpa batas waktu: Waktu di SOP, "hari itu juga", tidak terbaca sebagai lama waktu, jadi kalender kerja tidak dapat menghitung batasnya/,
    );
    expect(noDeadlineText({ ...open, step: { waktu: 'segera' } }, t)).toMatch(/"segera", berarti "seketika" tanpa menyebut lamanya/);
    expect(noDeadlineText({ ...open, step: { waktu: '1-2 hari' } }, tIn('en'))).toMatch(/^No deadline: the SOP’s Waktu, "1-2 hari", is a range/);
  });

  it('no Waktu printed, a calendar that cannot count it, and a readable Waktu with no deadline recorded', () => {
    expect(noDeadlineText({ ...open, step: { waktu: null } }, t)).toBe('Tanpa batas waktu: SOP tidak mencantumkan Waktu untuk langkah ini.');
    expect(noDeadlineText({ ...open, step: { waktu: '-' } }, t)).toBe('Tanpa batas waktu: SOP tidak mencantumkan Waktu untuk langkah ini.');
    expect(noDeadlineText({ ...open, deadlineNote: 'no holiday list for 2031', step: { waktu: '3 hari kerja' } }, t)).toBe(
      'Batas waktu tidak dapat dihitung: no holiday list for 2031',
    );
    expect(noDeadlineText({ ...open, step: { waktu: '15 mnt' } }, t)).toMatch(/tidak ada batas waktu yang tercatat .* "15 mnt"/);
  });

  it('says nothing when there is a deadline or the case is closed, and labels the Waktu as a limit only then', () => {
    expect(noDeadlineText({ ...open, dueAt: '2026-12-08T03:00:00Z', step: { waktu: '15 mnt' } }, t)).toBeNull();
    expect(noDeadlineText({ ...open, status: 'done', step: { waktu: null } }, t)).toBeNull();
    expect(t(waktuLabelKey({ dueAt: null }))).toBe('Waktu di SOP');
    expect(t(waktuLabelKey({ dueAt: '2026-12-08T03:00:00Z' }))).toBe('batas');
  });
});
