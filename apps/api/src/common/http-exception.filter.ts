import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseError } from 'pg';
import type pino from 'pino';
import { ERROR_CODE_BY_STATUS, type ErrorCode } from '@sop/api-contract';
import { issueMessage, type SopIssue } from '@sop/model';
import { errorBodyFor } from '../integrations/open311-errors';
import { FORM_BODY_LIMIT, JSON_BODY_LIMIT } from './body-parsers';
import { IdempotencyKeyReusedException, SEND_JSON_BODY } from './errors';
import { refusal, scanPath } from './hostile-input';
import { requestLanguage } from './request-language';
import { pathOf } from './request-path';

/**
 * The request and response an error is answered on: Fastify's, or Node's own for an error of
 * middleware (Nest hands those their raw request and response).
 */
type Request = Pick<FastifyRequest, 'method' | 'url' | 'headers'> & { query?: unknown };
type Response = FastifyReply | ServerResponse;

/**
 * The stable code of an error by its status, for the clients that word errors themselves (the web
 * app translates by code, not by message); an exception may carry a more precise one
 * (`sop.invalid`, `sop.stale-version`, `case.stale-version`…). docs/adr/0024-issue-messages-by-code.md
 */
const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = ERROR_CODE_BY_STATUS;

/** An error body with its code, and its SOP issues (if any) worded in the request's language. */
function localized(body: Record<string, unknown>, status: number, req: Request): Record<string, unknown> {
  // a body already in another protocol's error shape (Open311's [{ code, description }]) is kept as it is
  if (Array.isArray(body)) return body;
  const code = typeof body.code === 'string' ? body.code : (CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'error'));
  if (!Array.isArray(body.issues)) return { ...body, code };
  const lang = requestLanguage(req);
  const issues = (body.issues as SopIssue[]).map((issue) => ({ ...issue, message: issueMessage(issue, lang) }));
  return { ...body, code, lang, issues };
}

/** What the body parsers attach to their errors (`BodyError`, Fastify's `FST_ERR_…`); Nest wraps them in an HttpException as `cause`. */
interface BodyParserError {
  type?: string;
  code?: string;
  status?: number;
  statusCode?: number;
  message?: string;
  body?: string;
}

/**
 * Writes an error answer on Node's own response (a middleware's, or the one Nest hands an error of
 * middleware): JSON, in Open311's shape under /api/open311/v2/. The middleware layer may cut its
 * mount path off `url`; `originalUrl` is the request's own.
 */
export function writeErrorAnswer(req: { url?: string; originalUrl?: string }, res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(errorBodyFor(req.originalUrl ?? req.url ?? '', status, body)));
}

/** Sends an error answer: as JSON, in Open311's shape under /api/open311/v2/ (docs/open311.md). */
function send(req: Request, res: Response, status: number, body: unknown): void {
  if (!('raw' in res)) {
    writeErrorAnswer(req, res, status, body);
    return;
  }
  if (res.sent) return;
  res
    .status(status)
    .header('Content-Type', 'application/json; charset=utf-8')
    .send(errorBodyFor(req.url, status, body));
}

