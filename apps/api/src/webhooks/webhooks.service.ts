import { randomBytes } from 'node:crypto';
import { isCitizenLane } from '@sop/model';
import { PLATFORM } from '../accounts/accounts.service';
import type { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import type { Clock } from '../common/clock';
import { BadInputException, forbidden, notFound, type FieldError } from '../common/errors';
import type { FieldCipher } from '../common/field-cipher';
import type { SopCatalog } from '../sops/sop-catalog.service';
import { WEBHOOK_EVENTS } from './webhook-event';
import { secretField } from './webhook-sender';
import { checkWebhookUrl, isPrivateAddress, resolveAll } from './webhook-url';
import type { DeliveryRow, WebhookRow, WebhooksRepository } from './webhooks.repository';

export interface NewWebhook {
  regency?: string;
  url: string;
  events: string[];
  description?: string;
  identityLane?: string | null;
}

/** An endpoint as its administrators see it: never its secret. */
export function webhookView(w: WebhookRow & { last_status?: string | null; last_at?: Date | null; pending?: string }) {
  return {
    id: w.id,
    regency: w.regency,
    url: w.url,
    description: w.description,
    events: w.events,
    identityLane: w.identity_lane,
    enabled: w.enabled,
    createdBy: w.created_by,
    createdAt: w.created_at,
    updatedAt: w.updated_at,
    lastDelivery: w.last_status ? { status: w.last_status, at: w.last_at } : null,
    pending: w.pending === undefined ? undefined : Number(w.pending),
  };
}

export function deliveryView(d: DeliveryRow) {
  return {
    id: Number(d.id),
    event: d.moment,
    caseId: d.case_id,
    ticket: d.ticket,
    status: d.status,
    attempts: d.attempts,
    responseStatus: d.response_status,
    error: d.last_error,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    sentAt: d.sent_at,
    nextAttemptAt: d.status === 'pending' ? d.next_attempt_at : null,
  };
}

/**
 * Webhook endpoints (docs/adr/0019-webhooks.md): a regency's administrator registers, lists,
 * disables, enables and deletes the endpoints of that regency, the platform administrator those of
 * any; every change is in the audit log. The secret is drawn here, shown once, and kept sealed.
 */
export class WebhooksService {
  constructor(
    private readonly repository: WebhooksRepository,
    private readonly catalog: SopCatalog,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly allowLocalhost: boolean,
  ) {}

  /** The regency an administrator manages: null for the platform administrator (all). */
  private scopeOf(admin: Principal): string | null {
    if (!admin.permissions.includes('admin'))
      throw forbidden(
        `managing webhooks needs an administrator; you are ${admin.username}`,
        `mengelola webhook memerlukan administrator; akun Anda ${admin.username}`,
      );
    return admin.regency === PLATFORM ? null : admin.regency;
  }

  private async endpoint(admin: Principal, id: string): Promise<WebhookRow> {
    const scope = this.scopeOf(admin);
    const hook = await this.repository.byId(id);
    // another regency's administrator learns nothing of the endpoint
    if (!hook || (scope !== null && hook.regency !== scope))
      throw notFound(`no webhook ${id}${scope ? ` in ${scope}` : ''}`, `webhook ${id} tidak ditemukan${scope ? ` di ${scope}` : ''}`);
    return hook;
  }

  async list(admin: Principal, regency: string | undefined) {
    const scope = this.scopeOf(admin);
    if (scope !== null && regency !== undefined && regency !== scope)
      throw forbidden(`you administer ${scope}, not ${regency}`, `Anda administrator ${scope}, bukan ${regency}`);
    const rows = await this.repository.list(scope ?? regency ?? null);
    return { items: rows.map(webhookView) };
  }

  async create(admin: Principal, input: NewWebhook) {
    const scope = this.scopeOf(admin);
    const regency = input.regency ?? scope;
    const errors: FieldError[] = [];
    if (!regency)
      throw new BadInputException('the webhook is not valid: see errors', [
        {
          field: 'regency',
          message: 'say which regency (SOP id such as "metro") the endpoint is for',
          messageId: 'sebutkan Kabupaten/Kota pemilik endpoint ini (id SOP seperti "metro")',
        },
      ]);
    if (scope !== null && regency !== scope)
      throw forbidden(
        `you administer ${scope}; the endpoint would belong to ${regency}`,
        `Anda administrator ${scope}; endpoint ini akan menjadi milik ${regency}`,
      );
    const published = await this.catalog.latest(regency);
    if (!published)
      throw new BadInputException('the webhook is not valid: see errors', [
        { field: 'regency', message: `no published SOP "${regency}"`, messageId: `tidak ada SOP "${regency}" yang terbit` },
      ]);
    const events = [...new Set(input.events)];
    const unknown = events.filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
    if (!events.length)
      errors.push({
        field: 'events',
        message: `name at least one event: ${WEBHOOK_EVENTS.join(', ')}`,
        messageId: `sebutkan paling sedikit satu peristiwa: ${WEBHOOK_EVENTS.join(', ')}`,
      });
    if (unknown.length) {
      const named = unknown.map((e) => `"${e}"`).join(', ');
      errors.push({
        field: 'events',
        message: `unknown event ${named}: the events are ${WEBHOOK_EVENTS.join(', ')}`,
        messageId: `peristiwa ${named} tidak dikenal: peristiwa yang ada adalah ${WEBHOOK_EVENTS.join(', ')}`,
      });
    }
    const identityLane = input.identityLane ?? null;
    if (identityLane !== null) {
      const lane = published.sop.lanes.find((l) => l.id === identityLane);
      if (!lane || isCitizenLane(lane)) {
        const officeLanes = published.sop.lanes
          .filter((l) => !isCitizenLane(l))
          .map((l) => l.id)
          .join(', ');
        errors.push({
          field: 'identityLane',
          message: `"${identityLane}" is not an office lane of ${regency}: name one of ${officeLanes} (the endpoint then sees the complainant as that lane does), or leave it out`,
          messageId: `"${identityLane}" bukan lajur kantor ${regency}: sebutkan salah satu dari ${officeLanes} (endpoint lalu melihat pelapor sebagaimana lajur itu melihatnya), atau biarkan kosong`,
        });
      }
    }
    const checked = checkWebhookUrl(input.url, this.allowLocalhost);
    if (!checked.ok) errors.push({ field: 'url', message: checked.message, messageId: checked.messageId });
    else if (!['localhost', '127.0.0.1'].includes(checked.url.hostname) || !this.allowLocalhost) {
      const host = checked.url.hostname.replace(/^\[|\]$/g, '');
      const privateOnes = (await resolveAll(host)).filter(isPrivateAddress);
      if (privateOnes.length)
        errors.push({
          field: 'url',
          message: `${host} resolves to a private address (${privateOnes.join(', ')}): webhooks go to the public internet only`,
          messageId: `${host} mengarah ke alamat privat (${privateOnes.join(', ')}): webhook hanya dikirim ke internet publik`,
        });
    }
    if (errors.length) throw new BadInputException('the webhook is not valid: see errors', errors);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const row = await this.repository.create({
      regency,
      url: checked.ok ? checked.url.toString() : input.url,
      description: (input.description ?? '').trim(),
      events,
      identityLane,
      sealedSecret: (id) => this.cipher.seal(secretField(id), secret),
      createdBy: admin.username,
      now: this.clock.now(),
    });
    await this.audit.record(admin, 'webhook.create', regency, row.id, { url: row.url, events, identityLane });
    return { ...webhookView(row), secret };
  }

  async setEnabled(admin: Principal, id: string, enabled: boolean) {
    const hook = await this.endpoint(admin, id);
    const row = await this.repository.setEnabled(hook.id, enabled, this.clock.now());
    if (!row) throw notFound(`no webhook ${id}`, `webhook ${id} tidak ditemukan`);
    await this.audit.record(admin, enabled ? 'webhook.enable' : 'webhook.disable', hook.regency, hook.id, { url: hook.url });
    return webhookView(row);
  }

  async delete(admin: Principal, id: string): Promise<void> {
    const hook = await this.endpoint(admin, id);
    if (!(await this.repository.delete(hook.id))) throw notFound(`no webhook ${id}`, `webhook ${id} tidak ditemukan`);
    await this.audit.record(admin, 'webhook.delete', hook.regency, hook.id, { url: hook.url });
  }

  async deliveries(admin: Principal, id: string, page: number, pageSize: number) {
    const hook = await this.endpoint(admin, id);
    const rows = await this.repository.deliveries(hook.id, pageSize + 1, (page - 1) * pageSize);
    return { webhook: webhookView(hook), page, pageSize, hasMore: rows.length > pageSize, items: rows.slice(0, pageSize).map(deliveryView) };
  }
}
