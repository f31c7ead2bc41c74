// The baseline of npm run bench:runtime: the API's two statements per event (read the case, one
// conditional write, built by the API's own FOR_EVENT_SQL, transitionSql and transitionValues), with
// plain pg. Run in the benchmark's own process (the baseline) and behind a bare node:http server
// (bare-http-server.js: what HTTP alone costs on the same machine).
const { transitionSql, transitionValues, FOR_EVENT_SQL } = require('../../apps/api/dist/cases/cases.repository.js');
const { requestFingerprint } = require('../../apps/api/dist/cases/request-fingerprint.js');

const STEPS = ['tim-teknis', 'kasi-periksa', 'kabid-periksa', 'sekretaris-periksa', 'kadis-periksa', 'penyelesaian'];
const SQL = transitionSql(false);

/** Files `cases` open Metro cases for each of `clients` clients straight in SQL (tickets `<prefix>-…`); their ids per client. */
async function seedCases(pool, prefix, clients, cases) {
  const sop = await pool.query("SELECT id FROM sop_versions WHERE sop_id = 'metro' ORDER BY version DESC LIMIT 1");
  const versionId = sop.rows[0].id;
  const ids = [];
  for (let c = 0; c < clients; c++) {
    const r = await pool.query(
      `INSERT INTO cases (ticket, sop_id, sop_version_id, kind, step, lane, status, snapshot, version, step_entered_at, created_at, updated_at, form_data)
       SELECT '${prefix}-' || lpad(g::text, 6, '0') || '${c}', 'metro', $1, 'complaint', 'petugas-periksa', 'petugas', 'open', '{"value":"petugas-periksa","context":{"overdue":[]}}', 1, now(), now(), now(), '{"nama":"Warga Uji"}'
       FROM generate_series(1, $2) g RETURNING id`,
      [versionId, cases],
    );
    ids.push(r.rows.map((x) => x.id));
  }
  return ids;
}

/** Event `v` (1–6) of a seeded case: the read and the conditional write the API sends; the response body. */
async function baselineEvent(pool, id, v) {
  const now = new Date();
  const read = await pool.query({ name: 'case_for_event', text: FOR_EVENT_SQL, values: [id, 'bench-user', `${id}-${v}`] });
  const row = read.rows[0];
  const step = STEPS[v - 1];
  const done = v === STEPS.length;
  const response = { id, version: row.version + 1, step };
  // the same statement and values the API writes (transitionValues), with plain objects instead of the engine's
  const values = transitionValues({
    id,
    expectedVersion: row.version,
    state: {
      step,
      lane: 'kasi',
      status: done ? 'done' : 'open',
      endStep: done ? step : null,
      snapshot: { value: step, context: { overdue: [] } },
      overdue: false,
      stepEnteredAt: now,
      dueAt: done ? null : new Date(now.getTime() + 86400000),
      deadlinePending: !done,
      deadlineNote: null,
    },
    now,
    entry: {
      event: 'ESCALATE',
      outcome: null,
      fromStep: row.step,
      fromLane: row.lane,
      toStep: step,
      toLane: 'kasi',
      receivedAt: row.step_entered_at,
      handedOverAt: now,
      limitText: '1 hari',
      dueAt: row.due_at,
      spentWorkingMinutes: 10,
      overLimit: false,
    },
    officer: { id: 'bench-user', name: 'Bench' },
    text: { note: null, reply: null },
    idempotency: { userId: 'bench-user', key: `${id}-${v}`, response, request: requestFingerprint({ type: 'ESCALATE', version: v }) },
  });
  const r = await pool.query({ name: 'case_transition', text: SQL, values });
  if (!r.rows.length) throw new Error('baseline write lost');
  return response;
}

module.exports = { seedCases, baselineEvent, EVENTS_PER_CASE: STEPS.length };
