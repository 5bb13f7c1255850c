import ky, { HTTPError as KyHttpError, TimeoutError as KyTimeoutError, type KyInstance } from 'ky';
import * as z from 'zod/mini';
import type { RouteDef } from '../api/routes.js';
import { ErrorBodySchema } from '../errors/error-body.schema.js';
import { parseOrThrow, validationErrorFromZod } from '../errors/from-zod.js';
import { HttpError, type RequestInfo } from '../errors/http-error.js';
import { KontorError, isKontorError } from '../errors/kontor-error.js';
import { errorMessage, type Lang } from '../errors/messages.js';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';

/** A value or a function that returns it on every request (for tokens that refresh). */
export type Getter<T> = T | (() => T);

export interface HttpClientOptions {
  /** Base URL of the Kontor server, e.g. `https://shop.example.com`. Routes add `/v1/…`. */
  endpoint: string;
  /** Bearer token: a session token, a customer JWT or (server side only) a partner API key. */
  token?: Getter<string | null | undefined>;
  /** Language of error messages from the server. Default `en`. */
  lang?: Getter<Lang>;
  /** Milliseconds until a request fails with `timeout`. Default 15 000. */
  timeout?: number;
  /** Retries for idempotent requests (GET, PUT, DELETE, and POST with an idempotency key). Default 2. */
  retries?: number;
  /** A fetch implementation (tests, Node < 18 polyfills). */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Called when the server answers 401 (after {@link HttpClientOptions.refreshToken}, if that gave no fresh token). */
  onUnauthorized?: (error: HttpError) => void;
  /**
   * Asked for a fresh token when a request that carried one answers 401 (expired, revoked, forged).
   * Resolve with the new token and the request is sent again with it (once), and every later
   * request uses it; resolve with nothing and the request fails with the 401. Requests failing
   * together with the same token share one call.
   */
  refreshToken?: (context: TokenRefreshContext) => Promise<string | null | undefined> | string | null | undefined;
}

/** What {@link HttpClientOptions.refreshToken} is told. */
export interface TokenRefreshContext {
  /** The 401, with the server's reason in `error.issues[0].code` (`token_expired`, `token_revoked`, `token_invalid`). */
  error: HttpError;
  /** The token that was refused. */
  token: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Makes a POST safe to retry: the server answers a repeated key with the first answer. */
  idempotencyKey?: string;
}

/** What a schema accepts (`never` for a route part that does not exist). */
export type SchemaInput<S> = S extends z.core.$ZodType ? z.input<S> : never;
/** What a schema yields (`void` for a route without a body). */
export type SchemaOutput<S> = S extends z.core.$ZodType ? z.output<S> : void;

/** What {@link HttpClient.call} takes for a route: only the parts the route has. */
export type RouteInput<R extends RouteDef> = ([R['params']] extends [z.core.$ZodType] ? { params: SchemaInput<R['params']> } : { params?: never }) &
  ([R['query']] extends [z.core.$ZodType] ? { query?: SchemaInput<R['query']> } : { query?: never }) &
  ([R['body']] extends [z.core.$ZodType] ? { body: SchemaInput<R['body']> } : { body?: never });

/** What a route answers. */
export type RouteOutput<R extends RouteDef> = SchemaOutput<R['response']>;

export interface HttpClient {
  /** Calls a route of the Kontor API: validates the input, sends it, validates the answer. */
  call<R extends RouteDef>(route: R, input: RouteInput<R>, options?: CallOptions): Promise<RouteOutput<R>>;
  /** The options the client was made with. */
  readonly options: Readonly<HttpClientOptions>;
}

const read = <T>(g: Getter<T> | undefined): T | undefined => (typeof g === 'function' ? (g as () => T)() : g);

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']);

function expandPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params?.[name] ?? '')));
}

function toSearchParams(query: Record<string, unknown> | undefined): URLSearchParams | undefined {
  if (!query) return undefined;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  return sp;
}

