import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type TestDatabase } from './api-harness';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

it('is append-only: the database refuses to change or delete a kartu kendali line', async () => {
  const api = await startApi(db);
  let ticket: string;
  try {
    const client = new ApiClient(api.url);
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    expect(filed.status).toBe(201);
    ticket = filed.body.ticket;
  } finally {
    await api.stop(); // the embedded database can be opened by one process at a time
  }
  const lines = `SELECT k.officer_name FROM kartu_kendali k JOIN cases c ON c.id = k.case_id WHERE c.ticket = $1`;
  expect(await db.sql(lines, [ticket!])).toEqual([{ officer_name: 'citizen' }]);
  await expect(db.sql("UPDATE kartu_kendali SET officer_name = 'someone else'")).rejects.toThrow(/append-only: UPDATE/);
  await expect(db.sql('DELETE FROM kartu_kendali')).rejects.toThrow(/append-only: DELETE/);
  await expect(db.sql('TRUNCATE kartu_kendali CASCADE')).rejects.toThrow(/append-only: TRUNCATE/);
  expect(await db.sql(lines, [ticket!])).toEqual([{ officer_name: 'citizen' }]);
});
