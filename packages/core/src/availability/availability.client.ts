import { routes } from '../api/routes.js';
import type { CallOptions, HttpClient } from '../http/http-client.js';
import type { AvailabilityRequest, AvailabilityResponse, StockUpdateRequest, StockUpdateResult } from './availability.schema.js';

export interface AvailabilityClient {
  /**
   * Asks for availability and delivery dates of many items at once. An unknown SKU comes back as
   * that item's `error`; the others are answered.
   * @throws {@link ValidationError} for a bad request, e.g. an unsupported destination (the issue names the supported ones).
   */
  check(request: AvailabilityRequest, options?: CallOptions): Promise<AvailabilityResponse>;
  /** ERP only (ERP key, server side): sets stock positions, all or nothing. */
  updateStock(request: StockUpdateRequest, options?: CallOptions): Promise<StockUpdateResult>;
}

/** Availability calls: the delivery promise for buyers, stock updates for the seller's ERP. */
export function createAvailabilityClient(http: HttpClient): AvailabilityClient {
  return {
    check: (body, options) => http.call(routes.checkAvailability, { body }, options),
    updateStock: (body, options) => http.call(routes.updateStock, { body }, options),
  };
}
