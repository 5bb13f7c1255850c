import { routes } from '../api/routes.js';
import type { CallOptions, HttpClient } from '../http/http-client.js';
import type { PriceQuote, PriceQuoteRequest } from './pricing.schema.js';

export interface PricingClient {
  /**
   * Prices lines at the caller's prices on the server.
   * @throws {@link ValidationError} (`validation`) naming `lines.N.quantity` with the nearest valid quantities.
   */
  quote(request: PriceQuoteRequest, options?: CallOptions): Promise<PriceQuote>;
}

export function createPricingClient(http: HttpClient): PricingClient {
  return { quote: (body, options) => http.call(routes.quotePrices, { body }, options) };
}
