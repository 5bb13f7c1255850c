import type { KontorClient } from '@kontor/core';
import type { ReorderClient } from '@kontor/core/reorder';
import { createReorderClient } from '@kontor/core/reorder/reorder.client.js';

const clients = new WeakMap<KontorClient, ReorderClient>();

/** The reorder client over a resolved client's HTTP client: one per client; only <kontor-reorder> imports its routes. */
export function reorderOf(client: KontorClient): ReorderClient {
  let r = clients.get(client);
  if (!r) clients.set(client, (r = createReorderClient(client.http)));
  return r;
}
