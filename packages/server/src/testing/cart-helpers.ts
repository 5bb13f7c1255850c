import assert from 'node:assert/strict';
import { CartSchema, lowestValidQuantity, type Cart, type CartChange } from '@kontor/core';
import * as z from 'zod/mini';
import type { WorldProduct } from '../seed/world.js';
import { auth, type TestApp } from './test-app.js';

/** Request helpers for the cart tests: each takes the bearer token of the caller. */
export function cartApi(t: TestApp) {
  const send = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...auth(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    send,
    async create(token: string, body: Record<string, unknown> = {}): Promise<Cart> {
      const res = await send(token, 'POST', '/v1/carts', body);
      assert.equal(res.statusCode, 201, res.body);
      return z.parse(CartSchema, res.json());
    },
    change: (token: string, cart: Pick<Cart, 'id' | 'version'>, changes: CartChange[] | unknown[], headers: Record<string, string> = {}) =>
      send(token, 'POST', `/v1/carts/${cart.id}/changes`, { version: cart.version, changes }, headers),
    async changed(token: string, cart: Pick<Cart, 'id' | 'version'>, changes: CartChange[]): Promise<Cart> {
      const res = await send(token, 'POST', `/v1/carts/${cart.id}/changes`, { version: cart.version, changes });
      assert.equal(res.statusCode, 200, res.body);
      return z.parse(CartSchema, res.json());
    },
    async get(token: string, cartId: string): Promise<Cart> {
      const res = await send(token, 'GET', `/v1/carts/${cartId}`);
      assert.equal(res.statusCode, 200, res.body);
      return z.parse(CartSchema, res.json());
    },
  };
}

/** World products by what a test needs. */
export function pick(t: TestApp) {
  const baseTiers = (sku: string) => t.world.priceLists.find((l) => l.id === 'pl_base')!.tiers.filter((x) => x.sku === sku);
  const orderable = (p: WorldProduct) => p.status === 'active' && p.visibility === 'public' && baseTiers(p.sku).length > 0;
  return {
    /** Orderable products with step 1 and no maximum: any quantity ≥ min works. */
    simple: () => t.world.products.filter((p) => orderable(p) && p.quantityRules.step === 1 && p.quantityRules.max == null),
    orderable: () => t.world.products.filter(orderable),
    validQuantity: (p: WorldProduct) => lowestValidQuantity(p.quantityRules),
    discontinued: () => t.world.products.find((p) => p.status === 'discontinued' && p.replacementSku)!,
    onRequest: () => t.world.products.find((p) => p.status === 'active' && p.visibility === 'public' && baseTiers(p.sku).length === 0)!,
    restricted: () => t.world.products.find((p) => p.visibility === 'restricted')!,
  };
}
