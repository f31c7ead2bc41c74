import { ApiClient, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * Security headers on every answer: the web app at `/`, the API, and the Swagger UI at /api/docs.
 * (The browser test test/e2e/security-headers.spec.ts checks the pages run under this policy.)
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
  await api?.stop();
  await db?.drop();
});

/** The policy's directives by name. */
function directives(header: string | null): Map<string, string[]> {
  expect(header).toBeTruthy();
  return new Map(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

// the web app's scripts may evaluate strings (ajv compiles the SOP schema in the editor); the API's never
const WEB_SCRIPTS = ["'self'", "'unsafe-eval'"];
const API_SCRIPTS = ["'self'"];

describe.each([
  ['the web app', '/', WEB_SCRIPTS],
  ['a page of the web app', '/sops/metro', WEB_SCRIPTS],
  ['the SOP preload script', '/sop-preload.js', WEB_SCRIPTS],
  ['the health check', '/api/health', API_SCRIPTS],
  ['the Swagger UI', '/api/docs', API_SCRIPTS],
  ["the Swagger UI's init script", '/api/docs/swagger-ui-init.js', API_SCRIPTS],
  ['an API error', '/api/cases', API_SCRIPTS],
  ['an unknown API path', '/api/nothing-here', API_SCRIPTS],
])('%s (%s)', (_what, path, scripts) => {
  it('carries a CSP without inline scripts, frame-ancestors none, nosniff and no referrer', async () => {
    const res = await client.request('GET', path);
    expect(res.status).toBeLessThan(500);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(scripts);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

it('serves pages the policy allows: no inline script in the web app or the Swagger UI', async () => {
  for (const path of ['/', '/api/docs']) {
    const html = (await client.request('GET', path)).body as string;
    expect(typeof html).toBe('string');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect({ path, attributes, body: body.trim() }).toEqual({ path, attributes: expect.stringMatching(/\bsrc=/), body: '' });
    }
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
  }
});
