import { maskValue, redactIdentity } from '@sop/citizen-data';
import type { CompiledFlow } from '@sop/compiler';
import type { FieldCipher } from '../common/field-cipher';
import type { PublishedSop } from '../sops/sop-catalog.service';
import { composeMessage, contactsOf, type NotificationChannel, type NotificationMoment } from './compose-message';

/** A message to queue with the write that causes it; its address sealed (never plain contact data in the outbox). */
export interface OutboxMessage {
  moment: NotificationMoment;
  channel: NotificationChannel;
  /** The address sealed with the data key, the channel as associated data. */
  recipient: string;
  recipientMasked: string;
  subject: string;
  body: string;
}

/** The associated data the outbox's addresses are sealed with: an address cannot move to another channel. */
export const recipientField = (channel: string) => `notification:${channel}`;

export interface PlannerSettings {
  /** The public address of the web app, e.g. https://pengaduan.example.go.id (no trailing slash). */
  publicUrl: string;
  /** Where mobile numbers get their messages. */
  phoneChannel: 'whatsapp' | 'sms';
}

/**
 * Decides which messages a write queues (docs/adr/0015-notifications-outbox.md): the ticket on
 * filing, each reply to the complainant, and the closing; one per contact the complainant gave;
 * none without a contact, and none for periodic runs.
 */
export class NotificationPlanner {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly settings: PlannerSettings,
  ) {}

  /**
   * The messages of one write. `values`: the complaint's form as filed (plain); `steps`: the steps
   * the moment comes from (the first is searched first for the SOP's template).
   */
  plan(args: {
    moment: NotificationMoment | null;
    published: PublishedSop;
    flow: CompiledFlow;
    kind: 'complaint' | 'periodic';
    ticket: string;
    values: Record<string, unknown>;
    steps: (string | null)[];
    reply: string | null;
  }): OutboxMessage[] {
    const { moment } = args;
    if (!moment || args.kind !== 'complaint') return [];
    const { published } = args;
    const contacts = contactsOf(published.form.fields, args.values, this.settings.phoneChannel, maskValue);
    if (!contacts.length) return [];
    // the steps come from the case's rows: one may be a step this version of the SOP lacks
    const stepsById: Readonly<Partial<Record<string, (typeof args.flow.steps)[string]>>> = args.flow.steps;
    const templateId = args.steps.map((s) => (s ? stepsById[s]?.template : null)).find((t) => t);
    const template = templateId ? (published.sop.templates?.find((t) => t.id === templateId) ?? null) : null;
    // the reply as the ticket page shows it: the complainant's own identity (and any NIK) struck out
    const identity = published.form.fields
      .filter((f) => f.confidential)
      .map((f) => args.values[f.id])
      .filter((v): v is string => typeof v === 'string');
    const reply = args.reply ? redactIdentity(args.reply, identity) : null;
    const { subject, body } = composeMessage({
      moment,
      ticket: args.ticket,
      link: `${this.settings.publicUrl}/tiket/${encodeURIComponent(args.ticket)}`,
      office: published.sop.identity.office,
      regency: published.sop.identity.regency,
      template,
      reply,
    });
    return contacts.map((c) => ({
      moment,
      channel: c.channel,
      recipient: this.cipher.seal(recipientField(c.channel), c.address),
      recipientMasked: c.masked,
      subject,
      body,
    }));
  }
}

/** The moment an event is: closing the case, else a reply when it carries one, else none. */
export function momentOfEvent(closes: boolean, reply: string | null | undefined): NotificationMoment | null {
  if (closes) return 'closed';
  return reply ? 'reply' : null;
}
