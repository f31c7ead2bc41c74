import type { Calendar } from '@sop/business-time';
import { createSopCalendar } from '@sop/case-engine';
import { DEFAULT_COMPLAINT_FORM } from '@sop/citizen-data';
import { compileSop } from '@sop/compiler';
import { inspectSop, runnability } from '@sop/model';
import { fixtureText, loadFixture, loadSeed } from '../../../../libs/sop-model/src/__fixtures__/seeds';
import type { PublishedSop } from '../sops/sop-catalog.service';
import { caseDetailView, deadlineIsProvisional, inboxItemView, kartuView, publicView, referralOf, stagesOf, timeLeftMinutes } from './case-view';
import type { Case, KartuLineRecord } from './case';

/*
 * The case views are pure mappers from cases (the domain type the repository maps its rows to,
 * docs/adr/0033) to what the API answers: tested here on small cases built by the factories below, over the
 * fixture valid/citizen-confirms.yaml: laporan → jawab (Petugas, 3 hari kerja) → konfirmasi (the
 * citizen's decision: puas → selesai, tidak puas → kasi-tinjau → konfirmasi; 10 hari kerja, then puas).
 */

const SOP = loadFixture('valid/citizen-confirms.yaml');
const calendar = createSopCalendar(SOP);

function published(overrides: Partial<PublishedSop> = {}): PublishedSop {
  return {
    versionId: 'v-contoh-1',
    sopId: 'contoh',
    version: 1,
    contentHash: 'hash',
    yaml: fixtureText('valid/citizen-confirms.yaml'),
    sop: SOP,
    compiled: compileSop(SOP, { id: 'contoh' }),
    calendar,
    form: DEFAULT_COMPLAINT_FORM,
    formIsDefault: true,
    inspection: inspectSop(SOP),
    runnability: runnability(SOP),
    publishedAt: new Date('2026-11-01T00:00:00Z'),
    publishedBy: null,
    changeNote: null,
    inSopsDirectory: true,
    ...overrides,
  };
}

const MONDAY_9 = new Date('2026-11-23T02:00:00Z'); // Monday 23 November 2026, 09:00 WIB
const at = (hoursAfterMonday9: number) => new Date(MONDAY_9.getTime() + hoursAfterMonday9 * 3_600_000);

function caseRow(overrides: Partial<Case> = {}): Case {
  return {
    id: 'case-1',
    ticket: 'CTH-0001',
    sopId: 'contoh',
    sopVersionId: 'v-contoh-1',
    kind: 'complaint',
    periodicId: null,
    period: null,
    step: 'jawab',
    lane: 'petugas',
    status: 'open',
    endStep: null,
    snapshot: {} as Case['snapshot'],
    version: 2,
    channel: 'web',
    category: null,
    formData: { nama: 'Budi Santoso', telepon: '081234567890', isi: 'KTP belum jadi' },
    overdue: false,
    stepEnteredAt: MONDAY_9,
    dueAt: at(2),
    deadlinePending: false,
    deadlineNote: null,
    createdBy: null,
    createdAt: MONDAY_9,
    updatedAt: MONDAY_9,
    closedAt: null,
    consultingLane: null,
    consultingSince: null,
    waitingUntil: null,
    unit: null,
    assignedTo: null,
    assignedName: null,
    assignedAt: null,
    accessCodeHash: 'sha256-of-the-code',
    open311KeyId: null,
    nikHash: null,
    phoneHash: null,
    blindKey: null,
    receivedAt: null,
    callerWords: null,
    ...overrides,
  };
}

function kartuRow(overrides: Partial<KartuLineRecord> = {}): KartuLineRecord {
  return {
    seq: 1,
    event: 'START',
    outcome: null,
    fromStep: null,
    fromLane: null,
    toStep: 'jawab',
    toLane: 'petugas',
    receivedAt: MONDAY_9,
    handedOverAt: MONDAY_9,
    officerId: null,
    officerName: 'Sistem',
    limitText: null,
    dueAt: null,
    spentWorkingMinutes: null,
    overLimit: null,
    note: null,
    reply: null,
    onBehalfOfCitizen: false,
    document: null,
    scheduledFor: null,
    ...overrides,
  };
}

