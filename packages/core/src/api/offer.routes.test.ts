import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOpenApi } from './openapi.js';
import { offerRoutes, sellerOfferRoutes } from './offer.routes.js';

describe('the offer route tables', () => {
  const table = { ...offerRoutes, ...sellerOfferRoutes };
  const doc = buildOpenApi(table, { title: 'Kontor API', version: '0.1.0' }) as {
    paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[]; security: unknown[]; responses: Record<string, unknown> }>>;
  };

  it('document every route with its error codes, the idempotent ones with the Idempotency-Key header', () => {
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    assert.deepEqual(ops.map((o) => o.operationId).sort(), Object.keys(table).sort());
    const accept = doc.paths['/v1/offers/{offerId}/accept']!.post!;
    assert.ok(accept.parameters!.some((p) => p.name === 'Idempotency-Key' && p.in === 'header'));
    assert.ok(accept.responses['409'] && accept.responses['404'] && accept.responses['200']);
    assert.ok(doc.paths['/v1/offer-requests']!.post!.parameters!.some((p) => p.name === 'Idempotency-Key'));
  });

  it('keep the seller routes under /v1/seller and apart from the buyer table', () => {
    for (const r of Object.values(sellerOfferRoutes)) assert.match(r.path, /^\/v1\/seller\//);
    for (const r of Object.values(offerRoutes)) assert.equal(r.auth, 'buyer');
    assert.deepEqual(doc.paths['/v1/seller/auth/login']!.post!.security, []);
  });
});
