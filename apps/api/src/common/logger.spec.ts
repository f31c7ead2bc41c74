import { QueryFailedError } from 'typeorm';
import { createLogger, PinoNestLogger, REDACTED_LOG_PATHS } from './logger';

/** A complainant's identity and the secrets that must never reach the logs. */
const NAME = 'Budi Santoso';
const NIK = '3508123456780001';
const KK = '3508120101090003';
const PHONE = '+6281234567890';
const EMAIL = 'budi.santoso@gmail.com';
const PASSWORD = 'rahasia-Budi-2026';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const NEVER = [NAME, 'Santoso', NIK, KK, PHONE, '81234567890', EMAIL, PASSWORD, TOKEN, 'Antrian terlalu lama'];

function capture() {
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (s: string) => void lines.push(s) });
  return { logger, output: () => lines.join(''), records: () => lines.map((l) => JSON.parse(l) as Record<string, any>) };
}

/** What pg answers when a statement fails, as the driver throws it. */
function pgError(message: string, fields: Record<string, unknown>) {
  return Object.assign(new Error(message), { severity: 'ERROR', ...fields });
}

const INSERT = 'INSERT INTO cases (id, ticket, form_data, nik) VALUES ($1, $2, $3, $4)';
const PARAMETERS = ['c-1', 'BUL-7K4Q9P', JSON.stringify({ nama: NAME, telepon: PHONE, email: EMAIL, nik: NIK, kk: KK }), NIK];

describe('the API logger', () => {
  it('logs a failed query by its kind, code, table and constraint, without its parameters, detail or quoted values', () => {
    const { logger, output, records } = capture();
    const unique = new QueryFailedError(
      INSERT,
      PARAMETERS,
      pgError('duplicate key value violates unique constraint "cases_nik_key"', {
        code: '23505',
        detail: `Key (nik)=(${NIK}) already exists.`,
        table: 'cases',
        constraint: 'cases_nik_key',
        schema: 'public',
        routine: '_bt_check_unique',
      }),
    );
    const notNull = new QueryFailedError(
      INSERT,
      PARAMETERS,
      pgError('null value in column "ticket" of relation "cases" violates not-null constraint', {
        code: '23502',
        detail: `Failing row contains (c-1, null, {"nama": "${NAME}", "email": "${EMAIL}"}, ${NIK}).`,
        table: 'cases',
        column: 'ticket',
        where: `SQL statement "INSERT INTO cases VALUES ('${NAME}')"`,
      }),
    );
    const badInput = new QueryFailedError(
      "SELECT * FROM users WHERE username = $1 AND note = 'x'",
      [PASSWORD],
      pgError(`invalid input syntax for type uuid: "${EMAIL}"`, { code: '22P02' }),
    );
    logger.error({ err: unique, method: 'POST', url: '/api/public/complaints' }, 'unhandled error');
    logger.error({ err: notNull }, 'work loop pass failed');
    logger.error(badInput);
    logger.error({ err: badInput });
    // wrapped in another error, as a service may rethrow it
    logger.fatal({ err: new Error('the API could not start', { cause: unique }) }, 'the API could not start');

    for (const secret of NEVER) expect(output()).not.toContain(secret);
    const [first, second, third, fourth, fifth] = records();
    expect(first).toMatchObject({
      msg: 'unhandled error',
      url: '/api/public/complaints',
      err: { type: 'QueryFailedError', code: '23505', table: 'cases', constraint: 'cases_nik_key', query: INSERT, parameterCount: 4 },
    });
    expect(first.err.message).toBe('duplicate key value violates unique constraint "…"');
    expect(first.err.stack).toMatch(/^QueryFailedError: duplicate key value violates unique constraint "…"\n\s+at /);
    for (const key of ['parameters', 'driverError', 'detail', 'where']) expect(first.err).not.toHaveProperty(key);
    expect(second.err).toMatchObject({ code: '23502', column: 'ticket' });
    expect(third.msg).toBe('invalid input syntax for type uuid: "…"');
    expect(third.err.query).toBe("SELECT * FROM users WHERE username = $1 AND note = '…'");
    expect(fourth.msg).toBe('invalid input syntax for type uuid: "…"');
    expect(fifth.err.cause).toMatchObject({ type: 'QueryFailedError', code: '23505' });
  });

  it('keeps request bodies, form data, notes, replies, passwords and tokens out', () => {
    const { logger, output, records } = capture();
    const body = { sop: 'buleleng', data: { 'nama-lengkap': NAME, 'no-hp': PHONE, 'isi-pengaduan': 'Antrian terlalu lama' } };
    logger.info(
      { req: { method: 'POST', url: '/api/public/complaints', body, headers: { authorization: `Bearer ${TOKEN}`, cookie: `t=${TOKEN}` } } },
      'request',
    );
    logger.warn({ body, case: 'c-1' }, 'refused');
    logger.info({ data: body.data, form_data: body.data, note: `ditelepon ${NAME}`, reply: `Terima kasih ${NAME}` }, 'case moved');
    logger.info({ password: PASSWORD, token: TOKEN, authSecret: TOKEN, user: { username: 'metro.petugas', password: PASSWORD } }, 'account');
    logger.error(
      { err: Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400, body: JSON.stringify(body) }) },
      'bad body',
    );

    for (const secret of NEVER) expect(output()).not.toContain(secret);
    const [request, refused, moved, account, bad] = records();
    expect(request.req).toMatchObject({ method: 'POST', url: '/api/public/complaints', body: '[redacted]', headers: { authorization: '[redacted]' } });
    expect(refused).toMatchObject({ case: 'c-1', body: '[redacted]' });
    expect(moved).toMatchObject({ data: '[redacted]', note: '[redacted]', reply: '[redacted]' });
    expect(account.user).toEqual({ username: 'metro.petugas', password: '[redacted]' });
    expect(bad.err).toEqual({ type: 'SyntaxError', message: 'Unexpected token', stack: expect.any(String), status: 400 });
  });

  it("routes an error handed to Nest's logger through the same serializer", () => {
    const { logger, output, records } = capture();
    new PinoNestLogger(logger).error(
      new QueryFailedError(
        INSERT,
        PARAMETERS,
        pgError(`invalid input syntax for type json: "${NAME}"`, { code: '22P02', detail: `Token "${NIK}" is invalid.` }),
      ),
    );
    for (const secret of NEVER) expect(output()).not.toContain(secret);
    expect(records()[0]).toMatchObject({
      msg: 'QueryFailedError',
      err: { type: 'QueryFailedError', code: '22P02', message: 'invalid input syntax for type json: "…"' },
    });
  });

  it('redacts at least the paths that carry identity or secrets (removing one needs a reason here)', () => {
    expect(REDACTED_LOG_PATHS).toEqual(
      expect.arrayContaining([
        'password',
        '*.password',
        'token',
        '*.token',
        'authSecret',
        'authorization',
        'req.headers.authorization',
        'req.headers.cookie',
        'body',
        '*.body',
        'req.body',
        'data',
        '*.data',
        'form_data',
        '*.form_data',
        'note',
        '*.note',
        'reply',
        '*.reply',
        'parameters',
        '*.parameters',
        'driverError',
        '*.driverError',
        'detail',
        '*.detail',
      ]),
    );
  });
});
