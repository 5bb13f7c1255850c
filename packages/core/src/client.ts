import { createAvailabilityClient, type AvailabilityClient } from './availability/availability.client.js';
import { createCartClient, type CartClient } from './cart/cart.client.js';
import { createOrdersClient, type OrdersClient } from './orders/orders.client.js';
import { createCatalogueClient, type CatalogueClient } from './catalogue/catalogue.client.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from './http/http-client.js';
import { createIdentityClient, type IdentityClient } from './identity/identity.client.js';
import { createPricingClient, type PricingClient } from './pricing/pricing.client.js';

/** Every domain client on one HTTP client. */
export interface KontorClient {
  http: HttpClient;
  catalogue: CatalogueClient;
  pricing: PricingClient;
  identity: IdentityClient;
  cart: CartClient;
  availability: AvailabilityClient;
  orders: OrdersClient;
}

/**
 * The Kontor SDK in one call. For the smallest bundle, import a domain's `create…Client`
 * from its subpath (`@kontor/core/catalogue`) with `createHttpClient` instead.
 *
 * @example
 * ```ts
 * const kontor = createKontorClient({ endpoint: 'https://shop.example.com' });
 * const { token } = await kontor.identity.login({ email, password });
 * const authed = createKontorClient({ endpoint: 'https://shop.example.com', token, lang: 'de' });
 * const { items } = await authed.catalogue.list({ q: 'Kabel' });
 * ```
 */
export function createKontorClient(options: HttpClientOptions): KontorClient {
  const http = createHttpClient(options);
  return {
    http,
    catalogue: createCatalogueClient(http),
    pricing: createPricingClient(http),
    identity: createIdentityClient(http),
    cart: createCartClient(http),
    availability: createAvailabilityClient(http),
    orders: createOrdersClient(http),
  };
}
