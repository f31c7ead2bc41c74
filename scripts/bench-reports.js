// npm run bench:reports — a regency's report on a national-size database: one regency's month and
// year (JSON, and the CSV logbook streamed), and the reviewers' national view of the month (every
// regency side by side), over HTTP through one API process on PostgreSQL, each beside the bare SQL
// of the same report run with plain `pg`, measured in the same run.
//
//   DATABASE_URL      the PostgreSQL server to use (default postgres://postgres@127.0.0.1:5432/test);
//                     the benchmark creates and drops its own database there
//   BENCH_COMPLAINTS  complaints to generate across the five regencies over 2026 (default 1,000,000,
//                     the figure; a smaller number for quick iterations)
//   BENCH_KEEP_DATABASE=1  keep the generated database (its name is printed on stderr)
//   BENCH_DATABASE    measure a database kept before, without generating again
//
// Data. The API is started once on the fresh database: it migrates it and publishes the five SOPs.
// Then the complaints and their kartu kendali are generated inside PostgreSQL, set-based
// (INSERT … SELECT generate_series), one statement per regency and table: a million complaints
// through the runtime's own per-event statement would take the better part of an hour on this
// machine. To keep the generated rows from drifting from what the runtime writes, the columns are
// not written down here: they are read from the runtime's own statement (`transitionSql` of
// apps/api/dist/cases/cases.repository.js: the state columns it sets on a case, the columns of the
// kartu kendali line it inserts), and the generator fails when a column it fills is not one of them
// or one of them is left out. The report rollups (docs/adr/0027-report-rollups.md) are kept by the
// database's own trigger on those inserts, as for the runtime's writes. Steps, lanes, channels and categories are each regency's own, from its
// published SOP. The snapshot is left empty ({}): reports never read it, and no event is sent to a
// generated case.
const { performance } = require('node:perf_hooks');
const { Pool } = require('pg');
const { transitionSql } = require('../apps/api/dist/cases/cases.repository.js');
const { ReportsRepository } = require('../apps/api/dist/reports/reports.repository.js');
const { localMidnight, addLocalDays } = require('../libs/business-time/dist/index.js');
const { BUILT_API, withDatabase, startApi: start } = require('./lib/bench-db');

const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS || 1_000_000);
const REGENCIES = ['brebes', 'buleleng', 'lumajang', 'metro', 'pekanbaru'];
const TIMED = { regency: 'buleleng', user: 'buleleng.kasi-kerjasama', timeZone: 'Asia/Makassar' };

/** The runtime's columns: the case state it sets and the kartu kendali line it inserts. */
function runtimeColumns() {
  const sql = transitionSql(false);
  const state = [...sql.match(/UPDATE cases SET ([\s\S]*?), version = version \+ 1/)[1].matchAll(/(\w+) = \$\d+/g)].map((m) => m[1]);
  const kartu = sql
    .match(/INSERT INTO kartu_kendali \(([^)]*)\)/)[1]
    .split(',')
    .map((c) => c.trim());
  return { state, kartu };
}

/** Checks that the generator fills exactly the runtime's columns. */
function sameColumns(what, filled, runtime) {
  const a = [...filled].sort().join(',');
  const b = [...runtime].sort().join(',');
  if (a !== b) throw new Error(`the generator's ${what} columns drifted from the runtime's:\n  generator ${a}\n  runtime   ${b}`);
}

/** The built API on `url` (always apps/api/dist/main.js): its process and base URL, once it listens. */
async function startApi(url) {
  const api = start({ DATABASE_URL: url, LOG_LEVEL: 'info', SWEEP_INTERVAL_MS: '3600000' }, { main: BUILT_API, nodeArgs: [] });
  return { child: api.child, url: await api.listening };
}

/** Finds the form field with this id anywhere in the SOP model. */
function findField(node, id) {
  if (!node || typeof node !== 'object') return null;
  if (node.id === id && Array.isArray(node.options)) return node;
  for (const v of Object.values(node)) {
    const f = findField(v, id);
    if (f) return f;
  }
  return null;
}

