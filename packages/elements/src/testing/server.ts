// Test helpers: the real server the test runner started, and demo logins through the SDK.
import { createKontorClient, type KontorClient } from '@kontor/core';
import type { Product } from '@kontor/core/catalogue';

declare global {
  interface Window {
    KONTOR_TEST_ENDPOINT: string;
  }
}

export const endpoint = (): string => window.KONTOR_TEST_ENDPOINT;

/** An endpoint where nothing listens. */
export const unreachableEndpoint = 'http://127.0.0.1:1';

export const demoUsers = {
  mueller: 'einkauf@elektro-mueller.de',
  schmidt: 'einkauf@schmidt-haustechnik.de',
  baulicht: 'kauf@baulicht.de',
  anna: 'anna.mueller@elektro-mueller.de',
} as const;

const tokens = new Map<string, Promise<string>>();

/** Session token of a demo user (one login per user and test file). */
export function tokenOf(user: keyof typeof demoUsers): Promise<string> {
  let token = tokens.get(user);
  if (!token) {
    token = createKontorClient({ endpoint: endpoint() })
      .identity.login({ email: demoUsers[user], password: 'kontor-demo' })
      .then((s) => s.token);
    tokens.set(user, token);
  }
  return token;
}

export async function clientOf(user: keyof typeof demoUsers): Promise<KontorClient> {
  return createKontorClient({ endpoint: endpoint(), token: await tokenOf(user) });
}

/** Walks the whole catalogue once and returns the first product that matches. */
export async function findProduct(client: KontorClient, predicate: (p: Product) => boolean): Promise<Product> {
  let cursor: string | undefined;
  do {
    const page = await client.catalogue.list({ limit: 100, ...(cursor ? { cursor } : {}) });
    const found = page.items.find(predicate);
    if (found) return found;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  throw new Error('No product in the demo catalogue matches');
}

/**
 * A new, empty active cart for a demo user, with nothing remembered in this browser: every cart
 * test starts from its own cart on the shared test server.
 */
export async function freshCart(user: keyof typeof demoUsers, name = `Test ${Math.random().toString(36).slice(2, 8)}`) {
  localStorage.clear();
  const client = await clientOf(user);
  return client.cart.create({ name, active: true });
}

/**
 * A partner portal's customer token for Bau & Licht, minted the way a partner's server does it
 * (the demo partner key is public demo data; a real key never reaches a browser).
 */
export async function customerTokenForBaulicht(): Promise<string> {
  const partner = createKontorClient({ endpoint: endpoint(), token: 'kpk_demo_nord_2026' });
  const { token } = await partner.identity.mintCustomerToken({ companyId: 'cmp_baulicht' });
  return token;
}

/** Active products with a price the user can order, in catalogue order (up to `count`). */
export async function orderableProducts(client: KontorClient, count: number): Promise<Product[]> {
  const out: Product[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.catalogue.list({ limit: 100, status: 'active', ...(cursor ? { cursor } : {}) });
    out.push(...page.items.filter((p) => p.price));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < count);
  return out.slice(0, count);
}
