import { atom, computed, onMount, type ReadableAtom } from 'nanostores';
import { KontorError, isKontorError } from '../errors/kontor-error.js';
import type { Lang } from '../errors/messages.js';
import type { CartClient } from './cart.client.js';
import type { CartLineEffect } from './cart.logic.js';
import { reuseUnchangedLines } from './cart.reuse.js';
import type { Cart, CartChange, CartSummary, HandOff, HandOffRequest } from './cart.schema.js';

/** Where a store remembers the current cart's id (`localStorage` fits). */
export interface CartIdStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What a cart UI renders. */
export interface CartState {
  /** `idle` before the first load; `error` only when loading failed (a refused change keeps `ready`). */
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The cart as shown: the server's last answer plus the changes still on their way. `null`: no cart yet. */
  cart: Cart | null;
  /** The last failure: a load that failed, or a change the server refused (already rolled back). */
  error: KontorError | null;
  /** Change requests sent and not answered yet. */
  pending: number;
  /** What the last accepted change did per SKU (e.g. a merged quantity: `from` 10 → `to` 30). */
  lastEffects: CartLineEffect[];
}

export interface CartStoreOptions {
  /** Where the current cart's id survives a reload; default `localStorage` when there is one. `null` turns it off. */
  storage?: CartIdStorage | null;
  /** Key for the storage and the tab channel; default `kontor.cart`. Use one per endpoint and user when they can differ. */
  key?: string;
  /** Language of issue messages in optimistic previews. */
  lang?: () => Lang;
  /** Clock for new lines' `addedAt` in previews. */
  now?: () => Date;
  /** Keep tabs in sync over a BroadcastChannel; default `true` where there is one. */
  syncTabs?: boolean;
  /** How often a change is rebased and retried after a 409 conflict; default 3. */
  conflictRetries?: number;
}

export interface ChangeOptions {
  /** Show the change before the server answers (default `true`). Bulk imports may prefer `false`. */
  optimistic?: boolean;
}

/**
 * What a store needs to show a change before the server answers and to say what it did: core's
 * `cartChangeRules` (cart.logic.ts). A store without them still changes the cart, only shown once
 * the server confirms, and with no `lastEffects` — so a page that only shows a count does not
 * carry the pricing and quantity rules.
 */
export interface CartChangeRules {
  preview(cart: Cart, changes: readonly CartChange[], at: string, lang: Lang): Cart;
  effects(lines: Cart['lines'], changes: readonly CartChange[], at: string): CartLineEffect[];
}

/** A page-wide cart: one per client, shared by every element that shows it. */
export interface CartStore {
  readonly $state: ReadableAtom<CartState>;
  /** Number of lines of the shown cart. */
  readonly $lineCount: ReadableAtom<number>;
  /** Loads the owner's current (active) cart once, by its remembered id when it still is current; later calls return the same promise. */
  load(): Promise<Cart | null>;
  /** Fetches the current cart again. */
  refresh(): Promise<Cart | null>;
  /**
   * Applies changes: shown at once, sent in order, rebased and retried when another tab or user
   * changed the cart meanwhile (409), rolled back with `error` set when refused. Creates the
   * cart first when there is none.
   * @throws {@link ValidationError} when the server refuses a change (nothing of it is applied).
   */
  change(changes: CartChange[], options?: ChangeOptions): Promise<Cart>;
  add(sku: string, quantity: number): Promise<Cart>;
  setQuantity(sku: string, quantity: number): Promise<Cart>;
  remove(sku: string): Promise<Cart>;
  /** The caller's open carts. */
  list(): Promise<CartSummary[]>;
  /** Makes another saved cart the current one. */
  switchTo(cartId: string): Promise<Cart>;
  /** Saves a copy of the current cart under a name ("save as"); the current cart stays current. Returns the copy. */
  saveAs(name: string): Promise<Cart>;
  rename(name: string): Promise<Cart>;
  handOff(request: HandOffRequest): Promise<HandOff>;
  /** Continues a handed-off cart; it becomes the current one. */
  claim(code: string): Promise<Cart>;
  /** Clears the shown error. */
  dismissError(): void;
  /** Whether changes are shown before the server answers (the store has {@link CartChangeRules}). */
  readonly optimistic: boolean;
  /** Gives a store made without them the change rules (a cart element joined a page that had only a count). */
  useRules(rules: CartChangeRules): void;
  /** Stops tab sync. */
  dispose(): void;
}

const initial: CartState = { status: 'idle', cart: null, error: null, pending: 0, lastEffects: [] };

/** A random idempotency key; works outside secure contexts too. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const defaultStorage = (): CartIdStorage | null => {
  try {
    return (globalThis as { localStorage?: CartIdStorage }).localStorage ?? null;
  } catch {
    return null; // Storage denied (sandboxed iframe, privacy settings).
  }
};

/**
 * Whether a value is shaped like a cart, for carts that reach the store outside a client call:
 * another tab's message and a 409's `details.cart`. Both were built from CartSchema by our own code
 * (the server, or this store in another tab), so a shape check keeps garbage out without parsing
 * the whole schema — that would put all of zod into every page that only shows a cart count.
 */
