// Test support only: serves one PGlite data folder to several API processes, so the multi-process
// test can run without a PostgreSQL server. PGlite has one session; pglite-socket multiplexes
// connections onto it per query. That is safe for the runtime's writes because each is a single
// atomic statement guarded by the case version (docs/adr/0004-embedded-database.md); it is not a
// deployment mode (a real deployment with several API processes uses PostgreSQL).
const { PGlite } = require('@electric-sql/pglite');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');

(async () => {
  const db = await PGlite.create(process.argv[2]);
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 64 });
  await server.start();
  process.stdout.write(`ready postgres://postgres@${server.getServerConn()}/postgres\n`);
  process.on('SIGTERM', async () => {
    await server.stop();
    await db.close();
    process.exit(0);
  });
})();
