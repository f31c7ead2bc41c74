import { ApiClient, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';
import { seedText } from '../../../libs/sop-model/src/__fixtures__/seeds';

/**
 * The API words an SOP's issues in the request's language (?lang= or Accept-Language; English
 * without either) and gives every error a stable code the web app translates by
 * (docs/adr/0024-issue-messages-by-code.md).
 */
let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db);
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api.stop();
  await db.drop();
});

const metro = seedText('metro');
// a misspelt target: the step the author meant is "petugas-periksa"
const broken = metro.replace('next: petugas-periksa', 'next: petugas-priksa');

const publish = (query: string, headers: Record<string, string> = {}, as = 'metro.penyusun') =>
  client.request('POST', `/api/sops/metro/versions${query}`, { as, headers, body: { yaml: broken, changeNote: 'uji', basedOnVersion: 1 } });

describe('SOP issues and errors by code, in the request language', () => {
  it('answers an invalid SOP in Bahasa Indonesia for Accept-Language: id, with the code, its parameters and the same line', async () => {
    const res = await publish('', { 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'sop.invalid', lang: 'id', messageId: 'SOP ini memuat 1 kesalahan: tidak ada yang diterbitkan' });
    const issue = res.body.issues.find((i: { code: string }) => i.code === 'unknown-step');
    expect(issue).toMatchObject({ severity: 'error', params: { value: 'petugas-priksa', suggestion: 'petugas-periksa' } });
    expect(issue.message).toMatch(/^"petugas-priksa" bukan langkah di alur ini \(maksudnya "petugas-periksa"\?\)/);
    expect(broken.split('\n')[issue.line - 1]).toContain('petugas-priksa');
  });

  it('answers in English with ?lang=en, which wins over the header, and without either', async () => {
    const en = await publish('?lang=en', { 'accept-language': 'id' });
    expect(en.status).toBe(422);
    expect(en.body.lang).toBe('en');
    expect(en.body.issues.find((i: { code: string }) => i.code === 'unknown-step').message).toMatch(/^"petugas-priksa" does not name a step/);
    const plain = await publish('');
    expect(plain.body.issues.find((i: { code: string }) => i.code === 'unknown-step').message).toMatch(/does not name a step/);
  });

  it('reads a hostile Accept-Language or lang as far as it can, never a 500', async () => {
    for (const [query, header, lang] of [
      ['?lang=xx', 'x'.repeat(5000), 'en'],
      ['?lang[]=en', ';;;q=,id;q=abc,,', 'id'], // an unreadable weight counts as 1; a list for lang is no language
      ['', 'id;q=0, en;q=0.5', 'en'],
    ]) {
      const res = await publish(query, { 'accept-language': header });
      expect({ query, status: res.status, lang: res.body.lang }).toEqual({ query, status: 422, lang });
    }
  });

  it('gives refusals a code the web app words: another regency publishing, an unknown SOP', async () => {
    const other = await publish('', {}, 'buleleng.penyusun');
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('sop.publish-other-regency');
    const missing = await client.request('GET', '/api/sops/atlantis');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not-found');
  });
});