/**
 * Creates the HTTP client every domain client uses. Maps every failure to a {@link KontorError}:
 * the server's error JSON back into the same code, issues and message; transport failures into
 * `network`, `timeout` and `aborted`.
 *
 * @example
 * ```ts
 * const http = createHttpClient({ endpoint: 'https://shop.example.com', token: () => session.token });
 * const page = await http.call(routes.listProducts, { query: { q: 'NYM' } });
 * ```
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  if (!options.endpoint) throw new KontorError('not_configured', errorMessage('not_configured'));
  const timeout = options.timeout ?? 15_000;
  const base = options.endpoint.replace(/\/+$/, '') + '/';
  const instance: KyInstance = ky.create({
    prefixUrl: base,
    timeout,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { accept: 'application/json', ...options.headers },
    hooks: {
      beforeRequest: [
        (request) => {
          const token = currentToken();
          if (token) request.headers.set('authorization', `Bearer ${token}`);
          request.headers.set('accept-language', read(options.lang) ?? 'en');
        },
      ],
    },
  });

  // A token the refresh gave overrides `options.token` until `options.token` itself changes.
  let refreshed: { from: string | undefined; token: string } | null = null;
  function currentToken(): string | undefined {
    const configured = read(options.token) ?? undefined;
    if (refreshed && refreshed.from === configured) return refreshed.token;
    refreshed = null;
    return configured;
  }
  // One refresh per refused token, however many requests failed with it.
  let pending: { stale: string; fresh: Promise<string | undefined> } | null = null;
  async function freshToken(error: HttpError, stale: string): Promise<string | undefined> {
    const now = currentToken();
    if (now && now !== stale) return now;
    if (!pending || pending.stale !== stale) {
      const from = read(options.token) ?? undefined;
      const fresh = (async () => {
        try {
          const token = (await options.refreshToken?.({ error, token: stale })) ?? undefined;
          if (token && token !== stale) refreshed = { from, token };
          return token && token !== stale ? token : undefined;
        } catch {
          return undefined;
        }
      })();
      pending = { stale, fresh };
    }
    return pending.fresh;
  }

  async function call<R extends RouteDef>(route: R, input: RouteInput<R>, callOptions: CallOptions = {}): Promise<RouteOutput<R>> {
    const lang = read(options.lang) ?? 'en';
    const parts = input as { params?: unknown; query?: unknown; body?: unknown };
    // Issue paths are relative to the part (`['lines', 0, 'quantity']`), as the server reports them.
    const check = (schema: z.core.$ZodType | undefined, value: unknown, what: string) =>
      schema ? parseOrThrow(schema, value, what, { lang }) : value;
    const params = check(route.params, parts.params ?? {}, `${route.method} ${route.path} path`) as Record<string, unknown>;
    const query = check(route.query, parts.query ?? {}, `${route.method} ${route.path} query`) as Record<string, unknown>;
    const body = route.body ? check(route.body, parts.body, `${route.method} ${route.path} body`) : undefined;
    const path = expandPath(route.path, params).replace(/^\//, '');
    const info: RequestInfo = { method: route.method, url: base + path };
    const retryable = IDEMPOTENT.has(route.method) || Boolean(callOptions.idempotencyKey);
    const send = () =>
      instance(path, {
        method: route.method,
        searchParams: toSearchParams(query),
        ...(body !== undefined ? { json: body } : {}),
        ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        ...(callOptions.idempotencyKey ? { headers: { 'idempotency-key': callOptions.idempotencyKey } } : {}),
        retry: retryable
          ? { limit: options.retries ?? 2, methods: [route.method.toLowerCase()], statusCodes: [408, 429, 502, 503, 504] }
          : { limit: 0 },
      });
    try {
      let response: Response;
      const used = currentToken();
      try {
        response = await send();
      } catch (error) {
        // A refused token: ask for a fresh one and send the same request again, once.
        if (!(error instanceof KyHttpError) || error.response.status !== 401 || !used || !options.refreshToken) throw error;
        const refused = await toHttpError(error, info);
        const fresh = await freshToken(refused, used);
        if (!fresh) throw refused;
        response = await send();
      }
      if (!route.response || response.status === 204) return undefined as RouteOutput<R>;
      // A route that answers another media type (text/html, text/calendar) answers a string.
      const json: unknown = route.contentType ? await response.text() : await response.json();
      const parsed = z.safeParse(route.response, json);
      if (!parsed.success) {
        throw new KontorError('invalid_response', `${info.method} ${info.url} answered with an unexpected body`, {
          cause: parsed.error,
          issues: validationErrorFromZod(parsed.error, 'response').issues,
        });
      }
      return parsed.data as RouteOutput<R>;
    } catch (error) {
      throw await toKontorError(error, info, timeout, options);
    }
  }

  return { call, options };
}

/** The server's error answer as an {@link HttpError} (its code, message and issues when it sent a Kontor error body). */
async function toHttpError(error: KyHttpError, info: RequestInfo): Promise<HttpError> {
  const status = error.response.status;
  let body: unknown;
  try {
    body = await error.response.json();
  } catch {
    body = undefined;
  }
  const parsed = z.safeParse(ErrorBodySchema, body);
  return parsed.success
    ? new HttpError(parsed.data.code, parsed.data.message, {
        status,
        request: info,
        issues: parsed.data.issues ?? [],
        details: parsed.data.details,
        cause: error,
      })
    : new HttpError('http', `${info.method} ${info.url} failed with HTTP ${status}`, { status, request: info, cause: error });
}

async function toKontorError(error: unknown, info: RequestInfo, timeout: number, options: HttpClientOptions): Promise<KontorError> {
  if (isKontorError(error)) {
    if (error instanceof HttpError && error.status === 401) options.onUnauthorized?.(error);
    return error;
  }
  if (error instanceof KyHttpError) {
    const result = await toHttpError(error, info);
    if (result.status === 401) options.onUnauthorized?.(result);
    return result;
  }
  if (error instanceof KyTimeoutError) return new TimeoutError(info, timeout, error);
  if (error instanceof Error && error.name === 'AbortError') {
    return new KontorError('aborted', `${info.method} ${info.url} was aborted`, { cause: error });
  }
  return new NetworkError(info, error);
}