async function generate(pool, perRegency) {
  const { state, kartu } = runtimeColumns();
  const caseState = [
    'step',
    'lane',
    'status',
    'end_step',
    'snapshot',
    'overdue',
    'step_entered_at',
    'due_at',
    'deadline_pending',
    'deadline_note',
    'consulting_lane',
    'consulting_since',
    'waiting_until',
    'unit',
  ];
  sameColumns('case state', caseState, state);
  const kartuCols = [
    'case_id',
    'seq',
    'event',
    'outcome',
    'from_step',
    'from_lane',
    'to_step',
    'to_lane',
    'received_at',
    'handed_over_at',
    'officer_id',
    'officer_name',
    'limit_text',
    'due_at',
    'spent_working_minutes',
    'over_limit',
    'note',
    'reply',
    'on_behalf_of_citizen',
    'document',
    'scheduled_for',
    'escalation',
    'citizen_step',
    'sop_id',
  ];
  sameColumns('kartu kendali', kartuCols, kartu);
  const { rows: versions } = await pool.query(`SELECT DISTINCT ON (sop_id) id, sop_id, model FROM sop_versions ORDER BY sop_id, version DESC`);
  for (const v of versions.filter((r) => REGENCIES.includes(r.sop_id))) {
    const sop = v.model;
    const work = sop.steps.filter((s) => s.kind === 'task' || s.kind === 'decision').slice(0, 5);
    const end = sop.steps.find((s) => s.kind === 'end');
    const channels = (sop.intake?.channels ?? []).map((c) => c.id).concat('web');
    const categoryField = sop.intake?.categoryField ? findField(sop, sop.intake.categoryField) : null;
    const categories = categoryField?.options ?? [null];
    const started = performance.now();
    // complaints over 2026 (local time of the office), 80% done, the others waiting at one of the steps
    await pool.query(
      `INSERT INTO cases (ticket, sop_id, sop_version_id, kind, periodic_id, period, channel, category, form_data, created_by, created_at, access_code_hash, updated_at, version, ${caseState.join(', ')})
       SELECT 'BENCH-' || $1 || '-' || i, $1, $2::uuid, 'complaint', NULL, NULL,
              ($7::text[])[1 + i % cardinality($7::text[])], ($8::text[])[1 + (i / 7) % cardinality($8::text[])], '{}'::jsonb, NULL, t.created_at, NULL,
              t.created_at, 1 + t.progress,
              CASE WHEN t.done THEN $5 ELSE ($3::text[])[t.progress + 1] END, CASE WHEN t.done THEN $6 ELSE ($4::text[])[t.progress + 1] END,
              CASE WHEN t.done THEN 'done' ELSE 'open' END, CASE WHEN t.done THEN $5 END, '{}'::jsonb, i % 11 = 0,
              t.created_at + t.progress * interval '8 hours', CASE WHEN NOT t.done THEN t.created_at + (t.progress + 1) * interval '8 hours' END,
              false, NULL, NULL, NULL, NULL, NULL
       FROM generate_series(1, $9::int) AS i,
            LATERAL (SELECT ('2026-01-01 00:00'::timestamp AT TIME ZONE $10) + ((i::bigint * 104729) % 31536000) * interval '1 second' AS created_at,
                            i % 5 <> 0 AS done,
                            CASE WHEN i % 5 <> 0 THEN cardinality($3::text[]) ELSE (i / 5) % cardinality($3::text[]) END AS progress) AS t`,
      [
        v.sop_id,
        v.id,
        work.map((s) => s.id),
        work.map((s) => s.lane),
        end.id,
        end.lane,
        channels,
        categories,
        perRegency,
        sop.calendar?.timeZone ?? 'Asia/Jakarta',
      ],
    );
    // each complaint's lines: START, then one hand-over per step passed (a decision's is a CHOOSE), the last to the end
    await pool.query(
      `INSERT INTO kartu_kendali (${kartuCols.join(', ')})
       SELECT c.id, s.seq,
              CASE WHEN s.seq = 1 THEN 'START' WHEN ($5::text[])[s.seq - 1] = 'decision' THEN 'CHOOSE' ELSE 'COMPLETE' END,
              CASE WHEN s.seq > 1 AND ($5::text[])[s.seq - 1] = 'decision' THEN 'ya' END,
              CASE WHEN s.seq > 1 THEN ($2::text[])[s.seq - 1] END, CASE WHEN s.seq > 1 THEN ($3::text[])[s.seq - 1] END,
              coalesce(($2::text[])[s.seq], $4), coalesce(($3::text[])[s.seq], $6),
              c.created_at + greatest(s.seq - 2, 0) * interval '8 hours', c.created_at + (s.seq - 1) * interval '8 hours' - CASE WHEN s.seq > 1 THEN (8 * 60 - m.minutes) * interval '1 minute' ELSE interval '0' END,
              'bench', 'Petugas ' || (s.seq % 3 + 1), CASE WHEN s.seq > 1 THEN '4 Jam' END, CASE WHEN s.seq > 1 THEN c.created_at + greatest(s.seq - 2, 0) * interval '8 hours' + interval '4 hours' END,
              CASE WHEN s.seq > 1 THEN m.minutes END, CASE WHEN s.seq > 1 THEN m.minutes > 240 END,
              CASE WHEN s.seq > 1 AND s.seq % 3 = 0 THEN 'Berkas diperiksa dan diteruskan; data diperbaiki' END, NULL, false,
              CASE WHEN s.seq = c.version AND c.status = 'done' AND s.seq % 2 = 0 THEN 'Berita acara penyelesaian pengaduan' END, NULL, false, false, c.sop_id
       FROM cases c CROSS JOIN LATERAL generate_series(1, c.version) AS s(seq)
            CROSS JOIN LATERAL (SELECT (abs(hashtext(c.ticket || '/' || s.seq)) % 470 + 1)::double precision AS minutes) AS m
       WHERE c.sop_id = $1 AND c.kind = 'complaint'`,
      [v.sop_id, work.map((s) => s.id), work.map((s) => s.lane), end.id, work.map((s) => s.kind), end.lane],
    );
    console.log(`  ${v.sop_id}: ${perRegency} complaints with their kartu kendali in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await pool.query('VACUUM ANALYZE cases');
  await pool.query('VACUUM ANALYZE kartu_kendali');
  // the report rollups the trigger kept while the lines were inserted (autovacuum's work on a live server)
  for (const table of ['report_kartu_groups', 'report_notes', 'report_case_totals', 'report_hand_over_minutes']) await pool.query(`VACUUM ANALYZE ${table}`);
}

async function timed(runs, fn) {
  await fn(); // warm-up: plans, caches
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** The bare SQL of one JSON report (the aggregates and the logbook's first page) with plain pg. */
async function bareReport(repo, sopId, p, now) {
  const { start, end, from, to } = p;
  const caseGroups = await repo.caseGroups(sopId, start, end, now);
  await repo.days(sopId, start, end, now, TIMED.timeZone);
  await repo.waiting(sopId, start, end, now);
  if (!(await repo.rollupsCover(sopId, TIMED.timeZone))) throw new Error('the rollups should cover the generated regency');
  await repo.handOverStatsRolledUp(sopId, from, to, TIMED.timeZone);
  await repo.kartuGroupsRolledUp(sopId, from, to, TIMED.timeZone);
  await repo.latestNotesRolledUp(sopId, from, to, TIMED.timeZone, [...new Set(caseGroups.map((g) => g.category))], 5);
  await repo.periodicRuns(sopId, start, end);
  const page = await repo.logbookPage(sopId, start, end, 100, 0);
  await repo.handOversOf(page.map((r) => r.id));
}

/** The bare SQL of the CSV logbook: every keyset batch and its hand-overs, with plain pg. */
async function bareLogbook(repo, sopId, start, end) {
  let after = null;
  let n = 0;
  for (;;) {
    const batch = await repo.logbookAfter(sopId, start, end, 1000, after);
    await repo.handOversOf(batch.map((r) => r.id));
    n += batch.length;
    if (batch.length < 1000) return n;
    after = { cursorAt: batch[batch.length - 1].cursor_at, ticket: batch[batch.length - 1].ticket };
  }
}

async function get(url, token) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.toString().slice(0, 300)}`);
  return body;
}

const reused = Boolean(process.env.BENCH_DATABASE);
withDatabase(
  'sop_bench_reports',
  async (url) => {
    let perRegency = Math.ceil(COMPLAINTS / REGENCIES.length);
    let api = await startApi(url); // migrates and publishes the SOPs
    const pool = new Pool({ connectionString: url, max: 4 });
    pool.on('error', () => {});
    try {
      const genStarted = performance.now();
      if (reused) {
        perRegency = (await pool.query(`SELECT count(*)::int AS n FROM cases WHERE sop_id = $1 AND kind = 'complaint'`, [TIMED.regency])).rows[0].n;
        console.log(`measuring the database generated before (${process.env.BENCH_DATABASE})…`);
      } else {
        console.log(`generating ${perRegency * REGENCIES.length} complaints (${perRegency} per regency) over 2026…`);
        await generate(pool, perRegency);
      }
      const { rows: sizes } = await pool.query(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM kartu_kendali)::int AS lines`);
      console.log(
        reused
          ? `${sizes[0].cases} cases, ${sizes[0].lines} kartu kendali lines`
          : `generated ${sizes[0].cases} cases, ${sizes[0].lines} kartu kendali lines in ${((performance.now() - genStarted) / 1000).toFixed(0)} s`,
      );
      // a fresh process, so that nothing of the generation is cached in the API
      api.child.kill();
      api = await startApi(url);
      const login = await fetch(`${api.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: TIMED.user, password: 'demo-sop-2026' }),
      });
      const { token } = await login.json();
      const repo = new ReportsRepository({ query: async (sql, params) => (await pool.query(sql, params)).rows }, null);
      const now = new Date('2027-01-15T00:00:00Z');
      const periods = {
        month: { q: 'month=2026-06', from: '2026-06-01', to: '2026-06-30', start: new Date('2026-05-31T16:00:00Z'), end: new Date('2026-06-30T16:00:00Z') },
        year: {
          q: 'from=2026-01-01&to=2026-12-31',
          from: '2026-01-01',
          to: '2026-12-31',
          start: new Date('2025-12-31T16:00:00Z'),
          end: new Date('2026-12-31T16:00:00Z'),
        },
      };
      const { rows: inMonth } = await pool.query(`SELECT count(*)::int AS n FROM cases WHERE sop_id = $1 AND created_at >= $2 AND created_at < $3`, [
        TIMED.regency,
        periods.month.start,
        periods.month.end,
      ]);
      console.log(`${TIMED.regency}: ${inMonth[0].n} complaints in 2026-06, ${perRegency} in 2026`);
      const lines = [];
      for (const [name, p] of Object.entries(periods)) {
        let bytes = 0;
        const http = await timed(
          name === 'month' ? 5 : 3,
          async () => (bytes = (await get(`${api.url}/api/reports?${p.q}&regency=${TIMED.regency}`, token)).length),
        );
        const bare = await timed(name === 'month' ? 5 : 3, () => bareReport(repo, TIMED.regency, p, now));
        let csvBytes = 0;
        const csv = await timed(
          name === 'month' ? 3 : 1,
          async () => (csvBytes = (await get(`${api.url}/api/reports?${p.q}&regency=${TIMED.regency}&format=csv&table=logbook`, token)).length),
        );
        const bareCsv = await timed(name === 'month' ? 3 : 1, () => bareLogbook(repo, TIMED.regency, p.start, p.end));
        console.log(`${name}: JSON ${(bytes / 1024).toFixed(0)} kB, CSV logbook ${(csvBytes / 1024 / 1024).toFixed(1)} MB`);
        lines.push(`report ${name}: ${http.toFixed(0)} ms (bare SQL ${bare.toFixed(0)} ms, ratio ${(http / bare).toFixed(2)})`);
        // the CSV logbook's figures come before the three lines a script reads, which end the output
        console.log(`report ${name} CSV logbook: ${csv.toFixed(0)} ms (bare SQL ${bareCsv.toFixed(0)} ms, ratio ${(csv / bareCsv).toFixed(2)})`);
      }
      // the national view of the month, as a reviewer reads it, beside its two statements with plain pg
      const reviewer = await (
        await fetch(`${api.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'reviewer', password: 'demo-sop-2026' }),
        })
      ).json();
      const view = JSON.parse((await get(`${api.url}/api/reports/national?month=2026-06`, reviewer.token)).toString());
      const regencies = view.rows.map((r) => ({
        sopId: r.regency.id,
        start: localMidnight('2026-06-01', r.regency.timeZone),
        end: localMidnight(addLocalDays('2026-06-30', 1), r.regency.timeZone),
        limitMinutes: r.sopLimitMinutes,
      }));
      const nationalHttp = await timed(3, () => get(`${api.url}/api/reports/national?month=2026-06`, reviewer.token));
      const nationalBare = await timed(3, async () => {
        await repo.nationalFiguresRolledUp(regencies, now);
        await repo.slowestSteps(regencies);
      });
      console.log(`national: ${view.rows.length} regencies, ${view.rows.reduce((n, r) => n + r.complaints, 0)} complaints in 2026-06`);
      lines.push(`report national: ${nationalHttp.toFixed(0)} ms (bare SQL ${nationalBare.toFixed(0)} ms, ratio ${(nationalHttp / nationalBare).toFixed(2)})`);
      console.log(`one regency's month: goal ≤ 500 ms and ratio ≤ 2.00`);
      for (const l of lines) console.log(l);
    } finally {
      api.child.kill();
      await pool.end();
    }
  },
  {
    reuse: process.env.BENCH_DATABASE || null,
    keep: process.env.BENCH_KEEP_DATABASE === '1',
    onKept: (name) => console.error(`kept the database ${name} (BENCH_DATABASE=${name} measures it again without generating)`),
  },
).then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
