import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { maskFormData } from '@sop/citizen-data';
import type { CasesRepository } from '../cases/cases.repository';
import type { CasesService } from '../cases/cases.service';
import type { FieldCipher } from '../common/field-cipher';
import type { OutboxRow } from '../notifications/outbox.repository';
import { signatureHeader } from './webhook-event';
import { checkWebhookUrl, guardedLookup, isPrivateAddress } from './webhook-url';
import type { WebhooksRepository } from './webhooks.repository';

/** The associated data an endpoint's secret is sealed with: it opens for that endpoint only. */
export const secretField = (webhookId: string) => `webhook-secret:${webhookId}`;

/** A failed delivery: why, and the far end's HTTP status when it answered. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly responseStatus: number | null,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 10_000;

/**
 * Delivers one webhook row of the outbox (docs/adr/0019-webhooks.md): the endpoint's URL checked
 * again, the body (the payload queued with the event; the complainant's identity added only for an
 * endpoint granted a lane's view, as that lane sees it), signed with the endpoint's secret over
 * `timestamp.body`, POSTed without following redirects to an address that is not private. Any 2xx
 * is delivered; anything else throws a DeliveryError with the status.
 */
export class WebhookSender {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly cases: CasesRepository,
    private readonly caseService: CasesService,
    private readonly cipher: FieldCipher,
    private readonly allowLocalhost: boolean,
  ) {}

  async send(row: OutboxRow): Promise<number> {
    const hook = row.webhook_id ? await this.webhooks.byId(row.webhook_id) : null;
    if (!hook) throw new DeliveryError('the endpoint no longer exists', null);
    const secret = this.cipher.open(secretField(hook.id), hook.secret);
    if (secret === hook.secret || secret.startsWith('[')) throw new DeliveryError('the endpoint’s secret cannot be opened with this data key', null);
    const checked = checkWebhookUrl(hook.url, this.allowLocalhost);
    if (!checked.ok) throw new DeliveryError(checked.message, null);
    const host = checked.url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && isPrivateAddress(host) && !(this.allowLocalhost && host === '127.0.0.1')) {
      throw new DeliveryError(`${host} is a private address: not delivered`, null);
    }
    const payload = JSON.parse(row.body) as Record<string, unknown>;
    if (hook.identity_lane) payload.complainant = await this.identityAsLaneSees(row.case_id, hook.identity_lane);
    const body = JSON.stringify(payload);
    // wall time, not the business clock (SOP_CLOCK_START shifts that in demos): receivers compare it with theirs
    const timestamp = Math.floor(Date.now() / 1000);
    return post(checked.url, body, this.allowLocalhost, {
      'content-type': 'application/json',
      'user-agent': 'sop-platform-webhooks/1',
      'x-sop-event': `case.${row.moment}`,
      'x-sop-delivery': row.id,
      'x-sop-signature': signatureHeader(secret, timestamp, body),
    });
  }

  /** The complaint's form as operators of `lane` see it: as filed when the lane may reveal it, masked otherwise (ADR 0005). */
  private async identityAsLaneSees(caseId: string, lane: string) {
    const row = await this.cases.byId(caseId);
    if (!row || row.kind !== 'complaint') return null;
    const published = await this.caseService.publishedOf(row.sopVersionId);
    const revealed = this.caseService.revealLanes(published, row.channel).includes(lane);
    const values = Object.fromEntries(Object.entries(row.formData).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const shown = revealed ? values : maskFormData(published.form.fields, values);
    return {
      lane,
      revealed,
      fields: published.form.fields.filter((f) => f.id in shown).map((f) => ({ id: f.id, label: f.label, value: shown[f.id] })),
    };
  }
}

function post(url: URL, body: string, allowLocalhost: boolean, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(allowLocalhost),
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          if (text.length < 300) text += c;
        });
        res.on('end', () => {
          if (status >= 200 && status < 300) resolve(status);
          else {
            const detail = text.replace(/\s+/g, ' ').trim().slice(0, 200);
            reject(
              new DeliveryError(
                `the endpoint answered ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}${detail ? `: ${detail}` : ''}`,
                status,
              ),
            );
          }
        });
        res.on('error', (e) => reject(new DeliveryError(e.message, status)));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (e) => reject(e instanceof DeliveryError ? e : new DeliveryError(e.message, null)));
    req.end(body);
  });
}
