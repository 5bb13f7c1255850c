import { reorderRoutes as routes } from '../api/reorder.routes.js';
import type { CallOptions, HttpClient } from '../http/http-client.js';
import type { ReorderCandidates, ReorderCandidatesQuery, ReorderRequest, ReorderResult, ReorderSettings } from './reorder.schema.js';

export interface ReorderClient {
  /** The company's recent orders and most-ordered products at today's prices and promises, with their cadences. */
  candidates(query?: ReorderCandidatesQuery, options?: CallOptions): Promise<ReorderCandidates>;
  /**
   * Reorders an order (whole or picked lines) or products into the current cart (at the `version`
   * seen), a new saved cart, or straight to an order; the answer says line by line what happened.
   * Pass `idempotencyKey` so a retry does not add or order twice.
   * @throws {@link HttpError} `not_found` for another company's order or cart, `conflict` (409, `details.cart`) for a stale cart version.
   * @example
   * ```ts
   * const result = await reorder.reorder(
   *   { source: { kind: 'order', orderId }, target: { kind: 'cart', cartId: cart.id, version: cart.version } },
   *   { idempotencyKey: newIdempotencyKey() },
   * );
   * ```
   */
  reorder(body: ReorderRequest, options?: CallOptions): Promise<ReorderResult>;
  /** Whether the company gets reorder reminders. */
  settings(options?: CallOptions): Promise<ReorderSettings>;
  /** Turns reminders on or off (company admins) against the `version` seen; 409 when stale. */
  updateSettings(body: { reminders: boolean; version: number }, options?: CallOptions): Promise<ReorderSettings>;
}

/** Reorder calls over `/v1/reorder…` (core's `reorderRoutes`). */
export function createReorderClient(http: HttpClient): ReorderClient {
  return {
    candidates: (query = {}, options) => http.call(routes.reorderCandidates, { query }, options),
    reorder: (body, options) => http.call(routes.reorder, { body }, options),
    settings: (options) => http.call(routes.reorderSettings, {}, options),
    updateSettings: (body, options) => http.call(routes.updateReorderSettings, { body }, options),
  };
}
