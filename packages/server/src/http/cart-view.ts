import { priceCartLines, toCartProduct, type Cart, type CartOwner, type CartProduct, type Lang, type Product } from '@kontor/core';
import type { CartRow } from '../db/cart.queries.js';

/** Who holds a cart, as the API shows it. */
export const ownerOf = (row: CartRow): CartOwner => ({
  kind: row.owner_user_id ? 'user' : 'partner',
  userId: row.owner_user_id,
  partnerId: row.owner_user_id ? null : row.owner_partner_id,
  name: row.owner_name ?? '',
});

/** The products of stored lines as cart lines show them; `null` for a SKU the caller cannot see. */
export function cartProducts(lines: readonly { sku: string }[], products: ReadonlyMap<string, Product>): Map<string, CartProduct | null> {
  const out = new Map<string, CartProduct | null>();
  for (const { sku } of lines) {
    const product = products.get(sku);
    out.set(sku, product ? toCartProduct(product) : null);
  }
  return out;
}

/**
 * A cart as `GET /v1/carts/{id}` answers it: its stored lines priced at the caller's current
 * prices (`products`, from the line check) with totals. The cart routes and the checkout's 409 use it.
 */
export function cartView(row: CartRow, lines: readonly { sku: string; quantity: number; addedAt: string }[], products: ReadonlyMap<string, Product>, lang: Lang): Cart {
  const priced = priceCartLines(lines, cartProducts(lines, products), row.currency, lang);
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    active: Number(row.active) === 1,
    version: Number(row.version),
    currency: row.currency,
    owner: ownerOf(row),
    createdVia: { channel: row.created_channel, partnerId: row.created_partner_id },
    lastChangedVia: { channel: row.last_channel, partnerId: row.last_partner_id },
    lineCount: lines.length,
    totals: priced.totals,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lines: priced.lines,
  };
}
