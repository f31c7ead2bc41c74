import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { CONTENT_SECURITY_POLICY, helmetMiddlewareFor, securityHeaders, WEB_APP_CONTENT_SECURITY_POLICY } from './security-headers';

/** A real response to `url`, with an X-Powered-By already set (helmet removes it). */
function exchange(url: string): { req: IncomingMessage & { path?: string }; res: ServerResponse } {
  const req = new IncomingMessage(new Socket());
  req.url = url;
  req.method = 'GET';
  const res = new ServerResponse(req);
  res.setHeader('X-Powered-By', 'Express');
  return { req, res };
}

function headersAfter(middleware: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void, url: string) {
  const { req, res } = exchange(url);
  let nextCalled = 0;
  middleware(req, res, () => nextCalled++);
  expect(nextCalled).toBe(1);
  return res.getHeaders();
}

describe('securityHeaders (helmet computed once)', () => {
  const middleware = securityHeaders();

  it.each([
    ['/api/cases/1/events', CONTENT_SECURITY_POLICY],
    ['/api/docs', CONTENT_SECURITY_POLICY],
    ['/sops/metro/ubah', WEB_APP_CONTENT_SECURITY_POLICY],
    ['/', WEB_APP_CONTENT_SECURITY_POLICY],
  ])('writes on %s exactly the headers helmet itself writes', (url, policy) => {
    const ours = headersAfter(middleware, url);
    const helmets = headersAfter(helmetMiddlewareFor(policy), url);
    expect(ours).toEqual(helmets);
    expect(Object.keys(ours).length).toBeGreaterThanOrEqual(10);
    expect(ours['x-powered-by']).toBeUndefined();
  });

  it('keeps the strict policy on the API and lets only the web app evaluate strings', () => {
    const api = String(headersAfter(middleware, '/api/sops')['content-security-policy']);
    const web = String(headersAfter(middleware, '/sops/metro')['content-security-policy']);
    expect(api).toContain("script-src 'self'");
    expect(api).not.toContain('unsafe-eval');
    expect(api).toContain("frame-ancestors 'none'");
    expect(web).toContain("script-src 'self' 'unsafe-eval'");
    expect(headersAfter(middleware, '/api/sops')['x-frame-options']).toBe('DENY');
    expect(headersAfter(middleware, '/api/sops')['referrer-policy']).toBe('no-referrer');
  });
});
