import type { KontorClient } from '@kontor/core';
import { createCartStore, type CartState, type CartStore } from '@kontor/core/cart';
import { isKontorError, resolveLang, type KontorError } from '@kontor/core/errors';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const stores = new WeakMap<KontorClient, CartStore>();

/**
 * The page-wide cart store of a client: every element on the page that shows the cart of the
 * same client shares it, so a count in the header and a cart in a drawer never disagree.
 * The current cart's id is remembered per endpoint in `localStorage`.
 */
export function cartStoreOf(client: KontorClient): CartStore {
  let store = stores.get(client);
  if (!store) {
    store = createCartStore(client, {
      key: `kontor.cart:${client.http.options.endpoint}`,
      lang: () => resolveLang(document.documentElement.lang),
    });
    stores.set(client, store);
  }
  return store;
}

/**
 * Connects an element to the cart store of whatever client it resolves to now, re-subscribing
 * when the client changes (a new token, another shop), and loads the cart once.
 */
export class CartController implements ReactiveController {
  store: CartStore | null = null;
  state: CartState = { status: 'idle', cart: null, error: null, pending: 0, lastEffects: [] };
  /** Why there is no store (`not_configured`), if so. */
  clientError: KontorError | null = null;
  private unsubscribe?: () => void;
  private client?: KontorClient;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The client to use now; `null` to stay detached (e.g. an element in presentational mode). */
    private readonly resolve: () => KontorClient | KontorError | null,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const client = this.resolve();
    if (client === null) {
      this.detach();
      this.clientError = null;
      return;
    }
    if (isKontorError(client)) {
      if (this.client) this.detach();
      this.clientError = client;
      return;
    }
    this.clientError = null;
    if (client === this.client) return;
    this.detach();
    this.client = client;
    this.store = cartStoreOf(client);
    // Read now, listen for later: an update requested while the host is updating is a wasted second update.
    const store = this.store;
    this.state = store.$state.get();
    this.unsubscribe = store.$state.listen((state) => {
      this.state = state;
      this.host.requestUpdate();
    });
    queueMicrotask(() => store.load().catch(() => undefined)); // the error is in the state
  }

  hostConnected(): void {
    // Re-attached: subscribe again on the next update.
    if (!this.store) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.detach();
  }

  private detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.client = undefined;
    this.store = null;
  }
}
