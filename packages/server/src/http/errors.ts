import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { KontorError, MAX_PATH_PARAM_LENGTH, ValidationError, errorMessage, isKontorError, messageIn, requestIssues, resolveLang, validationIssues, type ErrorCode, type Lang } from '@kontor/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The language of error messages for a request. */
export const langOf = (req: FastifyRequest): Lang => resolveLang(req.headers['accept-language']);

/** An error with the localized standard message of its code. */
export const httpError = (code: ErrorCode, lang: Lang, options: { status?: number; details?: Record<string, unknown> } = {}) =>
  new KontorError(code, errorMessage(code, lang), options);

/** A 400 for a request that never got to schema validation (bad URL, bad JSON, wrong content type). */
const malformed = (issue: string, lang: Lang, options: { params?: Record<string, unknown>; status?: number } = {}) =>
  new ValidationError(errorMessage('validation', lang), [{ path: [], code: issue, message: messageIn([requestIssues, validationIssues], issue, options.params, lang), ...(options.params ? { params: options.params } : {}) }], { status: options.status ?? 400 });

/**
 * Maps anything thrown into a Kontor error: ours pass through, Fastify's own request errors
 * (bad URL, over-long path parameter, bad JSON, empty body, too large, unsupported type, rate
 * limit) get our codes, everything else is a 500 `internal` whose details stay in the log.
 */
export function toKontorError(error: unknown, lang: Lang): KontorError | null {
  if (isKontorError(error)) return error;
  const e = error as Partial<FastifyError> | undefined;
  switch (e?.code) {
    case 'FST_ERR_BAD_URL':
      return malformed('invalid_url', lang);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      // 414 as Fastify answers it (URI Too Long), in our shape.
      return malformed('param_too_long', lang, { params: { max: MAX_PATH_PARAM_LENGTH }, status: 414 });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return malformed('invalid_json', lang);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return malformed('required', lang);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return malformed('invalid', lang);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return httpError('payload_too_large', lang);
  }
  const status = e?.statusCode;
  if (e instanceof SyntaxError && status === 400) return malformed('invalid_json', lang);
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 429) return httpError('rate_limited', lang);
    if (status === 404) return httpError('not_found', lang);
    if (status === 413) return httpError('payload_too_large', lang);
    if (status === 401) return httpError('unauthorized', lang);
    if (status === 403) return httpError('forbidden', lang);
    return malformed('invalid', lang);
  }
  return null;
}

/** Before answering a refused body that is still arriving: read and drop at most this much more … */
const DRAIN_BYTES = 64 * 1024 * 1024;
/** … for at most this long. */
const DRAIN_MS = 10_000;

/**
 * A body refused before it was read (too large, unsupported type) may still be arriving. Fastify
 * answers such a request with `connection: close`, and Node closes the socket right after the
 * answer: with unread bytes in the socket the close is a reset, so a client still writing gets
 * EPIPE instead of the answer. So the rest of the body is read and dropped first (at most
 * DRAIN_BYTES, DRAIN_MS), and the connection closes cleanly after the answer.
 * `null` when nothing is arriving.
 */
function drainRefusedBody(req: FastifyRequest, reply: FastifyReply): Promise<void> | null {
  const raw = req.raw;
  if (raw.complete || raw.readableEnded || raw.destroyed || reply.getHeader('connection') !== 'close') return null;
  return new Promise((resolve) => {
    let received = 0;
    const done = () => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', done);
      raw.off('close', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > DRAIN_BYTES) done();
    };
    const timer = setTimeout(done, DRAIN_MS);
    timer.unref();
    raw.on('data', onData);
    raw.once('end', done);
    raw.once('close', done);
    raw.resume();
  });
}

/** Answers anything thrown in the one JSON shape; what is not ours and not a request error is logged. */
async function answerError(error: unknown, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  await drainRefusedBody(req, reply);
  const lang = langOf(req);
  let kontor = toKontorError(error, lang);
  if (!kontor) {
    req.log.error({ err: error }, 'unhandled error');
    kontor = httpError('internal', lang);
  } else if (kontor.status >= 500) {
    req.log.error({ err: error }, 'server error');
  }
  void reply.status(kontor.status).type('application/json; charset=utf-8').send(kontor.toJSON());
}

/**
 * Fastify's `frameworkErrors` option: the router's own refusals (a bad URL component, a path
 * parameter above `maxParamLength`), which happen before any route or error handler, leave in
 * the same shape as every other error.
 */
export const frameworkErrors = (error: FastifyError, req: FastifyRequest, reply: FastifyReply): void => void answerError(error, req, reply);

/**
 * Fastify's `clientErrorHandler` option: a request Node's HTTP parser refuses (a malformed request
 * line or header, headers above 16 KiB, headers not in time) has no request object to answer
 * through; the answer is written to the socket, in English, in the same shape.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const kontor =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? httpError('payload_too_large', 'en', { status: 431 })
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? httpError('timeout', 'en', { status: 408 })
        : malformed('invalid', 'en');
  if (socket.writable) {
    const body = JSON.stringify(kontor.toJSON());
    socket.write(`HTTP/1.1 ${kontor.status} ${STATUS_CODES[kontor.status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

/** One error handler and one not-found handler: every error leaves in the same JSON shape. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error, req, reply) => {
    await answerError(error, req, reply);
    return reply;
  });
  app.setNotFoundHandler((req, reply) => {
    const error = httpError('not_found', langOf(req));
    void reply.status(404).type('application/json; charset=utf-8').send(error.toJSON());
  });
}
