import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, copySopsWith, createTestDatabase, startApi, startApiExpectingFailure, type ApiProcess, type TestDatabase } from './api-harness';
import { filesUnder, jpeg, upload } from './attachments-harness';

/**
 * Attachments in S3-compatible storage (ATTACHMENTS_S3_*): the same uploads, sealed the same way,
 * kept as objects attachments/<random id> of the bucket; downloads and the clean-up go there too.
 */

/** s3rver: an S3-compatible server in JavaScript, started here in the test's process (no binary, no container); it ships no types. */
interface S3rver {
  run(): Promise<unknown>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: {
  port: number;
  address: string;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => S3rver;

const BUCKET = 'lampiran-dukcapil';

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let sopsDir: string;
let s3Dir: string;
let server: S3rver;
let s3: S3Client;
let endpoint: string;
let dataDir: string;
let ownDataDir: string | null = null;
const env = () => ({
  SOPS_DIR: sopsDir,
  ATTACHMENT_IP_LIMIT: '1000000',
  ATTACHMENTS_S3_ENDPOINT: endpoint,
  ATTACHMENTS_S3_BUCKET: BUCKET,
  ATTACHMENTS_S3_ACCESS_KEY_ID: 'S3RVER',
  ATTACHMENTS_S3_SECRET_ACCESS_KEY: 'S3RVER',
  ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}),
});

async function startS3(port = 0): Promise<number> {
  server = new S3rver({ port, address: '127.0.0.1', directory: s3Dir, silent: true, configureBuckets: [{ name: BUCKET }] });
  const address = (await server.run()) as { port: number };
  return address.port;
}

beforeAll(async () => {
  sopsDir = copySopsWith({ contoh: 'valid/with-attachment.yaml' });
  s3Dir = mkdtempSync(join(tmpdir(), 'sop-s3-'));
  const port = await startS3();
  endpoint = `http://127.0.0.1:${port}`;
  s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  db = await createTestDatabase();
  if (!db.env.DATA_DIR) ownDataDir = mkdtempSync(join(tmpdir(), 'sop-attachments-'));
  dataDir = db.env.DATA_DIR ?? ownDataDir!;
  api = await startApi(db, env());
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  s3?.destroy();
  await server?.close();
  for (const dir of [sopsDir, s3Dir, ownDataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const objects = async () => ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key!);

it('keeps an upload as a sealed object of the bucket, nothing of it on the local disk', async () => {
  const photo = jpeg(250_000, 'KTP-DI-S3');
  const res = await upload(client, '/api/public/attachments?sop=contoh&field=ktp', { body: photo, filename: 'ktp.jpg' });
  expect(res.status).toBe(201);
  const keys = await objects();
  expect(keys).toEqual([expect.stringMatching(/^attachments\/[0-9a-f]{32}$/)]);
  const body = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: keys[0] }))).Body!.transformToByteArray());
  expect(body.subarray(0, 5).toString()).toBe('SOPA1');
  expect(body.includes(Buffer.from('KTP-DI-S3'))).toBe(false);
  expect(await filesUnder(join(dataDir, 'attachments'))).toEqual([]);
});

it('gives a claimed file back from the bucket, and removes an unclaimed one after 24 hours', async () => {
  const photo = jpeg(180_000, 'KTP-KLAIM');
  const kept = await upload(client, '/api/public/attachments?sop=contoh&field=ktp', { body: photo, filename: 'ktp.jpg' });
  const stale = await upload(client, '/api/public/attachments?sop=contoh&field=ktp', { body: jpeg(), filename: 'lama.jpg' });
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'contoh', data: { nama: 'Komang', isi: 'KTP', ktp: kept.body.token } } });
  const caseId = (await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as: 'contoh.petugas' })).body.items[0].id;
  await api.stop();
  await db.sql('UPDATE attachments SET case_id = $1, claimed_at = now() WHERE token = $2 AND case_id IS NULL', [caseId, kept.body.token]);
  const [{ storage_key: staleKey }] = await db.sql<{ storage_key: string }>(
    "UPDATE attachments SET created_at = now() - interval '26 hours' WHERE token = $1 RETURNING storage_key",
    [stale.body.token],
  );
  api = await startApi(db, env());
  client = new ApiClient(api.url);
  const list = await client.request('GET', `/api/cases/${caseId}/attachments`, { as: 'contoh.petugas' });
  const got = await fetch(client.url + list.body.items[0].download, { headers: { authorization: `Bearer ${await client.token('contoh.petugas')}` } });
  expect(got.status).toBe(200);
  expect(Buffer.from(await got.arrayBuffer()).equals(photo)).toBe(true);
  for (let i = 0; i < 100 && (await objects()).includes(`attachments/${staleKey}`); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await objects()).not.toContain(`attachments/${staleKey}`);
});

it('answers 503 with a clear message while the bucket cannot be reached, and takes files again when it is back', async () => {
  await server.close();
  const down = await upload(client, '/api/public/attachments?sop=contoh&field=ktp', { body: jpeg(), filename: 'ktp.jpg' });
  expect(down.status).toBe(503);
  expect(down.body.message).toBe('the file could not be stored just now: try again in a moment');
  expect(await filesUnder(join(dataDir, 'attachments'))).toEqual([]);
  await startS3(Number(new URL(endpoint).port));
  const up = await upload(client, '/api/public/attachments?sop=contoh&field=ktp', { body: jpeg(), filename: 'ktp.jpg' });
  expect(up.status).toBe(201);
});

it('refuses to start with part of the S3 settings, naming the ones missing', async () => {
  const { code, logs } = await startApiExpectingFailure(db, { SOPS_DIR: sopsDir, ATTACHMENTS_S3_ENDPOINT: endpoint, ATTACHMENTS_S3_BUCKET: BUCKET });
  expect(code).not.toBe(0);
  expect(logs).toContain('attachments in S3 need ATTACHMENTS_S3_ACCESS_KEY_ID, ATTACHMENTS_S3_SECRET_ACCESS_KEY as well');
});
