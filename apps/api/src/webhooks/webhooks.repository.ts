import type { Database } from '../database/database';

export interface WebhookRow {
  id: string;
  regency: string;
  url: string;
  description: string;
  events: string[];
  identity_lane: string | null;
  secret: string;
  enabled: boolean;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** One delivery of the log: an outbox row of channel `webhook`, with its case's ticket. */
export interface DeliveryRow {
  id: string;
  case_id: string;
  ticket: string | null;
  moment: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  response_status: number | null;
  last_error: string | null;
  next_attempt_at: Date;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
}

/** The endpoints and their delivery log; each write one statement. */
export class WebhooksRepository {
  constructor(private readonly db: Database) {}

  async create(w: {
    regency: string;
    url: string;
    description: string;
    events: string[];
    identityLane: string | null;
    sealedSecret: (id: string) => string;
    createdBy: string;
    now: Date;
  }): Promise<WebhookRow> {
    // the id is drawn here so that the secret can be sealed with it as associated data
    const [{ id }] = await this.db.query<{ id: string }>('SELECT gen_random_uuid()::text AS id');
    const rows = await this.db.query<WebhookRow>(
      `INSERT INTO webhooks (id, regency, url, description, events, identity_lane, secret, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $9) RETURNING *`,
      [id, w.regency, w.url, w.description, w.events, w.identityLane, w.sealedSecret(id), w.createdBy, w.now],
    );
    return rows[0];
  }

  async byId(id: string): Promise<WebhookRow | null> {
    const rows = await this.db.query<WebhookRow>('SELECT * FROM webhooks WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  /** The endpoints of a regency (all when null), with the outcome of their latest delivery. */
  async list(regency: string | null): Promise<(WebhookRow & { last_status: string | null; last_at: Date | null; pending: string })[]> {
    return this.db.query(
      `SELECT h.*, l.status AS last_status, l.updated_at AS last_at,
              (SELECT count(*) FROM notifications p WHERE p.webhook_id = h.id AND p.status IN ('pending', 'sending')) AS pending
       FROM webhooks h
       LEFT JOIN LATERAL (SELECT status, updated_at FROM notifications n WHERE n.webhook_id = h.id ORDER BY n.id DESC LIMIT 1) l ON true
       WHERE ($1::text IS NULL OR h.regency = $1) ORDER BY h.regency, h.created_at, h.id LIMIT 500`,
      [regency],
    );
  }

  async setEnabled(id: string, enabled: boolean, now: Date): Promise<WebhookRow | null> {
    const rows = await this.db.query<WebhookRow>('WITH u AS (UPDATE webhooks SET enabled = $2, updated_at = $3 WHERE id = $1 RETURNING *) SELECT * FROM u', [
      id,
      enabled,
      now,
    ]);
    return rows[0] ?? null;
  }

  /** Removes an endpoint with its delivery log (and any delivery still waiting). */
  async delete(id: string): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>('WITH d AS (DELETE FROM webhooks WHERE id = $1 RETURNING id) SELECT id FROM d', [id]);
    return rows.length > 0;
  }

  /** A page of an endpoint's deliveries, newest first. */
  async deliveries(webhookId: string, limit: number, offset: number): Promise<DeliveryRow[]> {
    return this.db.query<DeliveryRow>(
      `SELECT n.id, n.case_id, c.ticket, n.moment, n.status, n.attempts, n.response_status, n.last_error, n.next_attempt_at, n.created_at, n.updated_at, n.sent_at
       FROM notifications n JOIN cases c ON c.id = n.case_id
       WHERE n.webhook_id = $1 ORDER BY n.id DESC LIMIT $2 OFFSET $3`,
      [webhookId, limit, offset],
    );
  }
}
