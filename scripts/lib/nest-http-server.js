// The framework references of npm run bench:runtime (a child process): Nest with one controller,
// POST /events/{case}/{n}, running the baseline's two statements for event n of the case
// (baseline-event.js), on the HTTP adapter named by the first argument: `express` (the API's:
// @nestjs/platform-express, Express 5) or `fastify` (@nestjs/platform-fastify). Nothing else: no
// middleware, guard, pipe, filter or logger. Beside the bare node:http server it shows what the
// framework alone costs per event, and what another adapter would cost instead.
require('reflect-metadata');
const { Body, Controller, HttpCode, Module, Param, Post } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { Pool } = require('pg');
const { baselineEvent } = require('./baseline-event');

const adapter = process.argv[2];
if (adapter !== 'express' && adapter !== 'fastify') {
  console.error('usage: node nest-http-server.js express|fastify');
  process.exit(2);
}

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE || 16) });
pool.on('error', () => undefined); // the benchmark's final DROP DATABASE … WITH (FORCE) ends its connections

class EventsController {
  event(id, n, _body) {
    return baselineEvent(pool, id, Number(n));
  }
}
// the decorators a TypeScript controller would carry, applied by hand (this file is plain JavaScript)
Controller('events')(EventsController);
const method = Object.getOwnPropertyDescriptor(EventsController.prototype, 'event');
Post(':id/:n')(EventsController.prototype, 'event', method);
HttpCode(200)(EventsController.prototype, 'event', method);
Param('id')(EventsController.prototype, 'event', 0);
Param('n')(EventsController.prototype, 'event', 1);
Body()(EventsController.prototype, 'event', 2);
Reflect.defineMetadata('design:paramtypes', [String, String, Object], EventsController.prototype, 'event');

class BenchModule {}
Module({ controllers: [EventsController] })(BenchModule);

(async () => {
  const app =
    adapter === 'fastify'
      ? await NestFactory.create(BenchModule, new (require('@nestjs/platform-fastify').FastifyAdapter)(), { logger: false })
      : await NestFactory.create(BenchModule, { logger: false });
  if (adapter === 'express') {
    // as the API sets it (main.ts): no X-Powered-By, no ETag hashed over every body
    app.getHttpAdapter().getInstance().disable('x-powered-by').set('etag', false);
  }
  await app.listen(0, '127.0.0.1');
  console.log(`listening ${app.getHttpServer().address().port}`);
  process.on('SIGTERM', () => app.close().then(() => pool.end().then(() => process.exit(0))));
})();
