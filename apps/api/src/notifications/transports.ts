import { createTransport, type Transporter } from 'nodemailer';
import type { NotifySettings, SmtpSettings } from '../config';
import type { NotificationChannel } from './compose-message';

/** Sends one message on one channel; throws with a readable reason when the far end refuses. */
export interface Transport {
  send(message: { to: string; subject: string; text: string; channel: NotificationChannel }): Promise<void>;
}

/** E-mail over SMTP with nodemailer (SMTP_URL, or host and port with optional user and password). */
export class SmtpTransport implements Transport {
  private readonly transporter: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    const common = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };
    this.transporter = settings.url
      ? createTransport(`${settings.url}${settings.url.includes('?') ? '&' : '?'}connectionTimeout=10000&greetingTimeout=10000&socketTimeout=20000`)
      : createTransport({
          host: settings.host!,
          port: settings.port,
          secure: settings.secure,
          auth: settings.user ? { user: settings.user, pass: settings.pass ?? '' } : undefined,
          ...common,
        });
  }

  async send(m: { to: string; subject: string; text: string }): Promise<void> {
    await this.transporter.sendMail({ from: this.settings.from, to: m.to, subject: m.subject, text: m.text });
  }

  close(): void {
    this.transporter.close();
  }
}

/** WhatsApp and SMS through an HTTP gateway: a JSON POST `{ to, text, channel }` with a bearer token; any 2xx is delivered. */
export class HttpGatewayTransport implements Transport {
  constructor(private readonly settings: { url: string; token: string | null }) {}

  async send(m: { to: string; text: string; channel: NotificationChannel }): Promise<void> {
    const res = await fetch(this.settings.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {}) },
      body: JSON.stringify({ to: m.to, text: m.text, channel: m.channel }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) {
      const detail = (await res.text().catch(() => '')).slice(0, 200);
      throw new Error(`the gateway answered ${res.status}${detail ? `: ${detail}` : ''}`);
    }
  }
}

/** The transports the settings configure, by channel; a channel without one keeps its messages pending. */
export function transportsOf(settings: NotifySettings): Partial<Record<NotificationChannel, Transport>> {
  const out: Partial<Record<NotificationChannel, Transport>> = {};
  if (settings.smtp) out.email = new SmtpTransport(settings.smtp);
  if (settings.http) {
    const gateway = new HttpGatewayTransport(settings.http);
    out.whatsapp = gateway;
    out.sms = gateway;
  }
  return out;
}