/** The kartu of a complaint answered by the Petugas and now waiting for the citizen's word. */
const answered: KartuLineRecord[] = [
  kartuRow(),
  kartuRow({
    seq: 2,
    event: 'COMPLETE',
    fromStep: 'jawab',
    fromLane: 'petugas',
    toStep: 'konfirmasi',
    toLane: 'pelapor',
    handedOverAt: at(1),
    officerId: 'u-petugas',
    officerName: 'Rina Petugas',
    limitText: '3 hari kerja',
    note: 'Budi Santoso sudah ditelepon',
    reply: 'Bapak Budi Santoso, KTP Anda sudah jadi',
  }),
];
const atCitizen = caseRow({ step: 'konfirmasi', lane: 'pelapor', version: 3, stepEnteredAt: at(1), dueAt: at(100) });

describe('timeLeftMinutes', () => {
  it('counts working minutes to the deadline, negative once it has passed, and null without one', () => {
    expect(timeLeftMinutes(calendar, at(2), MONDAY_9)).toBe(120);
    expect(timeLeftMinutes(calendar, MONDAY_9, at(2))).toBe(-120);
    expect(timeLeftMinutes(calendar, null, MONDAY_9)).toBeNull();
  });

  it('falls back to wall-clock minutes when the calendar cannot count (a year it has no days for)', () => {
    const failing = {
      workingMinutesBetween: () => {
        throw new Error('no holiday data for 2300');
      },
    } as unknown as Calendar;
    expect(timeLeftMinutes(failing, at(3), MONDAY_9)).toBe(180);
    expect(timeLeftMinutes(failing, MONDAY_9, at(3))).toBe(-180);
  });
});

describe('deadlineIsProvisional', () => {
  it('is false without a deadline, and true when the calendar cannot tell', () => {
    expect(deadlineIsProvisional(calendar, { dueAt: null, stepEnteredAt: MONDAY_9 })).toBe(false);
    const failing = {
      isProvisionalBetween: () => {
        throw new Error('outside any year');
      },
    } as unknown as Calendar;
    expect(deadlineIsProvisional(failing, { dueAt: at(2), stepEnteredAt: MONDAY_9 })).toBe(true);
  });
});

describe('kartuView', () => {
  it('names the steps, lanes and the chosen outcome of each line', () => {
    const chose = kartuRow({
      seq: 3,
      event: 'CHOOSE',
      outcome: 'tidak-puas',
      fromStep: 'konfirmasi',
      fromLane: 'pelapor',
      toStep: 'kasi-tinjau',
      toLane: 'kasi',
      onBehalfOfCitizen: true,
      document: 'Surat keberatan',
    });
    const [start, , objection] = kartuView([...answered, chose], atCitizen, published(), true);
    expect(start).toMatchObject({ seq: 1, event: 'START', outcomeLabel: null, from: { step: null, lane: null, laneName: null } });
    expect(objection).toMatchObject({
      outcome: 'tidak-puas',
      outcomeLabel: 'Tidak puas (keberatan)',
      from: { step: { id: 'konfirmasi', number: '3', kind: 'decision' }, lane: 'pelapor', laneName: 'Pelapor' },
      to: { step: { id: 'kasi-tinjau', kind: 'task' }, lane: 'kasi', laneName: 'Kasi' },
      onBehalfOfCitizen: true,
      document: 'Surat keberatan',
      scheduledFor: null,
    });
  });

  it('keeps a step the SOP version no longer has by its id, with nothing made up', () => {
    const [line] = kartuView([kartuRow({ toStep: 'langkah-lama', toLane: 'lajur-lama' })], caseRow(), published(), true);
    expect(line.to).toEqual({
      step: { id: 'langkah-lama', number: null, label: null, activity: null, kind: null, publicLabel: null },
      lane: 'lajur-lama',
      laneName: 'lajur-lama',
    });
  });

  it("strikes the complainant's identity out of notes and replies for a lane that may not see it", () => {
    const hidden = kartuView(answered, atCitizen, published(), false)[1];
    expect(hidden.note).not.toContain('Budi Santoso');
    expect(hidden.reply).not.toContain('Budi Santoso');
    expect(hidden.note).toContain('sudah ditelepon');
    const shown = kartuView(answered, atCitizen, published(), true)[1];
    expect(shown).toMatchObject({ note: 'Budi Santoso sudah ditelepon', reply: 'Bapak Budi Santoso, KTP Anda sudah jadi', officer: 'Rina Petugas' });
  });
});

