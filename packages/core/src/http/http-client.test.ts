// Transport failures (refused, slow, aborted, non-Kontor bodies) against a bare Node server.
// The client against the real Kontor server is tested in packages/server/src/sdk.test.ts.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { routes } from '../api/routes.js';
import { isKontorError, type KontorError } from '../errors/kontor-error.js';
import { createHttpClient } from './http-client.js';

let server: Server;
let base: string;
const seen: { method: string; url: string; auth?: string; lang?: string; key?: string }[] = [];
let flaky = 0;

before(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, lang: req.headers['accept-language'] as string, key: req.headers['idempotency-key'] as string });
    if (req.url?.startsWith('/v1/products/SLOW')) return void setTimeout(() => res.end('{}'), 2000);
    if (req.url?.startsWith('/v1/products/HTML')) return void res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    if (req.url?.startsWith('/v1/products/BAD')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"sku": 42}');
    if (req.url?.startsWith('/v1/products/FLAKY')) {
      flaky++;
      if (flaky < 3) return void res.writeHead(503).end();
      return void res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 404, code: 'not_found', message: 'Product FLAKY not found' }));
    }
    if (req.url === '/v1/price-quotes') return void res.writeHead(503).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const fail = async (p: Promise<unknown>): Promise<KontorError> => {
  try {
    await p;
  } catch (e) {
    assert.ok(isKontorError(e), `expected a KontorError, got ${e}`);
    return e;
  }
  assert.fail('expected a rejection');
};

describe('createHttpClient()', () => {
  it('sends the bearer token and the language', async () => {
    const http = createHttpClient({ endpoint: base + '/', token: () => 'tok_1', lang: 'de', retries: 0 });
    await fail(http.call(routes.getProduct, { params: { sku: 'NONE' } }));
    const last = seen.at(-1)!;
    assert.equal(last.auth, 'Bearer tok_1');
    assert.equal(last.lang, 'de');
    assert.equal(last.url, '/v1/products/NONE');
  });

  it('rejects invalid input before sending anything', async () => {
    const before = seen.length;
    const http = createHttpClient({ endpoint: base });
    const e = await fail(http.call(routes.quotePrices, { body: { lines: [{ sku: 'A', quantity: 0 }] } }));
    assert.equal(e.code, 'validation');
    assert.deepEqual(e.issues[0]?.path, ['lines', 0, 'quantity']);
    assert.equal(seen.length, before);
  });

  it('fails with network when nothing listens', async () => {
    const http = createHttpClient({ endpoint: 'http://127.0.0.1:9', retries: 0 });
    const e = await fail(http.call(routes.me, {}));
    assert.equal(e.code, 'network');
    assert.match(e.message, /GET http:\/\/127\.0\.0\.1:9\/v1\/me could not reach the server/);
  });

  it('fails with timeout when the server is too slow', async () => {
    const http = createHttpClient({ endpoint: base, timeout: 200, retries: 0 });
    const e = await fail(http.call(routes.getProduct, { params: { sku: 'SLOW' } }));
    assert.equal(e.code, 'timeout');
    assert.match(e.message, /timed out after 200 ms/);
  });

  it('fails with aborted when the caller aborts', async () => {
    const http = createHttpClient({ endpoint: base, retries: 0 });
    const ctrl = new AbortController();
    const p = http.call(routes.getProduct, { params: { sku: 'SLOW' } }, { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    assert.equal((await fail(p)).code, 'aborted');
  });

  it('turns a non-Kontor error body into code http with the status', async () => {
    const http = createHttpClient({ endpoint: base, retries: 0 });
    const e = await fail(http.call(routes.getProduct, { params: { sku: 'HTML' } }));
    assert.equal(e.code, 'http');
    assert.equal(e.status, 502);
  });

  it('refuses an answer that does not match the schema', async () => {
    const http = createHttpClient({ endpoint: base });
    const e = await fail(http.call(routes.getProduct, { params: { sku: 'BAD' } }));
    assert.equal(e.code, 'invalid_response');
  });

  it('retries a GET on 503 and then maps the Kontor error body', async () => {
    flaky = 0;
    const http = createHttpClient({ endpoint: base, retries: 2 });
    const e = await fail(http.call(routes.getProduct, { params: { sku: 'FLAKY' } }));
    assert.equal(flaky, 3);
    assert.equal(e.code, 'not_found');
    assert.equal(e.message, 'Product FLAKY not found');
  });

  it('never retries a POST without an idempotency key', async () => {
    const http = createHttpClient({ endpoint: base, retries: 2 });
    const before = seen.filter((s) => s.url === '/v1/price-quotes').length;
    await fail(http.call(routes.quotePrices, { body: { lines: [{ sku: 'A', quantity: 1 }] } }));
    assert.equal(seen.filter((s) => s.url === '/v1/price-quotes').length - before, 1);
  });

  it('retries a POST that carries an idempotency key, sending the same key', async () => {
    const http = createHttpClient({ endpoint: base, retries: 2 });
    const before = seen.filter((s) => s.url === '/v1/price-quotes').length;
    await fail(http.call(routes.quotePrices, { body: { lines: [{ sku: 'A', quantity: 1 }] } }, { idempotencyKey: 'k-1' }));
    const calls = seen.filter((s) => s.url === '/v1/price-quotes').slice(before);
    assert.equal(calls.length, 3);
    assert.ok(calls.every((c) => c.key === 'k-1'));
  });
});
