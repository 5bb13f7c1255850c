import * as z from 'zod/mini';
import {
  ReorderCandidatesQuerySchema,
  ReorderCandidatesSchema,
  ReorderLangQuerySchema,
  ReorderLinkParamsSchema,
  ReorderRequestSchema,
  ReorderResultSchema,
  ReorderSettingsSchema,
  UpdateReorderSettingsSchema,
} from '../reorder/reorder.schema.js';
import type { RouteDef } from './routes.js';

const def = <R extends RouteDef>(r: R): R => r;

/**
 * The reorder routes of the Kontor HTTP API, `/v1/reorder…`: a table of their own beside `routes`
 * (as `standingOrderRoutes`), so only a page that reorders carries their schemas. The server, the
 * CORS rules and the OpenAPI document take every table; the reorder client imports this one.
 */
export const reorderRoutes = {
  reorderCandidates: def({
    method: 'GET', path: '/v1/reorder/candidates', auth: 'buyer', query: ReorderCandidatesQuerySchema, status: 200, response: ReorderCandidatesSchema,
  }),
  reorder: def({
    method: 'POST', path: '/v1/reorder', auth: 'buyer', body: ReorderRequestSchema, status: 200, response: ReorderResultSchema, idempotent: true,
  }),
  reorderSettings: def({
    method: 'GET', path: '/v1/reorder/settings', auth: 'buyer', status: 200, response: ReorderSettingsSchema,
  }),
  updateReorderSettings: def({
    method: 'PUT', path: '/v1/reorder/settings', auth: 'buyer', body: UpdateReorderSettingsSchema, status: 200, response: ReorderSettingsSchema,
  }),
  reorderLinkPage: def({
    method: 'GET', path: '/v1/reorder-links/{token}', auth: 'none', params: ReorderLinkParamsSchema, query: ReorderLangQuerySchema,
    status: 200, response: z.string(), contentType: 'text/html',
  }),
  useReorderLink: def({
    method: 'POST', path: '/v1/reorder-links/{token}', auth: 'none', params: ReorderLinkParamsSchema, query: ReorderLangQuerySchema,
    status: 200, response: z.string(), contentType: 'text/html',
  }),
} as const satisfies Record<string, RouteDef>;

export type ReorderRouteId = keyof typeof reorderRoutes;
