import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCartStore, createKontorClient, isKontorError, type KontorClient } from '@kontor/core';
import type { WorldProduct } from './seed/world.js';
import { createTestApp, type TestApp } from './testing/test-app.js';

// The cart store of @kontor/core against the real server over HTTP: no mocks of our own API.
describe('cart store against the server', () => {
  let t: TestApp;
  let endpoint: string;
  let kontor: KontorClient;
  let simple: WorldProduct[];
  before(async () => {
    t = await createTestApp();
    endpoint = await t.listen();
    const session = await createKontorClient({ endpoint }).identity.login({ email: 'einkauf@elektro-mueller.de', password: 'kontor-demo' });
    kontor = createKontorClient({ endpoint, token: session.token, retries: 0 });
    const base = new Set(t.world.priceLists.find((l) => l.id === 'pl_base')!.tiers.map((x) => x.sku));
    simple = t.world.products.filter((p) => p.status === 'active' && p.visibility === 'public' && base.has(p.sku) && p.quantityRules.step === 1 && p.quantityRules.max == null);
  });
  after(() => t.close());

  const store = () => createCartStore(kontor, { storage: null, syncTabs: false });
  const qty = (p: WorldProduct) => Math.max(1, p.quantityRules.min);

  it('rebases a stale change on the 409 and keeps both changes', async () => {
    const a = store();
    const b = store();
    try {
      // A starts the active cart; B loads the same one.
      await a.add(simple[0]!.sku, qty(simple[0]!));
      const loaded = await b.load();
      assert.equal(loaded?.id, a.$state.get().cart?.id);
      // A changes it; B still holds version 1.
      await a.add(simple[1]!.sku, qty(simple[1]!));
      assert.equal(b.$state.get().cart?.version, 1);
      const result = await b.add(simple[2]!.sku, qty(simple[2]!));
      assert.equal(result.version, 3);
      assert.deepEqual(result.lines.map((l) => l.sku), [simple[0]!.sku, simple[1]!.sku, simple[2]!.sku]);
      const server = await kontor.cart.get(result.id);
      assert.deepEqual(server.lines.map((l) => [l.sku, l.quantity]), result.lines.map((l) => [l.sku, l.quantity]));
      assert.equal(b.$state.get().error, null);
      assert.equal(b.$state.get().pending, 0);
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it('rolls back a refused change and sets the error with the suggestions', async () => {
    const s = store();
    try {
      const before = await s.add(simple[3]!.sku, qty(simple[3]!));
      const shown: number[] = [];
      const unsubscribe = s.$state.listen((state) => shown.push(state.cart?.lineCount ?? 0));
      await assert.rejects(s.add('KL1001x', 50), (error) => isKontorError(error) && error.code === 'validation' && error.status === 422);
      unsubscribe();
      // The optimistic line was shown, then taken back.
      assert.ok(shown.includes(before.lineCount + 1));
      const state = s.$state.get();
      assert.equal(state.cart?.lineCount, before.lineCount);
      assert.equal(state.cart?.version, before.version);
      assert.equal(state.error?.code, 'validation');
      assert.deepEqual(state.error?.issues[0]?.path, ['changes', 0, 'sku']);
      assert.equal(state.error?.issues[0]?.suggestions?.[0], 'KL-1001');
      assert.equal((await kontor.cart.get(before.id)).version, before.version);
    } finally {
      s.dispose();
    }
  });

  it('saves a copy, renames, and hands off by code through the client', async () => {
    const s = store();
    try {
      const current = await s.add(simple[4]!.sku, qty(simple[4]!));
      const copy = await s.saveAs('Vorlage');
      assert.equal(copy.active, false);
      assert.equal(copy.lineCount, current.lineCount);
      assert.equal(s.$state.get().cart?.id, current.id);
      const renamed = await s.rename('Baustelle');
      assert.equal(renamed.name, 'Baustelle');
      const handOff = await s.handOff({ to: 'channel', channel: 'web' });
      assert.ok(handOff.code);
      const colleague = createKontorClient({
        endpoint,
        token: (await createKontorClient({ endpoint }).identity.login({ email: 'anna.mueller@elektro-mueller.de', password: 'kontor-demo' })).token,
        retries: 0,
      });
      const theirs = createCartStore(colleague, { storage: null, syncTabs: false });
      const claimed = await theirs.claim(handOff.code!);
      assert.equal(claimed.id, current.id);
      assert.equal(theirs.$state.get().cart?.owner.userId, 'usr_mueller2');
      theirs.dispose();
      const names = (await colleague.cart.colleagues()).map((c) => c.name);
      assert.ok(names.includes('Einkauf Elektro Müller'));
    } finally {
      s.dispose();
    }
  });

  it('a claim whose answer is lost on the way is retried and still gets the cart', async () => {
    const s = store();
    try {
      const current = await s.add(simple[5]!.sku, qty(simple[5]!));
      const handOff = await s.handOff({ to: 'channel', channel: 'web' });
      const token = (await createKontorClient({ endpoint }).identity.login({ email: 'pruefung@elektro-mueller.de', password: 'kontor-demo' })).token;
      // The first claim reaches the server, but its answer never reaches the browser.
      let claims = 0;
      const lossy: typeof fetch = async (input, init) => {
        const res = await fetch(input, init);
        const url = input instanceof Request ? input.url : String(input);
        if (url.endsWith('/v1/cart-handoffs/claim') && ++claims === 1) throw new TypeError('fetch failed: connection reset');
        return res;
      };
      const theirs = createCartStore(createKontorClient({ endpoint, token, retries: 1, fetch: lossy }), { storage: null, syncTabs: false });
      const claimed = await theirs.claim(handOff.code!);
      assert.equal(claims, 2, 'sent twice');
      assert.equal(claimed.id, current.id);
      assert.equal(claimed.owner.userId, 'usr_mueller3');
      theirs.dispose();
    } finally {
      s.dispose();
    }
  });

  it('ignores a tab message that is not shaped like a cart', async () => {
    const key = `garbage-${Math.random()}`;
    const tab = createCartStore(kontor, { storage: null, key });
    const stop = tab.$state.listen(() => {});
    try {
      const cart = await kontor.cart.create({ name: 'Garbage test', active: true });
      await tab.switchTo(cart.id);
      const channel = new BroadcastChannel(key);
      for (const junk of [null, 'cart', { cart: null }, { cart: { id: cart.id, version: 99 } }, { cart: { ...cart, version: 99, lines: [{ sku: 1 }] } }]) channel.postMessage(junk);
      // A real newer version last: once it shows, every message before it was read (one sender keeps order).
      const renamed = await kontor.cart.update(cart.id, { version: cart.version, name: 'Garbage test (renamed)' });
      channel.postMessage({ cart: renamed });
      for (const until = Date.now() + 10_000; tab.$state.get().cart?.version !== renamed.version; await new Promise((r) => setTimeout(r, 5))) {
        if (Date.now() > until) assert.fail('the renamed cart never reached the tab');
      }
      channel.close();
      assert.equal(tab.$state.get().cart?.name, 'Garbage test (renamed)');
      assert.equal(tab.$state.get().error, null);
    } finally {
      stop();
      tab.dispose();
    }
  });

  it('keeps tabs on the newer cart: a tab still showing an older cart does not pull the other back to it', async () => {
    // Waits on what the tabs show, not on a fixed pause: a loaded machine delivers channel messages late.
    const waitFor = async (done: () => boolean, what: string) => {
      for (const until = Date.now() + 10_000; !done(); await new Promise((r) => setTimeout(r, 5))) {
        if (Date.now() > until) assert.fail(`timed out waiting until ${what}`);
      }
    };
    const key = `tabs-${Math.random()}`;
    const older = createCartStore(kontor, { storage: null, key });
    const newer = createCartStore(kontor, { storage: null, key });
    const stop = [older.$state.listen(() => {}), newer.$state.listen(() => {})];
    try {
      const a = await kontor.cart.create({ name: 'Tab A', active: true });
      await older.switchTo(a.id);
      const b = await kontor.cart.create({ name: 'Tab B', active: true });
      await newer.switchTo(b.id);
      await waitFor(() => older.$state.get().cart?.id === b.id, 'the newly current cart reaches the other tab');
      // A tab that changed cart A in the meantime (its copy still says "active") must not win.
      await kontor.cart.update(a.id, { version: a.version, name: 'Tab A (renamed)' });
      const staleA = { ...(await kontor.cart.get(a.id)), active: true, updatedAt: a.updatedAt };
      const shown: (string | undefined)[] = [];
      stop.push(newer.$state.listen((state) => shown.push(state.cart?.id)));
      const channel = new BroadcastChannel(key);
      channel.postMessage({ cart: staleA });
      // Then a change of B from the same tab: messages of one sender arrive in order, so once the
      // newer tab shows it, it has read (and must have ignored) the stale A before.
      const renamedB = await kontor.cart.update(b.id, { version: newer.$state.get().cart!.version, name: 'Tab B (renamed)' });
      channel.postMessage({ cart: renamedB });
      await waitFor(() => newer.$state.get().cart?.version === renamedB.version, 'the newer tab shows the renamed cart B');
      channel.close();
      assert.ok(!shown.includes(a.id), 'the newer tab never went back to cart A');
      assert.equal(newer.$state.get().cart?.id, b.id);
    } finally {
      for (const s of stop) s();
      older.dispose();
      newer.dispose();
    }
  });
});
