import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ErrorBodySchema, routes } from '@kontor/core';
import * as z from 'zod/mini';
import { DEMO_ERP_KEY } from './seed/world.js';
import { auth, createTestApp, type TestApp } from './testing/test-app.js';

/**
 * Sends `size` bytes of body over a real connection, in 64 KiB writes, however early the server
 * answers (as an ERP's HTTP client does), and resolves with the answer and any socket error.
 */
function upload(endpoint: string, path: string, size: number, headers: Record<string, string>): Promise<{ status?: number; body: string; error?: string }> {
  return new Promise((resolve) => {
    const result: { status?: number; body: string; error?: string } = { body: '' };
    let pending = 2;
    const done = () => --pending === 0 && resolve(result);
    const req = request(new URL(path, endpoint), { method: 'PUT', headers: { ...headers, 'content-type': 'application/json', 'content-length': String(size) } }, (res) => {
      result.status = res.statusCode;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (result.body += chunk));
      res.on('end', done);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      result.error = error.code ?? error.message;
      resolve(result);
    });
    req.on('finish', done);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

describe('app', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await createTestApp();
    token = await t.login('einkauf@elektro-mueller.de');
  });
  after(() => t.close());

  const post = (payload: string | undefined, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/v1/price-quotes', headers: { ...auth(token), ...headers }, ...(payload !== undefined ? { payload } : {}) });
  const assertErrorShape = (body: unknown) => assert.ok(z.safeParse(ErrorBodySchema, body).success, JSON.stringify(body));
  /** The app on a loopback port, for tests that need a real connection (listens once). */
  let endpoint: Promise<string> | undefined;
  const listening = () => (endpoint ??= t.listen());

  it('gzips big answers for clients that accept it and sends small ones as they are', async () => {
    const big = await t.app.inject({ method: 'GET', url: '/v1/products?limit=100', headers: { ...auth(token), 'accept-encoding': 'gzip' } });
    assert.equal(big.statusCode, 200);
    assert.equal(big.headers['content-encoding'], 'gzip');
    const plain = await t.app.inject({ method: 'GET', url: '/v1/products?limit=100', headers: auth(token) });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(big.rawPayload.length * 5 < plain.rawPayload.length, `${big.rawPayload.length} vs ${plain.rawPayload.length} bytes`);
    const { gunzipSync } = await import('node:zlib');
    assert.deepEqual(JSON.parse(gunzipSync(big.rawPayload).toString('utf8')), plain.json());
    const small = await t.app.inject({ method: 'GET', url: '/v1/me', headers: { ...auth(token), 'accept-encoding': 'gzip' } });
    assert.equal(small.headers['content-encoding'], undefined);
  });

  it('answers malformed JSON with 400 validation, not 500', async () => {
    const res = await post('{"lines": [', { 'content-type': 'application/json' });
    assert.equal(res.statusCode, 400);
    assertErrorShape(res.json());
    assert.equal(res.json().code, 'validation');
    assert.equal(res.json().issues[0].code, 'invalid_json');
  });

  it('answers an empty JSON body with 400 validation', async () => {
    const res = await post('', { 'content-type': 'application/json' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'validation');
  });

  it('answers a POST without a body with 400 validation', async () => {
    const res = await post(undefined);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'validation');
  });

  it('answers an unsupported content type with 400 validation', async () => {
    for (const type of ['text/plain', 'application/xml']) {
      const res = await post('<lines/>', { 'content-type': type });
      assert.equal(res.statusCode, 400, type);
      assert.equal(res.json().code, 'validation');
    }
  });

  it('answers a body above 1 MiB with 413 payload_too_large', async () => {
    const res = await post(JSON.stringify({ lines: [{ sku: 'x'.repeat(1_100_000), quantity: 1 }] }), { 'content-type': 'application/json' });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().code, 'payload_too_large');
  });

  it('answers a request the HTTP parser refuses in the Kontor error shape', async () => {
    const { port, hostname } = new URL(await listening());
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        let answer = '';
        const socket = connect(Number(port), hostname, () => socket.end(text));
        socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk)).on('close', () => resolve(answer)).on('error', reject);
      });
    const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { status: number; code: string };
    const broken = await raw('GET /v1/me HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n');
    assert.match(broken, /^HTTP\/1\.1 400 /);
    assertErrorShape(bodyOf(broken));
    assert.equal(bodyOf(broken).code, 'validation');
    const huge = await raw(`GET /v1/me HTTP/1.1\r\nHost: x\r\nx-filler: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.match(huge, /^HTTP\/1\.1 431 /);
    assert.deepEqual(bodyOf(huge), { status: 431, code: 'payload_too_large', message: 'The request is too large.' });
  });

  it('answers 413 payload_too_large to a client that keeps sending a body above the route limit', async () => {
    const res = await upload(await listening(), '/v1/erp/stock', 17 * 1024 * 1024, auth(DEMO_ERP_KEY));
    assert.equal(res.error, undefined, 'the connection is not dropped');
    assert.equal(res.status, 413);
    assert.deepEqual(JSON.parse(res.body), { status: 413, code: 'payload_too_large', message: 'The request is too large.' });
    // The document says each route's limit.
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    assert.match(doc.paths['/v1/erp/stock'].put.responses['413'].description, /16 MiB/);
    assert.match(doc.paths['/v1/price-quotes'].post.responses['413'].description, /1 MiB/);
  });

  it('answers in German with Accept-Language: de', async () => {
    const res = await t.app.inject({ url: '/v1/products/XX-1', headers: auth(token, 'de-DE,de;q=0.9,en;q=0.5') });
    assert.equal(res.json().message, 'Nicht gefunden.');
    const wrong = await post(JSON.stringify({ lines: [{ sku: 'KL-1001' }] }), { 'content-type': 'application/json', 'accept-language': 'de' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().issues[0].message, 'Dieses Feld ist erforderlich.');
    assert.equal(wrong.json().message, 'Die Eingabe ist ungültig. lines.0.quantity: Dieses Feld ist erforderlich.');
    const anon = await t.app.inject({ url: '/v1/me', headers: { 'accept-language': 'de' } });
    // Without a token: the 401 says so (issue token_missing), in German.
    assert.equal(anon.json().message, 'Es wurde kein Zugangstoken gesendet. Bitte melden Sie sich an.');
    assert.equal(anon.json().issues[0].code, 'token_missing');
  });

  it('answers unknown paths with 404 not_found in the same shape', async () => {
    const res = await t.app.inject({ url: '/v1/nothing-here' });
    assert.equal(res.statusCode, 404);
    assertErrorShape(res.json());
  });

  it('answers a malformed URL component with 400 validation in the Kontor error shape', async () => {
    for (const [method, url] of [['DELETE', '/v1/carts/%'], ['DELETE', '/v1/carts/%zz'], ['GET', '/v1/me%zz'], ['GET', '/v1/products/%C0%80']] as const) {
      const res = await t.app.inject({ method, url, headers: auth(token, 'de') });
      assert.equal(res.statusCode, 400, url);
      assertErrorShape(res.json());
      assert.equal(res.json().code, 'validation', url);
      assert.equal(res.json().issues[0].code, 'invalid_url', url);
      assert.match(res.json().message, /^Die Eingabe ist ungültig\./);
      assert.match(String(res.headers['content-type']), /^application\/json/);
    }
  });

  it('answers an over-long path parameter with 414 validation in the Kontor error shape', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: `/v1/carts/cart_${'a'.repeat(200)}`, headers: auth(token) });
    assert.equal(res.statusCode, 414);
    assertErrorShape(res.json());
    assert.equal(res.json().code, 'validation');
    assert.deepEqual(res.json().issues[0], { path: [], code: 'param_too_long', message: 'A value in the address is longer than 100 characters.', params: { max: 100 } });
    // The document says so for the routes with path parameters.
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    assert.ok(doc.paths['/v1/carts/{cartId}'].delete.responses['414']);
    assert.ok(doc.paths['/v1/carts'].get.responses['400'], 'a bad URL is a 400 on every route');
  });

  it('turns an unexpected failure into 500 internal without internals', async () => {
    const broken = await createTestApp();
    const userToken = await broken.login('einkauf@elektro-mueller.de');
    await broken.db.schema.dropTable('price_list_tiers').execute();
    const res = await broken.app.inject({ url: '/v1/products', headers: auth(userToken) });
    await broken.close();
    assert.equal(res.statusCode, 500);
    assert.deepEqual(res.json(), { status: 500, code: 'internal', message: 'Something went wrong on our side.' });
  });

  it('serves an OpenAPI 3.1 document with every route', async () => {
    const res = await t.app.inject({ url: '/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.title, 'Kontor API');
    for (const r of Object.values(routes)) assert.ok(doc.paths[r.path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`);
  });

  it('answers /health', async () => {
    assert.deepEqual((await t.app.inject({ url: '/health' })).json(), { ok: true });
  });

  it('allows CORS preflights from any origin with the Authorization header', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/price-quotes',
      headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.match(String(res.headers['access-control-allow-headers']), /authorization/);
  });

  it('answers an OPTIONS request that is no CORS preflight with 400 validation in the Kontor error shape', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/v1/price-quotes', headers: { origin: 'https://shop.example.com' } });
    assert.equal(res.statusCode, 400);
    assertErrorShape(res.json());
    assert.deepEqual(res.json().issues.map((i: { path: unknown[]; code: string }) => [i.path, i.code]), [[['headers', 'access-control-request-method'], 'required']]);
    const bare = await t.app.inject({ method: 'OPTIONS', url: '/v1/carts' });
    assert.equal(bare.statusCode, 400);
    assert.equal(bare.json().code, 'validation');
  });

  it('answers no CORS on partner-key and ERP routes, which are server to server', async () => {
    const preflight = (method: string, url: string) =>
      t.app.inject({ method: 'OPTIONS', url, headers: { origin: 'https://evil.example', 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' } });
    for (const [method, url] of [['POST', '/v1/partner/customer-tokens'], ['GET', '/v1/partner/companies'], ['PUT', '/v1/erp/stock'], ['GET', '/v1/erp/outbox/deliveries?status=dead']] as const) {
      const res = await preflight(method, url);
      assert.equal(res.headers['access-control-allow-origin'], undefined, `${method} ${url}`);
      assert.equal(res.headers['access-control-allow-methods'], undefined, `${method} ${url}`);
      assertErrorShape(res.json());
    }
    // The answer itself carries none either, so a page cannot read it.
    const direct = await t.app.inject({ url: '/v1/partner/companies', headers: { origin: 'https://evil.example', authorization: 'Bearer nope' } });
    assert.equal(direct.statusCode, 401);
    assert.equal(direct.headers['access-control-allow-origin'], undefined);
    // Buyer routes keep theirs.
    assert.equal((await preflight('POST', '/v1/carts')).headers['access-control-allow-origin'], '*');
    assert.equal((await preflight('GET', '/v1/me')).headers['access-control-allow-origin'], '*');
  });

  it('allows only the configured origins on buyer routes, and on server routes only those named for them', async () => {
    const listed = await createTestApp({ corsOrigins: ['https://shop.example.com'], serverCorsOrigins: ['http://localhost:8000'] });
    const preflight = (origin: string, url: string) =>
      listed.app.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    try {
      assert.equal((await preflight('https://shop.example.com', '/v1/price-quotes')).headers['access-control-allow-origin'], 'https://shop.example.com');
      assert.equal((await preflight('https://evil.example', '/v1/price-quotes')).headers['access-control-allow-origin'], undefined);
      assert.equal((await preflight('https://shop.example.com', '/v1/partner/customer-tokens')).headers['access-control-allow-origin'], undefined);
      assert.equal((await preflight('http://localhost:8000', '/v1/partner/customer-tokens')).headers['access-control-allow-origin'], 'http://localhost:8000');
      assert.equal((await preflight('http://localhost:8000', '/v1/price-quotes')).headers['access-control-allow-origin'], undefined);
    } finally {
      await listed.close();
    }
  });
});
