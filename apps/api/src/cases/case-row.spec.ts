import type { Case, KartuLineRecord } from './case';
import { toAssignment, toCase, toKartuLine, toReplyLine, type CaseRow, type KartuRow } from './case-row';

/*
 * The mapping of the tables' rows to the domain types (docs/adr/0033-domain-case.md): every column
 * to its field, nulls kept as null (never undefined), instants as Dates.
 */

const FILED = new Date('2026-11-23T02:00:00.000Z');
const minutes = (n: number) => new Date(FILED.getTime() + n * 60_000);

/** A row with a distinct value in every column, as the driver gives it (timestamptz as Dates). */
function fullRow(): CaseRow {
  return {
    id: '3f1c2a9e-0000-4000-8000-000000000001',
    ticket: 'CTH-7K4Q9P',
    sop_id: 'contoh',
    sop_version_id: '3f1c2a9e-0000-4000-8000-0000000000v1',
    kind: 'periodic',
    periodic_id: 'rekap-bulanan',
    period: '2026-11',
    step: 'jawab',
    lane: 'petugas',
    status: 'done',
    end_step: 'selesai',
    snapshot: { value: 'jawab' } as unknown as CaseRow['snapshot'],
    version: 7,
    channel: 'telepon',
    category: 'KTP',
    form_data: { nama: 'Budi Santoso', isi: 'KTP belum jadi' },
    overdue: true,
    step_entered_at: minutes(1),
    due_at: minutes(2),
    deadline_pending: true,
    deadline_note: 'no holiday list for 2027',
    created_by: 'u-petugas',
    created_at: FILED,
    updated_at: minutes(3),
    closed_at: minutes(4),
    consulting_lane: 'kasi',
    consulting_since: minutes(5),
    waiting_until: minutes(6),
    unit: 'bidang-1',
    assigned_to: 'u-rina',
    assigned_name: 'Rina Petugas',
    assigned_at: minutes(7),
    access_code_hash: 'sha256-of-the-code',
    open311_key_id: 'key-1',
    nik_hash: 'nik-index',
    phone_hash: 'phone-index',
    blind_key: 'blind-key-1',
    received_at: minutes(-60),
    caller_words: 'Saya Budi, KTP saya belum jadi',
  };
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe('toCase', () => {
  it('maps every column of the row to its field', () => {
    const row = fullRow();
    expect(toCase(row)).toStrictEqual<Case>({
      id: '3f1c2a9e-0000-4000-8000-000000000001',
      ticket: 'CTH-7K4Q9P',
      sopId: 'contoh',
      sopVersionId: '3f1c2a9e-0000-4000-8000-0000000000v1',
      kind: 'periodic',
      periodicId: 'rekap-bulanan',
      period: '2026-11',
      step: 'jawab',
      lane: 'petugas',
      status: 'done',
      endStep: 'selesai',
      snapshot: { value: 'jawab' } as unknown as Case['snapshot'],
      version: 7,
      channel: 'telepon',
      category: 'KTP',
      formData: { nama: 'Budi Santoso', isi: 'KTP belum jadi' },
      overdue: true,
      stepEnteredAt: minutes(1),
      dueAt: minutes(2),
      deadlinePending: true,
      deadlineNote: 'no holiday list for 2027',
      createdBy: 'u-petugas',
      createdAt: FILED,
      updatedAt: minutes(3),
      closedAt: minutes(4),
      consultingLane: 'kasi',
      consultingSince: minutes(5),
      waitingUntil: minutes(6),
      unit: 'bidang-1',
      assignedTo: 'u-rina',
      assignedName: 'Rina Petugas',
      assignedAt: minutes(7),
      accessCodeHash: 'sha256-of-the-code',
      open311KeyId: 'key-1',
      nikHash: 'nik-index',
      phoneHash: 'phone-index',
      blindKey: 'blind-key-1',
      receivedAt: minutes(-60),
      callerWords: 'Saya Budi, KTP saya belum jadi',
    });
  });

  it('has one field for each column, named as the column in camelCase, and no other', () => {
    const row = fullRow();
    const mapped = toCase(row) as unknown as Record<string, unknown>;
    expect(Object.keys(mapped).sort()).toEqual(Object.keys(row).map(camel).sort());
    for (const [column, value] of Object.entries(row)) expect([column, mapped[camel(column)]]).toEqual([column, value]);
  });

  it('keeps a null column null, and reads an absent Open311 key as null', () => {
    const row: CaseRow = {
      ...fullRow(),
      kind: 'complaint',
      periodic_id: null,
      period: null,
      status: 'open',
      end_step: null,
      channel: null,
      category: null,
      due_at: null,
      deadline_note: null,
      created_by: null,
      closed_at: null,
      consulting_lane: null,
      consulting_since: null,
      waiting_until: null,
      unit: null,
      assigned_to: null,
      assigned_name: null,
      assigned_at: null,
      access_code_hash: null,
      open311_key_id: null,
      nik_hash: null,
      phone_hash: null,
      blind_key: null,
      received_at: null,
      caller_words: null,
    };
    const c = toCase(row);
    for (const field of [
      'periodicId',
      'period',
      'endStep',
      'channel',
      'category',
      'dueAt',
      'deadlineNote',
      'createdBy',
      'closedAt',
      'consultingLane',
      'consultingSince',
      'waitingUntil',
      'unit',
      'assignedTo',
      'assignedName',
      'assignedAt',
      'accessCodeHash',
      'open311KeyId',
      'nikHash',
      'phoneHash',
      'blindKey',
      'receivedAt',
      'callerWords',
    ] as const) {
      expect([field, c[field]]).toEqual([field, null]);
    }
    const withoutKey: CaseRow = { ...row };
    delete withoutKey.open311_key_id;
    expect(toCase(withoutKey).open311KeyId).toBeNull();
  });

  it("keeps the driver's Date objects and reads a timestamp given as text as the same instant", () => {
    const row = fullRow();
    const c = toCase(row);
    expect(c.createdAt).toBe(row.created_at);
    expect(c.stepEnteredAt).toBe(row.step_entered_at);

    const fromJson = toCase({
      ...row,
      created_at: '2026-11-23T02:00:00.000Z',
      updated_at: '2026-11-23 09:03:00+07',
      step_entered_at: '2026-11-23T02:01:00Z',
      due_at: '2026-11-23T09:02:00+07:00',
      assigned_at: '2026-11-23T02:07:00.000Z',
    });
    expect(fromJson.createdAt).toBeInstanceOf(Date);
    expect(fromJson.createdAt.toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(fromJson.updatedAt.toISOString()).toBe(minutes(3).toISOString());
    expect(fromJson.stepEnteredAt.toISOString()).toBe(minutes(1).toISOString());
    expect(fromJson.dueAt?.toISOString()).toBe(minutes(2).toISOString());
    expect(fromJson.assignedAt?.toISOString()).toBe(minutes(7).toISOString());
  });

  it('leaves out the columns a case does not carry (the sweep lease, a count, the live payload)', () => {
    const row = { ...fullRow(), sweep_lease_until: minutes(9), total: '12', live: '{}' } as CaseRow;
    const mapped = toCase(row) as unknown as Record<string, unknown>;
    expect(mapped).not.toHaveProperty('sweep_lease_until');
    expect(mapped).not.toHaveProperty('sweepLeaseUntil');
    expect(mapped).not.toHaveProperty('total');
    expect(mapped).not.toHaveProperty('live');
  });

  it('does not change the row it maps', () => {
    const row = fullRow();
    const before = structuredClone(row);
    toCase(row);
    expect(row).toEqual(before);
  });
});

function fullLine(): KartuRow {
  return {
    seq: 3,
    event: 'SCHEDULE',
    outcome: 'jadwal',
    from_step: 'jawab',
    from_lane: 'petugas',
    to_step: 'konfirmasi',
    to_lane: 'pelapor',
    received_at: minutes(1),
    handed_over_at: minutes(2),
    officer_id: 'u-rina',
    officer_name: 'Rina Petugas',
    limit_text: '3 hari kerja',
    due_at: minutes(3),
    spent_working_minutes: 42,
    over_limit: false,
    note: 'ditelepon',
    reply: 'Terima kasih',
    on_behalf_of_citizen: true,
    document: 'berita acara',
    scheduled_for: minutes(4),
  };
}

describe('toKartuLine', () => {
  it('maps every column of the line to its field', () => {
    expect(toKartuLine(fullLine())).toStrictEqual<KartuLineRecord>({
      seq: 3,
      event: 'SCHEDULE',
      outcome: 'jadwal',
      fromStep: 'jawab',
      fromLane: 'petugas',
      toStep: 'konfirmasi',
      toLane: 'pelapor',
      receivedAt: minutes(1),
      handedOverAt: minutes(2),
      officerId: 'u-rina',
      officerName: 'Rina Petugas',
      limitText: '3 hari kerja',
      dueAt: minutes(3),
      spentWorkingMinutes: 42,
      overLimit: false,
      note: 'ditelepon',
      reply: 'Terima kasih',
      onBehalfOfCitizen: true,
      document: 'berita acara',
      scheduledFor: minutes(4),
    });
    const row = fullLine();
    const mapped = toKartuLine(row) as unknown as Record<string, unknown>;
    expect(Object.keys(mapped).sort()).toEqual(Object.keys(row).map(camel).sort());
  });

  it('keeps nulls null, and reads a document or date the statement did not select as null', () => {
    const line: KartuRow = {
      ...fullLine(),
      event: 'START' as const,
      outcome: null,
      from_step: null,
      from_lane: null,
      officer_id: null,
      limit_text: null,
      due_at: null,
      spent_working_minutes: null,
      over_limit: null,
      note: null,
      reply: null,
    };
    delete line.document;
    delete line.scheduled_for;
    expect(toKartuLine(line)).toMatchObject({
      outcome: null,
      fromStep: null,
      fromLane: null,
      officerId: null,
      limitText: null,
      dueAt: null,
      spentWorkingMinutes: null,
      overLimit: null,
      note: null,
      reply: null,
      document: null,
      scheduledFor: null,
    });
    expect(toKartuLine({ ...fullLine(), document: null, scheduled_for: null })).toMatchObject({ document: null, scheduledFor: null });
  });

  it('maps on_behalf_of_citizen as it is (a NOT NULL column)', () => {
    expect(toKartuLine({ ...fullLine(), on_behalf_of_citizen: false }).onBehalfOfCitizen).toBe(false);
    expect(toKartuLine(fullLine()).onBehalfOfCitizen).toBe(true);
  });

  it('reads timestamps given as text as Dates', () => {
    const line = toKartuLine({
      ...fullLine(),
      received_at: '2026-11-23T02:01:00Z',
      handed_over_at: '2026-11-23 09:02:00+07',
      scheduled_for: '2026-11-23T02:04:00Z',
    });
    expect(line.receivedAt.toISOString()).toBe(minutes(1).toISOString());
    expect(line.handedOverAt.toISOString()).toBe(minutes(2).toISOString());
    expect(line.scheduledFor?.toISOString()).toBe(minutes(4).toISOString());
  });
});

describe('toReplyLine', () => {
  it('maps the columns the latest reply selects, and only those', () => {
    const { seq, event, outcome, from_step, from_lane, to_step, to_lane, received_at, handed_over_at, reply } = fullLine();
    expect(toReplyLine({ seq, event, outcome, from_step, from_lane, to_step, to_lane, received_at, handed_over_at, reply })).toStrictEqual({
      seq: 3,
      event: 'SCHEDULE',
      outcome: 'jadwal',
      fromStep: 'jawab',
      fromLane: 'petugas',
      toStep: 'konfirmasi',
      toLane: 'pelapor',
      receivedAt: minutes(1),
      handedOverAt: minutes(2),
      reply: 'Terima kasih',
    });
  });
});

describe('toAssignment', () => {
  it('maps a claim, and a case nobody holds', () => {
    expect(toAssignment({ assigned_to: 'u-rina', assigned_name: 'Rina Petugas', assigned_at: '2026-11-23T02:07:00Z' })).toStrictEqual({
      assignedTo: 'u-rina',
      assignedName: 'Rina Petugas',
      assignedAt: minutes(7),
    });
    expect(toAssignment({ assigned_to: null, assigned_name: null, assigned_at: null })).toStrictEqual({
      assignedTo: null,
      assignedName: null,
      assignedAt: null,
    });
  });
});
