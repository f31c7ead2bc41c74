import { checkWebhookUrl, isPrivateAddress } from './webhook-url';

describe('where a webhook may point', () => {
  it('accepts https on the public internet and keeps the URL as written', () => {
    const r = checkWebhookUrl('https://dasbor.lumajangkab.go.id/hooks/sop?src=dukcapil', false);
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.url.toString()).toBe('https://dasbor.lumajangkab.go.id/hooks/sop?src=dukcapil');
    expect(checkWebhookUrl('https://93.184.216.34:8443/x', false)).toMatchObject({ ok: true });
  });

  it.each([
    ['http://dasbor.example.go.id/hook', /only https/],
    ['https://localhost/hook', /local or internal/],
    ['http://localhost:8080/hook', /only https/],
    ['https://127.0.0.1/hook', /private/],
    ['https://2130706433/hook', /private/], // 127.0.0.1 as one number
    ['https://[::1]/hook', /private/],
    ['https://[::ffff:127.0.0.1]/hook', /private/],
    ['https://100.64.1.1/', /private/],
    ['https://kantor.internal/', /internal/],
    ['ftp://example.go.id/', /only https/],
    ['https://a:b@example.go.id/', /user name or password/],
    ['https://example.go.id/#x', /fragment/],
    ['https://exa mple.go.id/', /spaces/],
  ])('refuses %s', (url, message) => {
    const r = checkWebhookUrl(url, false);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });

  it('lets tests and development reach localhost and 127.0.0.1 only, with the flag', () => {
    expect(checkWebhookUrl('http://localhost:8080/hook', true)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('http://127.0.0.1:9/hook', true)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('http://10.0.0.1/hook', true)).toMatchObject({ ok: false });
    expect(checkWebhookUrl('https://192.168.0.10/hook', true)).toMatchObject({ ok: false });
  });

  it('knows the private and reserved ranges, IPv4 inside IPv6 too', () => {
    for (const ip of [
      '10.1.2.3',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '::',
      'fe80::1',
      'fd12::1',
      '::ffff:10.0.0.1',
      '::ffff:a00:1',
      '224.0.0.1',
    ])
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, true]);
    for (const ip of ['8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect([ip, isPrivateAddress(ip)]).toEqual([ip, false]);
  });
});
