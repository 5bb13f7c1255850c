import type { KontorClient } from '@kontor/core';
import type { KontorError } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import type { Order, OrdersStore } from '@kontor/core/orders';
import { createOrdersStore } from '@kontor/core/orders/orders.store.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const stores = new WeakMap<KontorClient, OrdersStore>();

/**
 * The page-wide orders store of a client: a checkout places through it, and every order history
 * of the same client on the page hears of the new order.
 */
export function ordersStoreOf(client: KontorClient): OrdersStore {
  let store = stores.get(client);
  if (!store) stores.set(client, (store = createOrdersStore(client)));
  return store;
}

/**
 * Calls `onPlaced` with each order placed on the page after the host attached to the orders store
 * of whatever client it resolves to now (orders placed before are in what the host loads anyway).
 * Follows a new client (a new token, another shop) on the host's next update.
 */
export class PlacedOrdersController implements ReactiveController {
  private client?: KontorClient;
  private unlisten?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly resolve: () => KontorClient | KontorError,
    private readonly onPlaced: (order: Order, client: KontorClient) => void,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const client = this.resolve();
    if (client === this.client) return;
    this.detach();
    if (isKontorError(client)) return;
    this.client = client;
    const store = ordersStoreOf(client);
    const seen = new Set(store.$placed.get().map((o) => o.id));
    this.unlisten = store.$placed.listen((orders) => {
      for (const order of [...orders].reverse()) {
        if (seen.has(order.id)) continue;
        seen.add(order.id);
        this.onPlaced(order, client);
      }
    });
  }

  hostConnected(): void {
    // Re-attached: listen again on the next update.
    if (!this.client) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.detach();
  }

  private detach(): void {
    this.unlisten?.();
    this.unlisten = undefined;
    this.client = undefined;
  }
}
