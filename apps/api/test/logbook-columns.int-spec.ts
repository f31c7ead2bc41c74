import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, copySopsWith, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * An office's own register with its own column ids (as another regency would print it): each
 * column says what it holds with `fills`, and the logbook fills it so; Buleleng's SOP with its
 * FM-PDIP-03-02 columns replaced. A Tuesday in November, 10:00 WITA.
 */

const CLOCK = '2026-11-10T02:00:00Z';
const COLUMNS = `  columns:
    - { id: no, label: No. }
    - { id: tgl, label: Tanggal Masuk, fills: date }
    - { id: saluran, label: Saluran Pengaduan, fills: channel }
    - { id: isi, label: Isi Pengaduan, fills: complaint }
    - { id: penerima, label: Petugas Penerima, fills: lane, lane: staf-kerjasama }
    - { id: hasil, label: Posisi / Hasil, fills: end }
    - { id: ket, label: Keterangan, fills: paper }
`;

let db: TestDatabase;
let api: ApiProcess | undefined;
let client: ApiClient;
let sopsDir: string;

beforeAll(async () => {
  const buleleng = readFileSync(join(__dirname, '../../../sops/buleleng.yaml'), 'utf8');
  const own = buleleng.replace(/  columns:\n(    - .*\n)+/, COLUMNS);
  expect(own).toContain('fills: complaint');
  sopsDir = copySopsWith({ buleleng: { yaml: own } });
  db = await createTestDatabase();
  api = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: CLOCK });
  client = new ApiClient(api.url);
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await db.drop();
  rmSync(sopsDir, { recursive: true, force: true });
});

describe("a register's own columns", () => {
  it('fills each column with what its fills says, whatever its id', async () => {
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    expect(filed.status).toBe(201);
    const as = 'buleleng.staf-kerjasama';
    const inbox = await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as });
    const id = inbox.body.items[0].id;
    const { body: c } = await client.request('GET', `/api/cases/${id}`, { as });
    const moved = await client.request('POST', `/api/cases/${id}/events`, { as, body: { type: 'COMPLETE', version: c.version } });
    expect(moved.status).toBe(200);

    const res = await client.request('GET', '/api/reports?month=2026-11', { as: 'buleleng.kasi-kerjasama' });
    expect(res.status).toBe(200);
    const logbook = res.body.logbook;
    expect(logbook.columns.map((col: { label: string }) => col.label)).toEqual([
      'No.',
      'Tanggal Masuk',
      'Saluran Pengaduan',
      'Isi Pengaduan',
      'Petugas Penerima',
      'Posisi / Hasil',
      'Keterangan',
    ]);
    const [line] = logbook.rows;
    expect(line.ticket).toBe(filed.body.ticket);
    const [no, date, channel, complaint, receiver, position, paper] = line.cells;
    expect([no, date, channel, paper]).toEqual(['1', '10/11/2026', 'formulir web', '']);
    expect(complaint).toContain(SAMPLE_COMPLAINTS.buleleng['isi-pengaduan']);
    expect(complaint).toContain(`formulir web (${filed.body.ticket}, 10/11/2026)`);
    // the officer of the lane who handed it on (no units in this lane)
    expect(receiver).toBe('Staf Kerjasama (Kabupaten Buleleng)');
    // where the complaint waits: the step's number and its lane
    expect(position).toMatch(/Kasi Kerjasama/);
  });
});
