import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Client } from 'pg';

export interface EmbeddedPostgres {
  /** A postgres:// URL for the `pg` driver. */
  url: string;
  /**
   * The `pg` client class for the pool (its `Client` option): a connection that waits, before it
   * connects, until the socket server has let the previous one go (see `startEmbeddedPostgres`).
   */
  Client: typeof Client;
  stop(): Promise<void>;
}

/** How long a new connection waits for the socket server to let the previous one go before it tries anyway. */
const FREE_WITHIN_MS = 5_000;

/**
 * Starts PGlite (PostgreSQL in WebAssembly) on a data folder and serves it on a local port, so the
 * API talks to it with the same `pg` driver and SQL as to a real PostgreSQL. PGlite has a single
 * session: the API keeps a pool of one connection, which serialises transactions
 * (docs/adr/0004-embedded-database.md).
 *
 * The socket server serves one connection and refuses another while it has one (the client sees
 * "Connection terminated unexpectedly"), and it learns that a connection closed a few ticks after
 * the client closed it. A connection the pool replaces (one that failed, or one retired by hand)
 * would be refused in that moment, so the pool's connections connect only once the server is free
 * (docs/adr/0028-persistence-pg.md). The server stays at one connection: while the API holds it,
 * no other local process can open the database.
 */
export async function startEmbeddedPostgres(dataDir: string | null): Promise<EmbeddedPostgres> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://');
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 1 });
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:PORT"

  const free = async (): Promise<void> => {
    const until = Date.now() + FREE_WITHIN_MS;
    while (server.getStats().activeConnections >= server.getStats().maxConnections && Date.now() < until) await sleep(2);
  };

  class ClientOnceFree extends Client {
    override connect(): Promise<Client>;
    override connect(callback: (err: Error | null, client?: Client) => void): void;
    override connect(callback?: (err: Error | null, client?: Client) => void): Promise<Client> | void {
      const connected = free().then(() => super.connect());
      if (!callback) return connected;
      connected.then(
        (client) => callback(null, client),
        (err: unknown) => callback(err as Error),
      );
    }
  }

  return {
    url: `postgres://postgres@${address}/postgres`,
    Client: ClientOnceFree,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
