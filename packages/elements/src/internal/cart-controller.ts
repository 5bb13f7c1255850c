import type { KontorClient } from '@kontor/core';
import type { CartChangeRules, CartState, CartStore } from '@kontor/core/cart';
import { createBaseCartStore } from '@kontor/core/cart/cart.store.base.js';
import type { KontorError } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import { resolveLang } from '@kontor/core/errors/messages.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const stores = new WeakMap<KontorClient, CartStore>();

/**
 * The page-wide cart store of a client: every element on the page that shows the cart of the
 * same client shares it, so a count in the header and a cart in a drawer never disagree.
 * The current cart's id is remembered per endpoint in `localStorage`. Elements that change the
 * cart pass core's `cartChangeRules` (optimistic previews); one that only shows it passes none,
 * so it does not carry them — the first element with rules gives them to the shared store.
 */
export function cartStoreOf(client: KontorClient, rules: CartChangeRules | null = null): CartStore {
  let store = stores.get(client);
  if (!store) {
    store = createBaseCartStore(
      client,
      { key: `kontor.cart:${client.http.options.endpoint}`, lang: () => resolveLang(document.documentElement.lang) },
      rules,
    );
    stores.set(client, store);
  } else if (rules && !store.optimistic) {
    store.useRules(rules);
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
    /** Core's `cartChangeRules` for an element that changes the cart; none for one that only shows it. */
    private readonly rules: CartChangeRules | null = null,
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
    this.store = cartStoreOf(client, this.rules);
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
