import { ValidationError, errorMessage, issueMessage, routes, standingOrderRoutes, type Lang, type RouteAuth, type RouteDef } from '@kontor/core';
import type { FastifyCorsOptions, FastifyCorsOptionsDelegateCallback } from '@fastify/cors';
import { partnerRoutes } from '@kontor/core/partner';
import { decodeJwt } from 'jose';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { partnerOriginAllowed, type PartnerAccessOptions } from '../partners/partner-access.js';
import { bearerToken } from '../auth/caller.js';
import { langOf } from './errors.js';

/** Callers that are servers: their keys never belong in a browser, so their routes answer no CORS. */
const SERVER_TO_SERVER: ReadonlySet<RouteAuth> = new Set(['partner', 'erp']);

const matchers = Object.values({ ...routes, ...standingOrderRoutes, ...partnerRoutes } as Record<string, RouteDef>)
  .map((r) => ({
    method: r.method,
    auth: r.auth,
    re: new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`),
    // Static paths before parametric ones, as the router matches them.
    params: (r.path.match(/\{/g) ?? []).length,
  }))
  .sort((a, b) => a.params - b.params);

/**
 * Who a request is for, by core's route table: for a preflight, the route of the method it asks
 * about. `undefined` for paths outside the table (the OpenAPI document, health, dev tools).
 */
function authOf(req: FastifyRequest): RouteAuth | undefined {
  const path = req.url.split('?', 1)[0]!;
  const asked = req.method === 'OPTIONS' ? String(req.headers['access-control-request-method'] ?? '').toUpperCase() : req.method;
  const onPath = matchers.filter((m) => m.re.test(path));
  return (onPath.find((m) => m.method === asked) ?? onPath[0])?.auth;
}

/** The partner a customer token names (unverified: only to pick CORS headers; the route verifies it). */
function customerTokenPartner(req: FastifyRequest): string | undefined {
  const token = bearerToken(req.headers.authorization);
  if (!token || token.split('.').length !== 3) return undefined;
  try {
    const { ptn } = decodeJwt(token);
    return typeof ptn === 'string' ? ptn : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @fastify/cors per request: buyer routes (and whatever is outside the route table) allow the
 * configured origins; a request with a partner's customer token allows only that partner's
 * registered origins (the route itself refuses others with 403 `origin_not_allowed`; a preflight
 * carries no token and is answered for the configured origins); partner-key and ERP routes answer
 * no CORS at all, preflights included (they fall through to a 404), so no page can call them with
 * a key it should never hold — unless `serverOrigins` names origins (a test setup whose pages play
 * the ERP with the public demo keys).
 */
export function corsDelegator(options: FastifyCorsOptions, serverOrigins: string[] | '*' = [], partners?: { db: Db; access: PartnerAccessOptions }): FastifyCorsOptionsDelegateCallback {
  const forServers: FastifyCorsOptions = { ...options, origin: serverOrigins === '*' || serverOrigins.length ? serverOrigins : false };
  return (req, callback) => {
    const auth = authOf(req);
    const forServer = auth !== undefined && SERVER_TO_SERVER.has(auth);
    // An OPTIONS request that is no preflight: the plugin would answer a text/plain 400.
    if (req.method === 'OPTIONS' && !forServer) {
      const missing = PREFLIGHT_HEADERS.filter((h) => !req.headers[h]);
      if (missing.length) return callback(notAPreflight(missing, langOf(req)));
    }
    const origin = req.headers.origin;
    const partnerId = !forServer && partners && origin ? customerTokenPartner(req) : undefined;
    if (partners && origin && partnerId) {
      partnerOriginAllowed(partners.db, partners.access, partnerId, origin).then(
        (allowed) => callback(null, { ...options, origin: allowed ? origin : false }),
        (error: unknown) => callback(error as Error),
      );
      return;
    }
    callback(null, forServer ? forServers : options);
  };
}

const PREFLIGHT_HEADERS = ['origin', 'access-control-request-method'] as const;

function notAPreflight(missing: readonly string[], lang: Lang): ValidationError {
  const message = issueMessage('required', {}, lang);
  return new ValidationError(`${errorMessage('validation', lang)} ${missing.join(', ')}: ${message}`, missing.map((h) => ({ path: ['headers', h], code: 'required', message })), { status: 400 });
}
