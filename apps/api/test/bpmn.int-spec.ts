import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ApiClient, createTestDatabase, ROOT, startApi, type ApiProcess, type TestDatabase } from './api-harness';
import { seedIds } from '../../../libs/sop-model/src/__fixtures__/seeds';

/** GET /api/sops/{id}/bpmn: the SOP as BPMN 2.0 XML, public like the other SOP reads (docs/bpmn.md). */
let db: TestDatabase | undefined;
let api: ApiProcess | undefined;
let client: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db);
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('GET /api/sops/{id}/bpmn', () => {
  it('answers the published SOP as BPMN 2.0 XML, without logging in, the same as "sop export --format bpmn" of its file', async () => {
    const reply = await client.request<string>('GET', '/api/sops/metro/bpmn');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(reply.headers.get('content-disposition')).toBe('inline; filename="metro.bpmn"');
    expect(reply.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<bpmn:definitions /);
    expect(reply.body.match(/<bpmn:lane /g)).toHaveLength(6);
    const cli = spawnSync(process.execPath, [join(ROOT, 'apps/cli/bin/sop.js'), 'export', '--format', 'bpmn', join(ROOT, 'sops/metro.yaml')], {
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    expect(reply.body).toBe(cli.stdout.replace(/\n$/, ''));
  });

  it('answers each regency of sops/', async () => {
    for (const id of seedIds()) {
      const reply = await client.request<string>('GET', `/api/sops/${id}/bpmn`);
      expect({ id, status: reply.status }).toEqual({ id, status: 200 });
      expect(reply.body).toContain(`<bpmn:participant id="Participant_${id}"`);
    }
  });

  it('answers 404 for an unknown SOP and 400 for an id that cannot be one, never 500', async () => {
    const unknown = await client.request('GET', '/api/sops/atlantis/bpmn');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('no published SOP "atlantis"');
    for (const hostile of ['METRO', 'metro%3Bdrop', '..%2F..%2Fetc', '%00', 'metro%20', `a${'-x'.repeat(3000)}`, "metro'--"]) {
      const reply = await client.request('GET', `/api/sops/${hostile}/bpmn`);
      expect({ hostile, status: reply.status < 500 }).toEqual({ hostile, status: true });
      expect([400, 404]).toContain(reply.status);
    }
  });
});
