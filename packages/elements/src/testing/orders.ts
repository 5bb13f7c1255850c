// Test helpers: orders placed through the SDK on the real test server, and the ERP moving them on.
import { createKontorClient, type KontorClient } from '@kontor/core';
import { newIdempotencyKey } from '@kontor/core/cart';
import type { Product } from '@kontor/core/catalogue';
import type { Order, OrderStatusUpdate } from '@kontor/core/orders';
import { lowestValidQuantity } from '@kontor/core/pricing';
import { endpoint } from './server.js';

/** The demo ERP key: public demo data, like the partner key (a real one never reaches a browser). */
export const DEMO_ERP_KEY = 'kek_demo_erp_2026';

/**
 * Places an order of `products` (one valid quantity each) from a cart of its own (not the
 * caller's active one), by prepayment to the company's first saved address.
 */
export async function placeOrder(client: KontorClient, products: Product[], extra: { purchaseOrderNumber?: string; costCenter?: string } = {}): Promise<Order> {
  const empty = await client.cart.create({ active: false, name: `Order ${Math.random().toString(36).slice(2, 8)}` });
  const cart = await client.cart.change(
    empty.id,
    empty.version,
    products.map((p) => ({ op: 'add', sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })),
  );
  const [address] = await client.orders.addresses();
  return client.orders.place(
    { cartId: cart.id, cartVersion: cart.version, expectedGross: cart.totals.gross, deliveryAddress: { addressId: address!.id }, payment: { method: 'prepayment' }, ...extra },
    { idempotencyKey: newIdempotencyKey() },
  );
}

/** Moves orders on as the seller's ERP does (POST /v1/erp/order-status). */
export function erpUpdate(...updates: OrderStatusUpdate[]): Promise<{ updated: number }> {
  return createKontorClient({ endpoint: endpoint(), token: DEMO_ERP_KEY }).orders.updateStatuses({ updates });
}
