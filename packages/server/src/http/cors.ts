import { routes, type RouteAuth, type RouteDef } from '@kontor/core';
import type { FastifyCorsOptions, FastifyCorsOptionsDelegateCallback } from '@fastify/cors';
import type { FastifyRequest } from 'fastify';

/** Callers that are servers: their keys never belong in a browser, so their routes answer no CORS. */
const SERVER_TO_SERVER: ReadonlySet<RouteAuth> = new Set(['partner', 'erp']);

const matchers = Object.values(routes as Record<string, RouteDef>)
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

/**
 * @fastify/cors per request: buyer routes (and whatever is outside the route table) allow the
 * configured origins; partner-key and ERP routes answer no CORS at all, preflights included (they
 * fall through to a 404), so no page can call them with a key it should never hold — unless
 * `serverOrigins` names origins (a test setup whose pages play the ERP with the public demo keys).
 */
export function corsDelegator(options: FastifyCorsOptions, serverOrigins: string[] | '*' = []): FastifyCorsOptionsDelegateCallback {
  const forServers: FastifyCorsOptions = { ...options, origin: serverOrigins === '*' || serverOrigins.length ? serverOrigins : false };
  return (req, callback) => {
    const auth = authOf(req);
    callback(null, auth && SERVER_TO_SERVER.has(auth) ? forServers : options);
  };
}