describe('caseDetailView', () => {
  const detail = (row: Case, options: { canAct?: boolean; canReveal?: boolean } = {}) =>
    caseDetailView({
      row,
      published: published(),
      kartu: answered,
      now: MONDAY_9,
      form: { nama: '••••', telepon: '••••', isi: 'KTP belum jadi' },
      canAct: options.canAct ?? true,
      canReveal: options.canReveal ?? false,
      allowedEvents: published().compiled.steps[row.step].events,
      userId: 'u-petugas',
    });

  it("shows the step with its Mutu Baku, the SOP, and the time left against the step's deadline", () => {
    const view = detail(caseRow());
    expect(view).toMatchObject({
      id: 'case-1',
      ticket: 'CTH-0001',
      sop: { id: 'contoh', version: 1, title: 'Pelayanan Pengaduan', regency: 'Kota Contoh', timeZone: 'Asia/Jakarta' },
      step: { id: 'jawab', number: '2', lane: 'petugas', laneName: 'Petugas Pengaduan', waktu: '3 hari kerja' },
      timeLeftMinutes: 120,
      waitingOnCitizen: false,
      periodic: null,
      receivedAt: MONDAY_9,
    });
    expect(view.kartuKendali).toHaveLength(2);
  });

  it('marks the form values shown masked, and offers the events with whether each finishes the case', () => {
    const view = detail(atCitizen);
    expect(view.form.fields.find((f) => f.id === 'nama')).toMatchObject({ confidential: true, masked: true, value: '••••' });
    expect(view.form.fields.find((f) => f.id === 'isi')).toMatchObject({ confidential: false, masked: false, value: 'KTP belum jadi' });
    expect(view.allowedEvents.map((e) => [e.outcome, e.target, e.finishes])).toEqual([
      ['puas', 'selesai', true],
      ['tidak-puas', 'kasi-tinjau', false],
    ]);
    expect(detail(atCitizen, { canAct: false }).allowedEvents).toEqual([]);
  });

  it("at the citizen's step: waits on the citizen and says what its time passing does", () => {
    const view = detail(atCitizen);
    expect(view.waitingOnCitizen).toBe(true);
    expect(view.onTimeout).toMatchObject({ action: 'choose', outcome: 'puas', outcomeLabel: 'Puas', to: { id: 'selesai' }, finishes: true });
  });

  it('a closed case has no time left, no timeout and no assignee', () => {
    const view = detail(caseRow({ status: 'done', step: 'selesai', lane: 'pelapor', endStep: 'selesai', closedAt: at(3), assignedTo: 'u-petugas' }));
    expect(view).toMatchObject({ timeLeftMinutes: null, onTimeout: null, assignee: null, endStep: { id: 'selesai', kind: 'end' } });
  });

  it("strikes the identity out of the caller's words unless the lane may see it", () => {
    const row = caseRow({ callerWords: 'Saya Budi Santoso, nomor 081234567890, KTP saya belum jadi' });
    expect(detail(row).callerWords).not.toContain('Budi Santoso');
    expect(detail(row).callerWords).not.toContain('081234567890');
    expect(detail(row, { canReveal: true }).callerWords).toBe(row.callerWords);
  });
});

describe('inboxItemView', () => {
  it('is overdue once the deadline has passed, except while the case waits on the citizen', () => {
    expect(inboxItemView(caseRow(), published(), MONDAY_9).overdue).toBe(false);
    expect(inboxItemView(caseRow(), published(), at(3)).overdue).toBe(true);
    expect(inboxItemView({ ...atCitizen, dueAt: at(2) }, published(), at(3))).toMatchObject({ overdue: false, waitingOnCitizen: true });
    expect(inboxItemView(caseRow({ overdue: true }), published(), MONDAY_9).overdue).toBe(true);
  });

  it('says whose the claim is and names the step', () => {
    const item = inboxItemView(caseRow({ assignedTo: 'u-petugas', assignedName: 'Rina Petugas' }), published(), MONDAY_9, 'u-petugas');
    expect(item).toMatchObject({ step: { id: 'jawab', number: '2' }, assignee: { name: 'Rina Petugas', mine: true }, timeLeftMinutes: 120 });
    expect(inboxItemView(caseRow({ assignedTo: 'u-lain', assignedName: 'Andi' }), published(), MONDAY_9, 'u-petugas').assignee?.mine).toBe(false);
  });
});

