import type { CaseState, KartuEntry } from '@sop/case-engine';
import { transitionSql, transitionValues } from './cases.repository';

const now = new Date('2026-12-07T02:00:00Z');
const state = {
  step: 's3',
  lane: 'kasi',
  status: 'open',
  endStep: null,
  snapshot: {},
  overdue: false,
  stepEnteredAt: now,
  dueAt: null,
  deadlinePending: false,
  deadlineNote: null,
} as unknown as CaseState;
const entry = {
  event: 'COMPLETE',
  outcome: null,
  fromStep: 's2',
  fromLane: 'petugas',
  toStep: 's3',
  toLane: 'kasi',
  receivedAt: now,
  handedOverAt: now,
  limitText: null,
  dueAt: null,
  spentWorkingMinutes: 12,
  overLimit: false,
} as unknown as KartuEntry;

/** The value a placeholder written right after `before` in the statement takes. */
function valueAfter(sql: string, values: unknown[], before: string): unknown {
  const m = new RegExp(`${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\$(\\d+)`).exec(sql);
  if (!m) throw new Error(`no placeholder after "${before}"`);
  return values[Number(m[1]) - 1];
}

describe('the transition statement', () => {
  const values = transitionValues({
    id: 'case-1',
    expectedVersion: 4,
    state,
    now,
    entry,
    officer: { id: 'user-9', name: 'Made' },
    text: { note: 'catatan', reply: null },
    idempotency: { userId: 'user-9', key: 'k-1', response: { ok: true }, request: 'fingerprint-1' },
    attachments: { tokens: ['att_1'], uploadedBy: 'user-9' },
    webhook: { event: 'handed_over', payload: '{"case":{}}' },
  });

  it.each([false, true])('uses every value once named, and no placeholder beyond them (onlyIfDue %s)', (onlyIfDue) => {
    const sql = transitionSql(onlyIfDue);
    const used = new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    expect([...used].sort((a, b) => a - b)).toEqual(values.map((_, i) => i + 1));
  });

  it('puts each named value where the statement reads it', () => {
    const sql = transitionSql(false);
    expect(valueAfter(sql, values, 'WHERE id = ')).toBe('case-1');
    expect(valueAfter(sql, values, 'AND version = ')).toBe(4);
    expect(valueAfter(sql, values, 'SET step = ')).toBe('s3');
    expect(valueAfter(sql, values, 'ANY(')).toEqual(['att_1']);
    expect(valueAfter(sql, values, 'attachments.uploaded_by = ')).toBe('user-9');
    expect(valueAfter(sql, values, 'updated_at = ')).toBe(now);
    // the idempotency record: the answer to replay, then the request's fingerprint it answers
    const [, response, request] = /\(user_id, key, case_id, response, request_hash, created_at\)\s+SELECT \$\d+, \$\d+, u\.id, \$(\d+), \$(\d+),/.exec(sql)!;
    expect(values[Number(response) - 1]).toBe('{"ok":true}');
    expect(values[Number(request) - 1]).toBe('fingerprint-1');
  });
});
