import type { KontorClient } from '@kontor/core';
import type { StandingOrdersClient } from '@kontor/core/standing-orders';
import { createStandingOrdersClient } from '@kontor/core/standing-orders/standing-orders.client.js';

const clients = new WeakMap<KontorClient, StandingOrdersClient>();

/**
 * The standing-order client over a resolved client's HTTP client: one per client, so the shared
 * `KontorClient` (which every element carries) need not grow by the standing-order routes and
 * their schemas; only the standing-order elements import them.
 */
export function standingOrdersOf(client: KontorClient): StandingOrdersClient {
  let so = clients.get(client);
  if (!so) clients.set(client, (so = createStandingOrdersClient(client.http)));
  return so;
}
