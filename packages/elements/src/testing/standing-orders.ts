// Test helpers: carts and standing orders made through the SDK on the real test server.
import type { KontorClient } from '@kontor/core';
import type { Cart } from '@kontor/core/cart';
import { lowestValidQuantity } from '@kontor/core/pricing';
import { createStandingOrdersClient, type CreateStandingOrderBody, type StandingOrderView } from '@kontor/core/standing-orders';
import { clientOf, orderableProducts, type demoUsers } from './server.js';

type User = keyof typeof demoUsers;

const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** A saved (not active) cart of `count` orderable products at their lowest valid quantity. */
export async function cartWithLines(client: KontorClient, count = 1, skip = 0): Promise<Cart> {
  const products = (await orderableProducts(client, skip + count)).slice(skip);
  const empty = await client.cart.create({ active: false, name: `SO ${Math.random().toString(36).slice(2, 8)}` });
  return client.cart.change(empty.id, empty.version, products.map((p) => ({ op: 'add', sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })));
}

/**
 * A new standing order of `user`'s company from a cart of its own: every month on the 1st from
 * the day the server says is first (a start long past: only runs after now count), on account.
 */
export async function standingOrderOf(user: User = 'mueller', body: Partial<CreateStandingOrderBody> = {}): Promise<StandingOrderView> {
  const client = await clientOf(user);
  const cart = await cartWithLines(client, 1);
  return createStandingOrdersClient(client.http).create(
    {
      from: { kind: 'cart', cartId: cart.id },
      payment: { method: 'invoice' },
      schedule: { form: { every: 'month', interval: 1, start: '2026-01-01', end: { kind: 'none' }, on: { kind: 'day', day: 1 } } },
      ...body,
    },
    { idempotencyKey: newKey() },
  );
}

/** The standing-order client of a demo user. */
export async function standingOrdersClientOf(user: User = 'mueller') {
  return createStandingOrdersClient((await clientOf(user)).http);
}