describe('publicView', () => {
  const view = publicView(atCitizen, published(), answered, at(1));

  it('shows no officer, no internal note and no identity in the replies', () => {
    const text = JSON.stringify(view);
    expect(text).not.toContain('Rina Petugas');
    expect(text).not.toContain('sudah ditelepon');
    expect(text).not.toContain('Budi Santoso');
    expect(view.latestReply?.text).toContain('KTP Anda sudah jadi');
    expect(view.timeline.map((t) => t.event)).toEqual(['START', 'COMPLETE']);
  });

  it("asks the citizen for their answer at the citizen's step, with what each answer does", () => {
    expect(view.citizenStep).toMatchObject({
      step: { id: 'konfirmasi' },
      output: 'Berita acara / surat keberatan',
      answers: [
        { outcome: 'puas', label: 'Puas', finishes: true },
        { outcome: 'tidak-puas', label: 'Tidak puas (keberatan)', finishes: false },
      ],
      accessCode: true,
    });
    expect(publicView(caseRow(), published(), answered.slice(0, 1), at(1)).citizenStep).toBeNull();
  });
});

describe("publicView's promise", () => {
  const withStandard = (service: NonNullable<typeof SOP.service>) => {
    const sop = { ...SOP, service };
    return published({ sop, inspection: inspectSop(sop) });
  };

  it("keeps the conditions the SOP prints for its service standard's time, in its words", () => {
    const p = withStandard({ waktuPenyelesaian: '14 (empat belas) hari kerja', kondisiWaktu: 'sejak berkas pengaduan dinyatakan lengkap' });
    expect(publicView(caseRow(), p, [], MONDAY_9)).toMatchObject({
      promisedBasis: 'standard',
      promisedCondition: 'sejak berkas pengaduan dinyatakan lengkap',
      promisePassed: false,
    });
    // printed blank, or no standard at all: no condition to show
    expect(publicView(caseRow(), withStandard({ waktuPenyelesaian: '14 hari kerja', kondisiWaktu: ' ' }), [], MONDAY_9).promisedCondition).toBeNull();
    expect(publicView(caseRow(), published(), [], MONDAY_9)).toMatchObject({ promisedBasis: 'lapor', promisedCondition: null });
  });

  it('says when an open complaint is past its promised date, by the clock it is given; a closed one never is', () => {
    const p = withStandard({ waktuPenyelesaian: '1 hari kerja' });
    const { promisedBy } = publicView(caseRow(), p, [], MONDAY_9);
    const justAfter = new Date(promisedBy!.getTime() + 60_000);
    expect(publicView(caseRow(), p, [], promisedBy!).promisePassed).toBe(false);
    expect(publicView(caseRow(), p, [], justAfter).promisePassed).toBe(true);
    expect(publicView(caseRow({ status: 'done', closedAt: justAfter }), p, [], justAfter).promisePassed).toBe(false);
    // waiting for the complainant's own answer, the office is not the one late
    expect(publicView({ ...atCitizen }, p, [], justAfter)).toMatchObject({ citizenStep: expect.anything(), promisePassed: false });
  });
});

describe('referralOf', () => {
  const flow = compileSop(loadFixture('valid/referral.yaml'), { id: 'contoh' });
  const line = (fromStep: string, outcome: string | null, hours: number) => ({ fromStep, outcome, handedOverAt: at(hours) });

  it('names the referral as the SOP words it, while it is the latest decision taken', () => {
    expect(referralOf(flow, [line('periksa', 'bukan-kewenangan', 1), line('teruskan', null, 2)])).toEqual({ label: 'Bukan kewenangan', at: at(1) });
    expect(referralOf(flow, [line('periksa', 'kewenangan', 1)])).toBeNull();
    // a later decision brought the complaint back into the office's process
    expect(referralOf(flow, [line('periksa', 'bukan-kewenangan', 1), line('periksa', 'kewenangan', 2)])).toBeNull();
  });
});

