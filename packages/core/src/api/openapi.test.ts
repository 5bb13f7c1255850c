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

  it('says every route may answer 400 for a bad URL, 414 for a too long path parameter and 413 above its body limit', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(op.responses['400'], `${method} ${path}: 400`);
        assert.equal(Boolean(op.responses['414']), path.includes('{'), `${method} ${path}: 414`);
        assert.equal(Boolean(op.responses['413']), method !== 'get', `${method} ${path}: 413`);
      }
    }
    const tooLarge = (path: string, method: string) => (doc.paths[path]![method]!.responses['413'] as { description: string }).description;
    assert.equal(tooLarge('/v1/erp/stock', 'put'), 'Body larger than 16 MiB (16,777,216 bytes) (code payload_too_large)');
    assert.equal(tooLarge('/v1/orders', 'post'), 'Body larger than 2 MiB (2,097,152 bytes) (code payload_too_large)');
    assert.equal(tooLarge('/v1/carts', 'post'), 'Body larger than 1 MiB (1,048,576 bytes) (code payload_too_large)');
  });

  it('documents the error responses with the shared error schema', () => {
    const r = doc.paths['/v1/price-quotes']!.post!.responses;
    assert.ok(r['422'] && r['400'] && r['401'] && r['200']);
  });
});
