import 'reflect-metadata';
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type pino from 'pino';
import { AppModule } from './app.module';
import { demoUsersFor } from './auth/demo-users';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle';
import { PasswordHasher } from './auth/password-hasher';
import { UsersRepository } from './auth/users.repository';
import { ShiftedClock, SystemClock } from './common/clock';
import { hostileInputGuard } from './common/hostile-input';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { open311ErrorShape } from './integrations/open311-errors';
import { createLogger, PinoNestLogger } from './common/logger';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import { requestTracking } from './common/request-context';
import { webConcurrency } from './common/web-concurrency';
import { watchPool } from './metrics/metrics';
import { ConfigError, readConfig, type AppConfig } from './config';
import { Database } from './database/database';
import { CasesRepository } from './cases/cases.repository';
import { FieldCipher } from './common/field-cipher';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { HolidayCalendars } from './holidays/holiday-calendars';
import { HolidaysRepository } from './holidays/holidays.repository';
import { SopCatalog } from './sops/sop-catalog.service';

/** Starts the API: database (embedded when no DATABASE_URL), SOP versions, accounts, HTTP. */
export async function bootstrap(config: AppConfig, logger: pino.Logger): Promise<NestExpressApplication> {
  const db = await Database.open(config, logger);
  try {
    const clock = config.clockStart ? new ShiftedClock(config.clockStart) : new SystemClock();
    const audit = new AuditService(new AuditRepository(db), clock, logger);
    const calendars = new HolidayCalendars(new HolidaysRepository(db), logger);
    await calendars.refresh();
    const catalog = new SopCatalog(db, calendars, audit, logger, clock);
    await catalog.loadDirectory(config.sopsDir);
    const cipher = new FieldCipher(config.dataKey);
    // a key other than the one that sealed the stored forms would make every identity unreadable
    const sealedWith = await new CasesRepository(db, cipher).sealedKeyIdSample();
    if (sealedWith !== null && sealedWith !== cipher.keyId) {
      throw new ConfigError(
        `the complainants' confidential data was sealed with another DATA_KEY (key id ${sealedWith}; this one is ${cipher.keyId}): start with the key it was sealed with (DATA_KEY, or DATA_DIR/data-key)`,
      );
    }
    const passwords = new PasswordHasher({ workers: config.limits.passwordWorkers, queue: config.limits.passwordQueue });
    const auth = new AuthService(
      new UsersRepository(db),
      config.authSecret,
      config.tokenTtlSeconds,
      logger,
      passwords,
      new LoginThrottle(db, config.limits.lockout, logger),
    );
    if (config.seedDemoUsers) {
      const seeded = await auth.seedDemoUsers(demoUsersFor(await catalog.allLatest()));
      if (seeded) logger.info({ seeded }, 'demo accounts created (their password is in the README)');
    }
    if (config.production) {
      const weak = await auth.demoUsersWithDefaultPassword();
      if (weak.length) throw new ConfigError(`refusing to start in production: demo accounts still have the default password: ${weak.join(', ')}`);
    }
    const app = await NestFactory.create<NestExpressApplication>(AppModule.create({ config, db, cipher, catalog, calendars, audit, auth, clock, logger }), {
      logger: new PinoNestLogger(logger),
      bodyParser: true,
    });
    app.use(requestTracking(logger)); // X-Request-Id in the response and in every log line; HTTP latency per route (GET /metrics)
    watchPool(() => db.poolStats());
    app.use(open311ErrorShape()); // before the parsers: their errors too leave /api/open311/v2/ in Open311's shape
    app.useBodyParser('json', { limit: '1mb' });
    app.useBodyParser('urlencoded', { extended: true }); // as Nest would add it, but before the guard, which must see every body
    app.use(hostileInputGuard()); // NUL, lone surrogates, built-in keys, depth and size: refused before any route sees them
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new HttpExceptionFilter(logger));
    app.enableShutdownHooks();
    app.disable('x-powered-by');
    app.use(securityHeaders()); // CSP without inline scripts, nosniff, frame-ancestors 'none', no-referrer: before Swagger and the web app
    app.set('trust proxy', config.trustProxy); // TRUST_PROXY: whose X-Forwarded-For names the client (rate limits count per client)
    app.set('etag', false); // API answers are not cached by clients; hashing every body costs the event path
    const openapi = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('SOP platform API')
        .setDescription('Complaint cases run on the SOPs of Disdukcapil offices')
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('api/docs', app, openapi, { jsonDocumentUrl: 'api/openapi.json' });
    if (existsSync(join(config.webDir, 'index.html'))) {
      // the build's assets carry a content hash in their names: a browser keeps them for good
      app.useStaticAssets(config.webDir, {
        index: false,
        setHeaders: (res, path) => res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      });
      const index = join(config.webDir, 'index.html');
      app.use((req: { method: string; path: string }, res: { sendFile: (p: string, o: object) => void }, next: () => void) =>
        req.method === 'GET' && !req.path.startsWith('/api/') && req.path !== '/metrics'
          ? res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } })
          : next(),
      );
    }
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ port, database: db.kind }, `listening on http://localhost:${port}`);
    return app;
  } catch (e) {
    await db.onApplicationShutdown();
    throw e;
  }
}

if (require.main === module) {
  // 'info' until the configuration (LOG_LEVEL among it) is read and checked: pino throws on an unknown level
  let logger: pino.Logger = createLogger('info');
  try {
    const config = readConfig();
    logger = createLogger(config.logLevel);
    const workers = webConcurrency(process.env);
    if (workers > 1 && cluster.isPrimary) {
      superviseWorkers(workers, logger);
    } else {
      bootstrap(config, logger).catch((e) => {
        logger.fatal({ err: e }, e instanceof ConfigError ? e.message : 'the API could not start');
        process.exit(1);
      });
    }
  } catch (e) {
    logger.fatal(e instanceof ConfigError ? e.message : { err: e }, 'invalid configuration');
    process.exit(1);
  }
}

/**
 * WEB_CONCURRENCY=N (docs/performance.md): N worker processes share the port (node:cluster), each a
 * whole API on the same PostgreSQL, as several API processes are (migrations under an advisory lock,
 * deadlines fired exactly once). A worker that dies is replaced after a second; SIGTERM or SIGINT
 * stops the workers (each finishes what it serves) and then this process.
 */
function superviseWorkers(workers: number, logger: pino.Logger): void {
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    logger.error({ worker: worker.process.pid, code, signal }, 'an API worker stopped; starting another');
    setTimeout(fork, 1000).unref();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const running = Object.values(cluster.workers ?? {});
    if (!running.length) process.exit(0);
    for (const w of running) w?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  logger.info({ workers }, 'starting API workers (WEB_CONCURRENCY)');
  for (let i = 0; i < workers; i++) fork();
}