function isCart(value: unknown): value is Cart {
  const c = value as Partial<Cart> | null;
  return (
    typeof c === 'object' && c !== null &&
    typeof c.id === 'string' && Number.isInteger(c.version) && typeof c.status === 'string' &&
    typeof c.active === 'boolean' && typeof c.updatedAt === 'string' && typeof c.lineCount === 'number' &&
    typeof c.owner === 'object' && c.owner !== null && typeof c.owner.kind === 'string' &&
    Array.isArray(c.lines) && c.lines.every((l) => typeof l === 'object' && l !== null && typeof l.sku === 'string' && Number.isInteger(l.quantity))
  );
}

const sameOwner = (a: Cart, b: Cart) =>
  a.owner.kind === b.owner.kind && a.owner.userId === b.owner.userId && a.owner.partnerId === b.owner.partnerId;

/**
 * A cart store with the given change rules, or none (see {@link CartChangeRules}). Integrators use
 * `createCartStore`, which brings the rules; elements that only show the cart build it without.
 */
export function createBaseCartStore(client: { cart: CartClient }, options: CartStoreOptions = {}, changeRules: CartChangeRules | null = null): CartStore {
  let rules = changeRules;
  const api = client.cart;
  const key = options.key ?? 'kontor.cart';
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const lang = options.lang ?? (() => 'en' as Lang);
  const now = options.now ?? (() => new Date());
  const retries = options.conflictRetries ?? 3;
  const $state = atom<CartState>(initial);
  const $lineCount = computed($state, (s) => s.cart?.lineCount ?? 0);

  /** The server's last word, and the batches sent or waiting after it. */
  let confirmed: Cart | null = null;
  const queue: { changes: CartChange[]; optimistic: boolean }[] = [];
  let tail: Promise<unknown> = Promise.resolve();
  let loading: Promise<Cart | null> | null = null;

  const set = (patch: Partial<CartState>) => $state.set({ ...$state.get(), ...patch });

  /** Shows the confirmed cart with every queued optimistic batch on top. */
  const show = (patch: Partial<CartState> = {}) => {
    let shown = confirmed;
    const stamp = now().toISOString();
    if (rules) for (const batch of queue) if (shown && batch.optimistic) shown = rules.preview(shown, batch.changes, stamp, lang());
    set({ cart: shown, pending: queue.length, ...patch });
  };

  const remember = (cart: Cart | null) => {
    try {
      if (cart) storage?.setItem(key, cart.id);
      else storage?.removeItem(key);
    } catch {
      /* quota or denied storage: the cart still works, it just is not remembered */
    }
  };

  /** Takes a cart the server sent as the confirmed state and tells the other tabs. */
  const confirm = (cart: Cart | null, patch: Partial<CartState> = {}, broadcast = true) => {
    confirmed = cart && confirmed?.id === cart.id ? reuseUnchangedLines(confirmed, cart) : cart;
    remember(cart);
    show({ status: 'ready', ...patch });
    if (broadcast && cart) channel?.postMessage({ cart: confirmed });
  };

  const listen = (event: Event) => {
    const cart = ((event as Event & { data?: { cart?: unknown } | null }).data ?? null)?.cart;
    if (!isCart(cart)) return;
    // Only the same owner's carts (a hand-off moves a cart to someone else): a newer version of ours,
    // or another cart made current after ours last changed. A tab's `active` flag can be stale
    // (another cart was activated since), so the time decides, not the flag alone.
    if (!confirmed || !sameOwner(cart, confirmed)) return;
    if (cart.id === confirmed.id ? cart.version <= confirmed.version : !cart.active || cart.updatedAt <= confirmed.updatedAt) return;
    confirm(cart, {}, false);
  };
  // The tab channel is open only while someone watches the store: a store nobody shows any more
  // (its shop got a new token, its elements left the page) holds no channel, so it can be freed.
  let channel: InstanceType<typeof BroadcastChannel> | null = null;
  if (options.syncTabs !== false && typeof BroadcastChannel !== 'undefined') {
    onMount($state, () => {
      const open = new BroadcastChannel(key);
      open.addEventListener('message', listen);
      channel = open;
      return () => {
        open.close();
        if (channel === open) channel = null;
      };
    });
  }

  async function fetchCurrent(): Promise<Cart | null> {
    let id: string | null = null;
    try {
      id = storage?.getItem(key) ?? null;
    } catch {
      id = null;
    }
    if (id) {
      try {
        // Only while it is still the owner's current cart: one made current elsewhere (another
        // device, a test's fresh start, a claimed hand-off) wins over what this browser remembers.
        const cart = await api.get(id);
        if (cart.status === 'open' && cart.active) return cart;
      } catch (error) {
        // A remembered cart that is gone or not ours (another user signed in): fall back to the active one.
        if (!(isKontorError(error) && (error.code === 'not_found' || error.code === 'validation'))) throw error;
      }
    }
    const active = (await api.list()).find((c) => c.active);
    return active ? api.get(active.id) : null;
  }

  function load(): Promise<Cart | null> {
    if (!loading) loading = reload();
    return loading;
  }

  async function reload(): Promise<Cart | null> {
    set({ status: $state.get().cart ? 'ready' : 'loading', error: null });
    try {
      const cart = await fetchCurrent();
      confirm(cart, { error: null });
      return cart;
    } catch (cause) {
      const error = toError(cause);
      loading = null;
      set({ status: $state.get().cart ? 'ready' : 'error', error });
      throw error;
    }
  }

  /** Runs `task` after everything queued before it, so versions never race. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  }

  async function ensureCart(): Promise<Cart> {
    await load().catch(() => null);
    if (confirmed) return confirmed;
    const cart = await api.create({}, { idempotencyKey: newIdempotencyKey() });
    confirm(cart);
    return cart;
  }

  function change(changes: CartChange[], changeOptions: ChangeOptions = {}): Promise<Cart> {
    const batch = { changes, optimistic: changeOptions.optimistic !== false };
    queue.push(batch);
    show();
    return serial(async () => {
      try {
        let cart = await ensureCart();
        for (let attempt = 0; ; attempt++) {
          try {
            // Adds commute: the server merges them without our version, so tabs adding at once never conflict.
            const onlyAdds = changes.every((c) => c.op === 'add');
            const updated = await api.change(cart.id, onlyAdds ? null : cart.version, changes, { idempotencyKey: newIdempotencyKey() });
            queue.splice(queue.indexOf(batch), 1);
            confirm(updated, { error: null, lastEffects: rules ? rules.effects(cart.lines, changes, now().toISOString()) : [] });
            return updated;
          } catch (error) {
            // Someone else changed the cart: rebase this batch on the current cart and try again.
            const current = isKontorError(error) && error.code === 'conflict' ? error.details?.cart : null;
            if (!isCart(current) || attempt >= retries) throw error;
            cart = current;
            confirm(cart);
          }
        }
      } catch (cause) {
        const index = queue.indexOf(batch);
        if (index >= 0) queue.splice(index, 1);
        const error = toError(cause);
        show({ error });
        // After a transport failure the server may or may not have the change; a cart that is gone
        // (deleted, or handed off and claimed elsewhere) gives way to the current one: ask the server.
        if (error.code === 'network' || error.code === 'timeout' || error.code === 'not_found') void refresh().catch(() => undefined);
        throw error;
      }
    });
  }

  function refresh(): Promise<Cart | null> {
    loading = serial(reload);
    return loading;
  }

  const replaceWith = (task: () => Promise<Cart>) =>
    serial(async () => {
      try {
        const cart = await task();
        confirm(cart, { error: null, lastEffects: [] });
        return cart;
      } catch (cause) {
        const error = toError(cause);
        set({ error });
        throw error;
      }
    });

  return {
    $state,
    $lineCount,
    load,
    refresh,
    change,
    add: (sku, quantity) => change([{ op: 'add', sku, quantity }]),
    setQuantity: (sku, quantity) => change([{ op: 'set', sku, quantity }]),
    remove: (sku) => change([{ op: 'remove', sku }]),
    list: () => api.list(),
    switchTo: (cartId) =>
      replaceWith(async () => {
        const cart = await api.get(cartId);
        return cart.active ? cart : api.update(cartId, { version: cart.version, active: true });
      }),
    saveAs: (name) =>
      serial(async () => {
        const current = await ensureCart();
        return api.create({ name, active: false, copyFrom: current.id }, { idempotencyKey: newIdempotencyKey() });
      }),
    rename: (name) =>
      replaceWith(async () => {
        const current = await ensureCart();
        return api.update(current.id, { version: current.version, name });
      }),
    handOff: async (request) => {
      const current = await ensureCart();
      const result = await api.handOff(current.id, request, { idempotencyKey: newIdempotencyKey() });
      // Handed to a colleague: it is no longer ours; show whatever is current now.
      if (request.to === 'colleague') {
        remember(null);
        await refresh();
      }
      return result;
    },
    // With a key, a retry after a lost answer gets the claimed cart, not the 404 of a used code.
    claim: (code) => replaceWith(() => api.claim(code, { idempotencyKey: newIdempotencyKey() })),
    dismissError: () => set({ error: null }),
    get optimistic() {
      return rules !== null;
    },
    useRules: (next) => {
      rules = next;
      show();
    },
    dispose: () => channel?.close(),
  };
}

function toError(cause: unknown): KontorError {
  return isKontorError(cause) ? cause : new KontorError('internal', cause instanceof Error ? cause.message : String(cause), { cause });
}
