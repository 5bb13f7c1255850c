import * as z from 'zod/mini';
import {
  CreateStandingOrderBodySchema,
  ErpDueRunPageSchema,
  ErpDueRunQuerySchema,
  LangQuerySchema,
  SchedulePreviewBodySchema,
  StandingOrderActionResultSchema,
  StandingOrderFeedParamsSchema,
  StandingOrderFeedSchema,
  StandingOrderLinkParamsSchema,
  StandingOrderListQuerySchema,
  StandingOrderRunListQuerySchema,
  StandingOrderViewPageSchema,
  StandingOrderViewSchema,
  UpcomingRunListSchema,
  UpcomingRunQuerySchema,
  UpdateStandingOrderBodySchema,
} from '../standing-orders/standing-order.api.schema.js';
import { SchedulePreviewSchema, StandingOrderActionRequestSchema, StandingOrderIdSchema, StandingOrderRunPageSchema } from '../standing-orders/standing-order.schema.js';
import type { RouteDef } from './routes.js';

const def = <R extends RouteDef>(r: R): R => r;
const byId = z.object({ standingOrderId: StandingOrderIdSchema });

/**
 * The standing-order routes of the Kontor HTTP API, `/v1/standing-orders…`: a table of their own
 * beside `routes`, because their schemas (RRULE checks, PO-number patterns, their messages) would
 * add ~7 KiB gz to every element that imports the shared table. The server, the CORS rules and
 * the OpenAPI document take both tables; a standing-order client imports this one.
 */
export const standingOrderRoutes = {
  listStandingOrders: def({
    method: 'GET', path: '/v1/standing-orders', auth: 'buyer', query: StandingOrderListQuerySchema, status: 200, response: StandingOrderViewPageSchema,
  }),
  createStandingOrder: def({
    method: 'POST', path: '/v1/standing-orders', auth: 'buyer', body: CreateStandingOrderBodySchema, status: 201, response: StandingOrderViewSchema, idempotent: true,
  }),
  previewSchedule: def({
    method: 'POST', path: '/v1/standing-orders/preview', auth: 'buyer', body: SchedulePreviewBodySchema, status: 200, response: SchedulePreviewSchema,
  }),
  getStandingOrder: def({
    method: 'GET', path: '/v1/standing-orders/{standingOrderId}', auth: 'buyer', params: byId, status: 200, response: StandingOrderViewSchema,
  }),
  updateStandingOrder: def({
    method: 'PATCH', path: '/v1/standing-orders/{standingOrderId}', auth: 'buyer', params: byId, body: UpdateStandingOrderBodySchema, status: 200, response: StandingOrderViewSchema,
  }),
  standingOrderAction: def({
    method: 'POST', path: '/v1/standing-orders/{standingOrderId}/actions', auth: 'buyer',
    params: byId, body: StandingOrderActionRequestSchema, status: 200, response: StandingOrderActionResultSchema, idempotent: true,
  }),
  upcomingRuns: def({
    method: 'GET', path: '/v1/standing-orders/{standingOrderId}/upcoming', auth: 'buyer', params: byId, query: UpcomingRunQuerySchema, status: 200, response: UpcomingRunListSchema,
  }),
  standingOrderRuns: def({
    method: 'GET', path: '/v1/standing-orders/{standingOrderId}/runs', auth: 'buyer', params: byId, query: StandingOrderRunListQuerySchema, status: 200, response: StandingOrderRunPageSchema,
  }),
  standingOrderFeed: def({
    method: 'GET', path: '/v1/standing-orders/feed', auth: 'buyer', status: 200, response: StandingOrderFeedSchema,
  }),
  rotateStandingOrderFeed: def({
    method: 'POST', path: '/v1/standing-orders/feed/rotate', auth: 'buyer', status: 200, response: StandingOrderFeedSchema,
  }),
  standingOrderFeedIcs: def({
    method: 'GET', path: '/v1/standing-orders/feed/{secret}.ics', auth: 'none', params: StandingOrderFeedParamsSchema, query: LangQuerySchema,
    status: 200, response: z.string(), contentType: 'text/calendar',
  }),
  standingOrderLinkPage: def({
    method: 'GET', path: '/v1/standing-order-links/{token}', auth: 'none', params: StandingOrderLinkParamsSchema, query: LangQuerySchema,
    status: 200, response: z.string(), contentType: 'text/html',
  }),
  useStandingOrderLink: def({
    method: 'POST', path: '/v1/standing-order-links/{token}', auth: 'none', params: StandingOrderLinkParamsSchema, query: LangQuerySchema,
    status: 200, response: z.string(), contentType: 'text/html',
  }),
  erpDueRuns: def({
    method: 'GET', path: '/v1/erp/standing-orders/due-runs', auth: 'erp', query: ErpDueRunQuerySchema, status: 200, response: ErpDueRunPageSchema,
  }),
} as const satisfies Record<string, RouteDef>;

export type StandingOrderRouteId = keyof typeof standingOrderRoutes;
