import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOpenApi } from './openapi.js';
import { routes } from './routes.js';

describe('buildOpenApi()', () => {
  const doc = buildOpenApi(routes, { title: 'Kontor API', version: '0.1.0' }) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
  };

  it('is OpenAPI 3.1 with one operation per route', () => {
    assert.equal(doc.openapi, '3.1.0');
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    assert.deepEqual(ops.sort(), Object.keys(routes).sort());
  });

  it('describes path and query parameters from the schemas', () => {
    assert.deepEqual(doc.paths['/v1/products/{sku}']!.get!.parameters!.map((p) => [p.name, p.in]), [['sku', 'path']]);
    const q = doc.paths['/v1/products']!.get!.parameters!.map((p) => p.name);
    assert.ok(q.includes('q') && q.includes('cursor') && q.includes('limit'));
  });

  it('documents the error responses with the shared error schema', () => {
    const r = doc.paths['/v1/price-quotes']!.post!.responses;
    assert.ok(r['422'] && r['400'] && r['401'] && r['200']);
  });
});
