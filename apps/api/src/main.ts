import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type pino from 'pino';
import { AppModule } from './app.module';
import { demoUsersFor } from './auth/demo-users';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle';
import { PasswordHasher } from './auth/password-hasher';
import { UsersRepository } from './auth/users.repository';
import { ShiftedClock, SystemClock } from './common/clock';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { configureHttp, createHttpAdapter } from './common/http-server';
import { createLogger, PinoNestLogger } from './common/logger';
import { createValidationPipe } from './common/validation';
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
import { SopChecker } from './sops/sop-checker';

/** Starts the API: database (embedded when no DATABASE_URL), SOP versions, accounts, HTTP. */
export async function bootstrap(config: AppConfig, logger: pino.Logger): Promise<NestFastifyApplication> {
  const db = await Database.open(config, logger);
  try {
    const clock = config.clockStart ? new ShiftedClock(config.clockStart) : new SystemClock();
    const audit = new AuditService(new AuditRepository(db), clock, logger);
    const calendars = new HolidayCalendars(new HolidaysRepository(db), logger);
    await calendars.refresh();
    const catalog = new SopCatalog(db, calendars, audit, logger, clock, new SopChecker({ workers: 1, queue: config.limits.sopCheckQueue }));
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
    // every error as JSON (Open311's shape under /api/open311/v2/)
    const filter = new HttpExceptionFilter(logger);
    // Fastify (docs/adr/0038-fastify.md); TRUST_PROXY: whose X-Forwarded-For names the client (rate limits count per client)
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.create({ config, db, cipher, catalog, calendars, audit, auth, clock, logger }),
      createHttpAdapter({ trustProxy: config.trustProxy, logger, filter }),
      { logger: new PinoNestLogger(logger), bodyParser: false },
    );
    // X-Request-Id and security headers first; JSON and form bodies; NUL, lone surrogates, built-in
    // keys, depth and size refused once the body is read, before any route sees them; the web app
    await configureHttp(app, { logger, webDir: config.webDir });
    watchPool(() => db.poolStats());
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(filter);
    app.enableShutdownHooks();
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