describe('stagesOf', () => {
  const flow = published().compiled;

  it('lists the steps passed, the current one, and those ahead on the slowest path; never the start', () => {
    const stages = stagesOf(flow, atCitizen, answered);
    expect(stages[0]).toMatchObject({ step: 'jawab', state: 'done', at: MONDAY_9 });
    expect(stages[1]).toMatchObject({ step: 'konfirmasi', state: 'current', at: at(1) });
    expect(stages.slice(2).every((s) => s.state === 'next' && s.at === null)).toBe(true);
    expect(stages.map((s) => s.step)).not.toContain('laporan');
    expect(stages[stages.length - 1].step).toBe('selesai');
  });

  it('lists a step met again only when it is not the one just before', () => {
    const kartu = [
      ...answered,
      kartuRow({ seq: 3, toStep: 'kasi-tinjau', handedOverAt: at(2) }),
      kartuRow({ seq: 4, toStep: 'konfirmasi', handedOverAt: at(3) }),
      kartuRow({ seq: 5, toStep: 'konfirmasi', handedOverAt: at(4) }),
    ];
    const stages = stagesOf(flow, { step: 'konfirmasi', status: 'done' }, kartu);
    expect(stages.map((s) => s.step)).toEqual(['jawab', 'konfirmasi', 'kasi-tinjau', 'konfirmasi']);
    expect(stages.every((s) => s.state === 'done')).toBe(true);
  });

  /** The stages of a complaint of a seed just filed: at the first step after the start, nothing done before. */
  function seedStages(id: string) {
    const sop = loadSeed(id);
    const seedFlow = compileSop(sop, { id });
    const inspection = inspectSop(sop);
    const first = inspection.worstCase!.steps.find((s) => seedFlow.steps[s].kind !== 'start')!;
    return stagesOf(seedFlow, { step: first, status: 'open' }, [kartuRow({ toStep: first, handedOverAt: MONDAY_9 })]);
  }

  it('names a step without label or activity by its lane, never by its id (Metro, Pekanbaru)', () => {
    for (const id of ['metro', 'pekanbaru']) {
      const stages = seedStages(id);
      for (const s of stages) expect(s.label).not.toBe(s.step);
    }
    expect(seedStages('metro').find((s) => s.step === 'tim-teknis')?.label).toBe('Petugas/Admin/OperatorMedia Pengaduan');
    expect(seedStages('pekanbaru').find((s) => s.step === 'konsultasi-kasi')?.label).toBe('Kepala Seksi');
  });

  it('tells neighbouring stages with the same words apart by their lanes (Metro: "Periksa pengaduan" at five levels)', () => {
    const labels = seedStages('metro').map((s) => s.label);
    expect(labels.slice(2, 6)).toEqual([
      'Periksa pengaduan — Kasi Yang Membidangi permasalahan',
      'Periksa pengaduan — Kabid yang membidangi permasalahan',
      'Periksa pengaduan — Sekretaris Disdukcapil',
      'Periksa pengaduan — Kepala Dinas Dukcapil',
    ]);
    labels.forEach((label, i) => expect(label).not.toBe(labels[i - 1]));
    // the first is not next to another "Periksa pengaduan": its words are left as the SOP writes them
    expect(labels[0]).toBe('Periksa pengaduan');
  });

  it('merges neighbours that stay the same even with their lanes, keeping the current one', () => {
    const sop = loadFixture('valid/citizen-confirms.yaml');
    const jawab = sop.steps.find((s) => s.id === 'jawab')!;
    const tinjau = sop.steps.find((s) => s.id === 'kasi-tinjau')!;
    const twins = {
      ...sop,
      lanes: sop.lanes,
      steps: sop.steps.map((s) => (s.id === tinjau.id ? { ...s, label: 'Jawab', lane: jawab.lane } : s.id === jawab.id ? { ...s, label: 'Jawab' } : s)),
    };
    const twinFlow = compileSop(twins, { id: 'contoh' });
    const kartu = [kartuRow({ toStep: 'jawab', handedOverAt: MONDAY_9 }), kartuRow({ seq: 2, toStep: 'kasi-tinjau', handedOverAt: at(1) })];
    const stages = stagesOf(twinFlow, { step: 'kasi-tinjau', status: 'open' }, kartu);
    const lane = twinFlow.steps.jawab.laneName;
    expect(stages.filter((s) => s.label.startsWith('Jawab'))).toEqual([{ step: 'kasi-tinjau', label: `Jawab — ${lane}`, state: 'current', at: at(1) }]);
  });
});
