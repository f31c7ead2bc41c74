import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgres:// URL for the `pg` driver. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL in WebAssembly) on a data folder and serves it on a local port, so the
 * API talks to it with the same `pg` driver and SQL as to a real PostgreSQL. PGlite has a single
 * session: the API keeps a pool of one connection, which serialises transactions
 * (docs/adr/0004-embedded-database.md).
 */
export async function startEmbeddedPostgres(dataDir: string | null): Promise<EmbeddedPostgres> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://');
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' });
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:PORT"
  return {
    url: `postgres://postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
