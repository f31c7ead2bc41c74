import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../config';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'sop-notify-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe('the notification settings (docs/adr/0015-notifications-outbox.md)', () => {
  it('without SMTP or a gateway: nothing configured, links to localhost, WhatsApp for phones', () => {
    const { notify } = readConfig({ PORT: '3100' }, cwd);
    expect(notify).toMatchObject({ smtp: null, http: null, publicUrl: 'http://localhost:3100', phoneChannel: 'whatsapp', maxAttempts: 5 });
  });

  it('reads SMTP_URL or host settings, MAIL_FROM, the gateway and its token', () => {
    const { notify } = readConfig(
      {
        SMTP_HOST: 'mail.example.go.id',
        SMTP_PORT: '465',
        SMTP_SECURE: 'true',
        SMTP_USER: 'u',
        SMTP_PASS: 'p',
        MAIL_FROM: 'a@b.id',
        NOTIFY_HTTP_URL: 'https://gw.example.id/send/',
        NOTIFY_HTTP_TOKEN: 't',
        PUBLIC_URL: 'https://pengaduan.example.go.id/',
      },
      cwd,
    );
    expect(notify.smtp).toMatchObject({ url: null, host: 'mail.example.go.id', port: 465, secure: true, user: 'u', pass: 'p', from: 'a@b.id' });
    expect(notify.http).toEqual({ url: 'https://gw.example.id/send', token: 't' });
    expect(notify.publicUrl).toBe('https://pengaduan.example.go.id');
  });

  it('refuses settings that cannot work, saying what to write', () => {
    expect(() => readConfig({ NOTIFY_PHONE_CHANNEL: 'telegram' }, cwd)).toThrow(/write whatsapp or sms/);
    expect(() => readConfig({ SMTP_URL: 'mail.example.go.id' }, cwd)).toThrow(/SMTP_URL is not a URL/);
    expect(() => readConfig({ NOTIFY_HTTP_URL: 'gateway' }, cwd)).toThrow(/NOTIFY_HTTP_URL="gateway" is not a URL/);
    expect(() => readConfig({ NOTIFY_MAX_ATTEMPTS: '0' }, cwd)).toThrow(/NOTIFY_MAX_ATTEMPTS/);
  });
});
