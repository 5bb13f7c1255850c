import { ValidationError, errorMessage, validationErrorFromZod, type Lang, type RouteDef } from '@kontor/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import * as z from 'zod/mini';
import { bearerToken, identifyCaller, type AuthCaller, type BuyerCaller } from '../auth/caller.js';
import type { Db } from '../db/database.js';
import { authenticateSeller, type SellerCaller } from '../auth/seller.js';
import { accessError, partnerOriginAllowed, serverOriginAllowed, type PartnerAccessOptions } from '../partners/partner-access.js';
import { httpError, langOf } from './errors.js';

/** What every handler may use. */
export interface AppDeps {
  db: Db;
  jwtSecret: string;
  now: () => Date;
  /** How many days after the app's clock a delivery date may be requested. */
  deliveryHorizonDays: number;
  /** Which browser origins may use partner keys and customer tokens; none configured: registered origins only. */
  partnerAccess?: PartnerAccessOptions;
}

type Parsed<S> = S extends z.core.$ZodType ? z.output<S> : undefined;
type CallerFor<A> = A extends 'buyer'
  ? BuyerCaller
  : A extends 'seller'
    ? SellerCaller
  : A extends 'partner'
    ? Extract<AuthCaller, { kind: 'partner' }>
    : A extends 'erp'
      ? Extract<AuthCaller, { kind: 'erp' }>
      : A extends 'any'
        ? AuthCaller
        : null;
type Result<R extends RouteDef> = R['response'] extends z.core.$ZodType ? z.input<R['response']> : void;

export interface RouteContext<R extends RouteDef> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
  caller: CallerFor<R['auth']>;
  lang: Lang;
  deps: AppDeps;
  req: FastifyRequest;
  reply: FastifyReply;
}

const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Parses a route's body instead of the default schema check, e.g. standing-order bodies through
 * core's `parseStandingOrderRequest`, whose issues have their own de/en messages. Throws a
 * ValidationError (400) on failure.
 */
export type BodyParser = (schema: z.core.$ZodType, value: unknown, what: string, lang: Lang) => unknown;

export interface AddRouteOptions extends RouteShorthandOptions {
  parseBody?: BodyParser;
}

/** Who calls, for a route of `route.auth` (also for endpoints outside core's table, such as the assistant's MCP endpoint). */
export async function authenticate(route: Pick<RouteDef, 'auth'>, req: FastifyRequest, deps: AppDeps, lang: Lang): Promise<AuthCaller | SellerCaller | null> {
  if (route.auth === 'none') return null;
  // The seller's staff (sales reps) have sessions of their own, good for `seller` routes only.
  if (route.auth === 'seller') return authenticateSeller(req, deps, lang);
  const token = bearerToken(req.headers.authorization);
  if (!token) throw accessError('unauthorized', 'token_missing', lang);
  const identified = await identifyCaller(deps.db, deps.jwtSecret, token, deps.now());
  // Why, in the message and the issue: an expired token is renewed, a revoked or forged one is not.
  if ('refused' in identified) throw accessError('unauthorized', identified.refused, lang);
  const { caller } = identified;
  // Browsers send Origin on every cross-origin request (and on same-origin writes): a partner key
  // there has leaked into a page; a customer token works only from its partner's registered origins.
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const access = deps.partnerAccess ?? {};
    if (caller.kind === 'partner' && !serverOriginAllowed(access, origin)) throw accessError('forbidden', 'partner_key_in_browser', lang, { origin });
    if (caller.kind === 'customer' && !(await partnerOriginAllowed(deps.db, access, caller.partner.id, origin))) throw accessError('forbidden', 'origin_not_allowed', lang, { origin });
  }
  // Partner and ERP keys are server-to-server credentials: never good for buyer routes; each of them
  // only for its own routes (buyers never for partner or ERP routes).
  if (route.auth === 'buyer' && (caller.kind === 'partner' || caller.kind === 'erp')) throw httpError('forbidden', lang);
  if (route.auth === 'partner' && caller.kind !== 'partner') throw httpError('forbidden', lang);
  if (route.auth === 'erp' && caller.kind !== 'erp') throw httpError('forbidden', lang);
  return caller;
}

/**
 * Registers one route of core's contract: authenticates, validates params, query and body with
 * the route's own schemas (a schema failure is a 400 `validation`), runs the handler and answers
 * with the route's success status.
 */
export function addRoute<R extends RouteDef>(
  app: FastifyInstance,
  deps: AppDeps,
  route: R,
  handler: (ctx: RouteContext<R>) => Promise<Result<R>>,
  options: AddRouteOptions = {},
): void {
  const { parseBody, ...routeOptions } = options;
  const what = `${route.method} ${route.path}`;
  const parse = (schema: z.core.$ZodType | undefined, value: unknown, part: string, lang: Lang): unknown => {
    if (!schema) return undefined;
    // reportInput lets core tell a missing field (`required`) from a wrong type; inputs stay out of the answer.
    const result = z.safeParse(schema, value, { reportInput: true });
    if (!result.success) {
      const { issues } = validationErrorFromZod(result.error, `${what} ${part}`, { lang });
      const first = issues[0];
      // The whole message in the caller's language, naming the first field that failed.
      const where = first?.path.length ? ` ${first.path.join('.')}: ` : ' ';
      throw new ValidationError(`${errorMessage('validation', lang)}${where}${first?.message ?? ''}`.trim(), issues, { status: 400, cause: result.error });
    }
    return result.data;
  };
  app.route({
    // The route's own body limit, from the contract (the OpenAPI document says it too).
    ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
    ...routeOptions,
    method: route.method,
    url: fastifyPath(route.path),
    handler: async (req, reply) => {
      const lang = langOf(req);
      const caller = await authenticate(route, req, deps, lang);
      const ctx = {
        params: parse(route.params, req.params ?? {}, 'path', lang),
        query: parse(route.query, req.query ?? {}, 'query', lang),
        body: parseBody && route.body ? parseBody(route.body, req.body, `${what} body`, lang) : parse(route.body, req.body, 'body', lang),
        caller,
        lang,
        deps,
        req,
        reply,
      } as RouteContext<R>;
      const result = await handler(ctx);
      if (route.response === null) return reply.status(204).send();
      if (route.contentType) void reply.type(`${route.contentType}; charset=utf-8`);
      return reply.status(route.status).send(result);
    },
  });
}
