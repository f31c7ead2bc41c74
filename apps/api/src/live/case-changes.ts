import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Client, type Notification } from 'pg';
import type pino from 'pino';

/**
 * Live updates of the inbox and the case page (docs/adr/0022-live-case-updates.md).
 *
 * Every statement that writes a case also calls `pg_notify(LIVE_CHANNEL, payload)`, so the
 * notification is sent when, and only when, the write commits; each API process LISTENs on
 * PostgreSQL and hands what it hears to its own streams. The embedded database (PGlite) is one
 * process: there the repository hands the payload (the statement returns it) straight to this
 * process's streams instead.
 */
export const LIVE_CHANNEL = 'sop_case_changes';

/** What a change says: ids, version, where the case is; never anything about the complainant. */
export interface CaseChange {
  /** The case id. */
  id: string;
  version: number;
  /** The SOP (regency) of the case. */
  sop: string;
  /** The case's step, and the step it left when it moved (citizen steps are in the inbox of the lanes that answer for them). */
  steps: string[];
  /** The lanes whose inbox the change touches: the case's lane (and `lane:unit`), the lane asked, the lane it left. */
  lanes: string[];
}

/**
 * The SQL columns `live` (the payload) and `notified` (the pg_notify call) for a statement's final
 * SELECT from the written case row `source`; `from` holds SQL of the step and lane the case left, when it moved.
 * A row the statement did not write is not selected, so nothing is notified for it.
 */
export function liveColumns(source: string, from: { step: string; lane: string } = { step: 'NULL::text', lane: 'NULL::text' }): string {
  const payload = `json_build_object('id', ${source}.id, 'version', ${source}.version, 'sop', ${source}.sop_id,
         'steps', array_remove(ARRAY[${source}.step, ${from.step}], NULL),
         'lanes', array_remove(ARRAY[${source}.lane, ${source}.lane || ':' || ${source}.unit, ${source}.consulting_lane, ${from.lane}], NULL))::text`;
  return `${payload} AS live, pg_notify('${LIVE_CHANNEL}', ${payload}) AS notified`;
}

/** Reads a payload written by {@link liveColumns}; null for anything else. */
export function parseChange(text: string): CaseChange | null {
  try {
    const v = JSON.parse(text) as Partial<CaseChange>;
    if (typeof v.id !== 'string' || typeof v.version !== 'number' || typeof v.sop !== 'string' || !Array.isArray(v.steps) || !Array.isArray(v.lanes)) {
      return null;
    }
    const texts = (list: unknown[]) => list.filter((l): l is string => typeof l === 'string');
    return { id: v.id, version: v.version, sop: v.sop, steps: texts(v.steps), lanes: texts(v.lanes) };
  } catch {
    return null;
  }
}

/** A change as this process numbered it (the SSE `id`), or a gap: changes may have been missed. */
export type Delivery = { kind: 'change'; seq: number; change: CaseChange } | { kind: 'gap'; seq: number };

/** A delivery, or the end of the process (the streams close; the clients reconnect elsewhere). */
type Listener = (d: Delivery | { kind: 'end' }) => void;

/**
 * This process's hub of case changes: numbers them, keeps the last {@link CaseChanges.KEEP} for
 * streams that reconnect with Last-Event-ID, and hands them to the listeners (the open streams).
 */
export class CaseChanges implements OnApplicationBootstrap, BeforeApplicationShutdown {
  static readonly KEEP = 500;
  /** Tells apart this process's numbering from another's (or a restarted one's): part of every event id. */
  readonly epoch = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
  private seq = 0;
  private readonly recent: Delivery[] = [];
  private readonly listeners = new Set<Listener>();
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  /** Without a PostgreSQL `url`: the embedded database, one process: the repository hands over its own changes (no LISTEN). */
  readonly inProcess: boolean;

  constructor(
    private readonly logger: pino.Logger,
    private readonly url: string | null,
  ) {
    this.inProcess = url === null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const url = this.url;
    if (!url) return;
    await this.listen(url).catch((e: unknown) => {
      this.logger.warn({ err: e }, 'live updates: could not LISTEN on the database: retrying');
      this.scheduleListen(url);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    // open streams would keep the HTTP server from closing
    for (const l of [...this.listeners]) l({ kind: 'end' });
    await this.stop();
  }

  /** A change this process wrote (the `live` column of its statement): delivered here on the embedded database only. */
  local(payload: unknown): void {
    if (!this.inProcess || typeof payload !== 'string') return;
    const change = parseChange(payload);
    if (change) this.deliver({ kind: 'change', seq: 0, change });
  }

  /** LISTENs on PostgreSQL at `url`; a lost connection is opened again, and the streams are told they may have missed changes. */
  private async listen(url: string): Promise<void> {
    const client = new Client({ connectionString: url });
    client.on('notification', (n: Notification) => {
      const change = n.channel === LIVE_CHANNEL && n.payload ? parseChange(n.payload) : null;
      if (change) this.deliver({ kind: 'change', seq: 0, change });
    });
    const lost = (e?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.logger.warn({ err: e }, 'live updates: the LISTEN connection was lost: reconnecting');
      void client.end().catch(() => undefined);
      this.scheduleListen(url);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (e) {
      client.removeAllListeners();
      await client.end().catch(() => undefined);
      throw e;
    }
    this.client = client;
  }

  private scheduleListen(url: string): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.listen(url).then(
        // changes written while nobody listened are lost: the streams read again what they show
        () => this.deliver({ kind: 'gap', seq: 0 }),
        (e: unknown) => {
          this.logger.warn({ err: e }, 'live updates: could not LISTEN on the database: retrying');
          this.scheduleListen(url);
        },
      );
    }, 1000);
    this.retry.unref();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * What a stream reconnecting after `lastId` missed: the deliveries after it, or null when they
   * are no longer known here (another process numbered it, or too many passed): the stream then refetches.
   */
  since(lastId: string): Delivery[] | null {
    const [epoch, seqText] = lastId.split(':');
    const seq = Number(seqText);
    if (epoch !== this.epoch || !Number.isSafeInteger(seq) || seq > this.seq) return null;
    const oldest = this.recent.length ? this.recent[0].seq : this.seq + 1;
    if (seq < oldest - 1) return null;
    return this.recent.filter((d) => d.seq > seq);
  }

  /** The event id of a delivery. */
  idOf(d: Delivery): string {
    return `${this.epoch}:${d.seq}`;
  }

  /** The id a new stream starts from: what it has seen is everything before now. */
  currentId(): string {
    return `${this.epoch}:${this.seq}`;
  }

  private deliver(d: Delivery): void {
    const numbered: Delivery = { ...d, seq: ++this.seq };
    this.recent.push(numbered);
    if (this.recent.length > CaseChanges.KEEP) this.recent.shift();
    for (const l of this.listeners) l(numbered);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
