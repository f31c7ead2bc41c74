import { checkWebhookUrl, isPrivateAddress } from './webhook-url';

describe('where a webhook may point', () => {
  it('accepts https on the public internet and keeps the URL as written', () => {
    const r = checkWebhookUrl('https://dasbor.lumajangkab.go.id/hooks/sop?src=dukcapil', false);
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.url.toString()).toBe('https://dasbor.lumajangkab.go.id/hooks/sop?src=dukcapil');
    expect(checkWebhookUrl('https://93.184.216.34:8443/x', false)).toMatchObject({ ok: true });
  });

  it.each([
    ['http://dasbor.example.go.id/hook', /only https/, /hanya URL https yang diterima .*"http:" tidak diterima/],
    ['https://localhost/hook', /local or internal/, /nama lokal atau internal: webhook hanya dikirim ke internet publik/],
    ['http://localhost:8080/hook', /only https/, /hanya URL https/],
    ['https://127.0.0.1/hook', /private/, /alamat privat/],
    ['https://2130706433/hook', /private/, /alamat privat/], // 127.0.0.1 as one number
    ['https://[::1]/hook', /private/, /alamat privat/],
    ['https://[::ffff:127.0.0.1]/hook', /private/, /alamat privat/],
    ['https://100.64.1.1/', /private/, /alamat privat/],
    ['https://kantor.internal/', /internal/, /"kantor.internal" adalah nama lokal atau internal/],
    ['ftp://example.go.id/', /only https/, /"ftp:" tidak diterima/],
    ['https://a:b@example.go.id/', /user name or password/, /nama pengguna atau kata sandi/],
    ['https://example.go.id/#x', /fragment/, /#fragmen/],
    ['https://exa mple.go.id/', /spaces/, /spasi atau karakter kontrol/],
    ['   ', /empty/, /^url kosong: tulis endpoint seperti https:\/\/dashboard.example.go.id\/hooks\/sop$/],
    ['example.go.id/hook', /not a URL/, /^"example.go.id\/hook" bukan URL: tulis URL seperti https:\/\/dashboard.example.go.id\/hooks\/sop$/],
  ])('refuses %s, in English and in Bahasa Indonesia', (url, message, messageId) => {
    const r = checkWebhookUrl(url, false);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
    expect(!r.ok && r.messageId).toMatch(messageId);
  });

  it('refuses a URL over 2000 characters, saying how long it is', () => {
    const r = checkWebhookUrl(`https://example.go.id/${'a'.repeat(2000)}`, false);
    expect(r).toEqual({ ok: false, message: 'url is 2022 characters long; at most 2000', messageId: 'url sepanjang 2022 karakter; paling panjang 2000' });
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
