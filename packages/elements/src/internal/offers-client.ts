import type { KontorClient } from '@kontor/core';
import type { OffersClient } from '@kontor/core/offers';
import { createOffersClient } from '@kontor/core/offers/offers.client.js';

const clients = new WeakMap<KontorClient, OffersClient>();

/** The buyer's offers client over a resolved client's HTTP client: one per client; only the offer elements import its routes. */
export function offersOf(client: KontorClient): OffersClient {
  let o = clients.get(client);
  if (!o) clients.set(client, (o = createOffersClient(client.http)));
  return o;
}
