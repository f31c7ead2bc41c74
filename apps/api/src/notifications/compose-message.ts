import type { FormField, MessageTemplate } from '@sop/model';

/** What causes a message to the complainant. */
export type NotificationMoment = 'filed' | 'reply' | 'closed';
export type NotificationChannel = 'email' | 'whatsapp' | 'sms';

export interface Contact {
  channel: NotificationChannel;
  /** The address as filed (normalised): never stored in plain text (see OutboxMessage.recipient). */
  address: string;
  /** What the operator sees of it. */
  masked: string;
  field: string;
}

/**
 * The complainant's contacts in a filed form: each e-mail field, and each mobile-number field (as
 * WhatsApp or SMS, as the deployment sends to phones). Empty when the form holds none: nothing is sent.
 */
export function contactsOf(
  fields: readonly Pick<FormField, 'id' | 'type'>[],
  values: Record<string, unknown>,
  phoneChannel: 'whatsapp' | 'sms',
  mask: (type: FormField['type'], value: string) => string,
): Contact[] {
  const out: Contact[] = [];
  for (const f of fields) {
    const value = values[f.id];
    if (typeof value !== 'string' || !value.trim() || value.startsWith('[')) continue; // empty, or a sealed value this key cannot open
    if (f.type === 'email') out.push({ channel: 'email', address: value.trim(), masked: mask('email', value), field: f.id });
    // a mobile number (the form's phone type accepts nothing else): WhatsApp or SMS
    // a mobile number (a phone field, or the mobile answer of a phone-or-landline one): a landline gets no WhatsApp or SMS
    if ((f.type === 'phone' || f.type === 'phone-or-landline') && /^\+628\d{7,12}$/.test(value.trim()))
      out.push({ channel: phoneChannel, address: value.trim(), masked: mask('phone', value), field: f.id });
  }
  const seen = new Set<string>();
  return out.filter((c) => !seen.has(`${c.channel}:${c.address.toLowerCase()}`) && seen.add(`${c.channel}:${c.address.toLowerCase()}`));
}

export interface MessageInput {
  moment: NotificationMoment;
  ticket: string;
  /** The ticket page, e.g. https://pengaduan.example.go.id/tiket/BUL-7K4Q9P. */
  link: string;
  office: string;
  regency: string;
  /** The SOP's template for this moment, when it has one (Lumajang's greeting). */
  template: Pick<MessageTemplate, 'text'> | null;
  /** The office's reply, with the complainant's identity already struck out. */
  reply: string | null;
}

/**
 * The subject and text of a message to the complainant: the SOP's template for that moment where it
 * has one, else the platform's words in Bahasa Indonesia; the ticket number and its page always; the
 * office's reply when there is one. Never the complainant's identity: the caller passes the reply
 * already redacted, and nothing of the form is used.
 *
 * @example
 * composeMessage({ moment: 'filed', ticket: 'BUL-7K4Q9P', link: 'https://…/tiket/BUL-7K4Q9P', office: 'Disdukcapil', regency: 'Kabupaten Buleleng', template: null, reply: null }).subject
 * // 'Pengaduan BUL-7K4Q9P diterima'
 */
export function composeMessage(m: MessageInput): { subject: string; body: string } {
  const from = `${m.office}, ${m.regency}`;
  const track = `Nomor tiket: ${m.ticket}\nPantau perkembangannya: ${m.link}`;
  const parts: string[] = [];
  let subject: string;
  switch (m.moment) {
    case 'filed':
      subject = `Pengaduan ${m.ticket} diterima`;
      parts.push(m.template?.text ?? `Pengaduan Anda telah kami terima dan akan ditangani sesuai SOP ${from}.`);
      break;
    case 'reply':
      subject = `Balasan atas pengaduan ${m.ticket}`;
      if (m.template) parts.push(m.template.text);
      parts.push(`Balasan dari ${from}:\n\n${m.reply ?? ''}`);
      break;
    case 'closed':
      subject = `Pengaduan ${m.ticket} selesai`;
      parts.push(m.template?.text ?? `Pengaduan Anda telah selesai ditangani oleh ${from}.`);
      if (m.reply) parts.push(`Balasan dari ${from}:\n\n${m.reply}`);
      break;
  }
  parts.push(track);
  return { subject, body: parts.join('\n\n') };
}
