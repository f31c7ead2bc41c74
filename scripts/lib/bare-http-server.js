// The bare HTTP reference of npm run bench:runtime (a child process): POST /events/{case}/{n} runs
// the baseline's two statements for event n of the case (baseline-event.js) and answers JSON. No
// framework, no auth, no validation: what HTTP alone adds to the baseline on the same machine.
const http = require('node:http');
const { Pool } = require('pg');
const { baselineEvent } = require('./baseline-event');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE || 16) });
pool.on('error', () => undefined); // the benchmark's final DROP DATABASE … WITH (FORCE) ends its connections

const server = http.createServer((req, res) => {
  const m = /^\/events\/([\w-]+)\/(\d+)$/.exec(req.url || '');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const answer = (status, body) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.method !== 'POST' || !m) return answer(404, { message: 'POST /events/{case}/{n}' });
    try {
      JSON.parse(Buffer.concat(chunks).toString() || '{}'); // read as the API reads its body
    } catch {
      return answer(400, { message: 'not JSON' });
    }
    baselineEvent(pool, m[1], Number(m[2])).then(
      (body) => answer(200, body),
      (e) => answer(500, { message: String(e) }),
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