function isFormBody(req: Request): boolean {
  const type = req.headers['content-type'];
  return typeof type === 'string' && type.toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** Why a body that body-parser refused is not what the API takes. */
function parseFailure(err: BodyParserError): string {
  if (typeof err.body === 'string') {
    try {
      const value: unknown = JSON.parse(err.body);
      // valid JSON, refused by the strict parser: a string, number, boolean or null at the top
      const kind = value === null ? 'null' : typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : typeof value;
      return `the body must be a JSON object such as {"field": "value"}; it is ${kind}`;
    } catch {
      /* not JSON: fall through */
    }
  }
  return `the body is not valid JSON: ${err.message ?? 'it could not be parsed'}`;
}

/** A body that could not be read for what it holds (a form nested too deep, a compressed body that is not what its Content-Encoding says), worded; else null. */
function unreadableBody(err: BodyParserError | null | undefined, req: Request): { field: 'body'; message: string; messageId: string } | null {
  if (err?.type === 'querystring.parse.rangeError') {
    return {
      field: 'body',
      message: 'the form nests its keys more than 32 levels deep (a[b][c]…): send flatter keys',
      messageId: 'kunci formulir bersarang lebih dari 32 tingkat (a[b][c]…): kirim kunci yang tidak terlalu dalam',
    };
  }
  if (err?.code === 'Z_DATA_ERROR' || err?.code === 'Z_BUF_ERROR') {
    const encoding = String(req.headers['content-encoding'] ?? '').slice(0, 40);
    return {
      field: 'body',
      message: `the body is not ${encoding} data, as its Content-Encoding says (${err.message ?? 'unreadable'}): send it compressed so, or without Content-Encoding`,
      messageId: `isi permintaan bukan data ${encoding} seperti yang dinyatakan header Content-Encoding: kirim dalam bentuk itu, atau tanpa Content-Encoding`,
    };
  }
  return null;
}

/**
 * The answer to an error the database reported that the request caused, or null for a fault of
 * ours. Input is checked before it reaches SQL (hostile-input.ts, the DTOs); these are the last
 * line, so that such a request is never answered 500 (each statement is atomic: nothing was written).
 */
function databaseRefusal(err: DatabaseError, req: Request): { status: number; body: Record<string, unknown> } | null {
  // two events sent at once with one Idempotency-Key for two different cases: the second write finds the key taken
  if (err.code === '23505' && err.constraint === 'idempotency_keys_pkey') {
    const key = String(req.headers['idempotency-key'] ?? '').slice(0, 200);
    return { status: 422, body: new IdempotencyKeyReusedException(key, 'case').getResponse() as Record<string, unknown> };
  }
  // 22021: a NUL byte or an invalid UTF-8 sequence; 22P05: a character jsonb cannot hold (\u0000)
  if (err.code === '22021' || err.code === '22P05') {
    return {
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'the request holds text the database cannot store',
        errors: [{ field: 'body', message: 'remove NUL characters (\\u0000) and send text as valid UTF-8' }],
      },
    };
  }
  return null;
}

/**
 * Turns every error into a JSON answer. Malformed JSON and over-large bodies are the client's fault
 * (400/413); anything unexpected is logged and answered 500 without internals.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: pino.Logger) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    this.answer(exception, ctx.getRequest<Request>(), ctx.getResponse<Response>());
  }

  /** Answers `exception` on a request; also for what Fastify refuses before any route (a URL it cannot decode). */
  answer(exception: unknown, req: Request, res: Response): void {
    // Nest wraps the body parsers' and Fastify's client errors in an HttpException; look at the original
    const cause = exception instanceof HttpException ? (exception.cause as BodyParserError | undefined) : undefined;
    // anything may be thrown, null and undefined too
    const err = (typeof cause?.type === 'string' || typeof cause?.code === 'string' ? cause : exception) as BodyParserError | null | undefined;
    if (err?.type === 'entity.parse.failed') {
      send(req, res, 400, {
        statusCode: 400,
        error: 'Bad Request',
        message: parseFailure(err),
        errors: [SEND_JSON_BODY],
      });
      return;
    }
    const bodyProblem = unreadableBody(err, req);
    if (bodyProblem) {
      send(req, res, 400, { statusCode: 400, error: 'Bad Request', message: bodyProblem.message, errors: [bodyProblem] });
      return;
    }
    if (err?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = isFormBody(req) ? `${FORM_BODY_LIMIT / 1024} kB` : `${JSON_BODY_LIMIT / 1024 / 1024} MB`;
      send(req, res, 413, { statusCode: 413, error: 'Payload Too Large', message: `the body is larger than ${limit}` });
      return;
    }
    if (err?.code === 'FST_ERR_BAD_URL') {
      // the router could not decode the path: say which segment, as the hostile-input guard does
      const problems = scanPath(pathOf(req.url));
      if (problems.length) {
        this.answer(refusal(problems), req, res);
        return;
      }
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const status = exception.getStatus();
      send(req, res, status, localized(typeof body === 'string' ? { statusCode: status, message: body } : (body as Record<string, unknown>), status, req));
      return;
    }
    // Database.prepared throws the driver's error; TypeORM's query wraps it in a QueryFailedError
    const driverError = exception instanceof DatabaseError ? exception : (exception as { driverError?: unknown } | null | undefined)?.driverError;
    const refused = driverError instanceof DatabaseError ? databaseRefusal(driverError, req) : null;
    if (refused) {
      this.logger.warn(
        { code: (driverError as DatabaseError).code, method: req.method, url: req.url, status: refused.status },
        'request refused by the database',
      );
      send(req, res, refused.status, refused.body);
      return;
    }
    const status = err?.status ?? err?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      send(req, res, status, localized({ statusCode: status, message: err?.message ?? 'bad request' }, status, req));
      return;
    }
    this.logger.error({ err: exception, method: req.method, url: req.url }, 'unhandled error');
    send(req, res, 500, { statusCode: 500, error: 'Internal Server Error', message: 'something went wrong on our side; it has been logged' });
  }
}
