import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { hashToken } from '../auth/tokens.js';
import { TEST_JWT_SECRET, auth, createTestApp, type TestApp } from '../testing/test-app.js';

const PARTNER_KEY = 'kpk_demo_nord_2026';

describe('identity routes', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const login = (email: string, password: string, lang?: string) =>
    t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password }, headers: lang ? { 'accept-language': lang } : {} });

  describe('POST /v1/auth/login', () => {
    it('returns a session with user and company for the right password', async () => {
      const res = await login('einkauf@elektro-mueller.de', 'kontor-demo');
      assert.equal(res.statusCode, 201);
      const body = res.json();
      assert.match(body.token, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(body.user.role, 'buyer');
      assert.deepEqual(body.company, { id: 'cmp_mueller', name: 'Elektro Müller GmbH', customerNumber: 'K-10001' });
      const hours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000;
      assert.ok(hours > 11.9 && hours <= 12);
    });

    it('stores only the hash of the session token', async () => {
      const { token } = (await login('kauf@baulicht.de', 'kontor-demo')).json();
      const rows = await t.db.selectFrom('sessions').select('token_hash').execute();
      assert.ok(rows.some((r) => r.token_hash === hashToken(token)));
      assert.ok(rows.every((r) => r.token_hash !== token));
    });

    it('answers 401 for a wrong password', async () => {
      const res = await login('einkauf@elektro-mueller.de', 'wrong');
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'unauthorized');
    });

    it('answers an unknown e-mail with the same 401 and message as a wrong password', async () => {
      const wrong = await login('einkauf@elektro-mueller.de', 'wrong', 'de');
      const unknown = await login('niemand@example.com', 'wrong', 'de');
      assert.equal(unknown.statusCode, 401);
      assert.deepEqual(unknown.json(), wrong.json());
      assert.equal(unknown.json().message, 'E-Mail oder Passwort ist falsch.');
    });

    it('answers 400 validation for a malformed e-mail', async () => {
      const res = await login('not-an-email', 'x');
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'validation');
      assert.deepEqual(res.json().issues[0].path, ['email']);
    });
  });

  describe('GET /v1/me', () => {
    it('describes a signed-in user', async () => {
      const token = await t.login('pruefung@elektro-mueller.de');
      const res = await t.app.inject({ url: '/v1/me', headers: auth(token) });
      assert.equal(res.statusCode, 200);
      const me = res.json();
      assert.equal(me.kind, 'user');
      assert.equal(me.channel, 'web');
      assert.equal(me.user.role, 'approver');
      assert.equal(me.user.locale, 'en');
      assert.equal(me.company.id, 'cmp_mueller');
      assert.equal(me.partner, null);
    });

    it('describes a partner key', async () => {
      const res = await t.app.inject({ url: '/v1/me', headers: auth(PARTNER_KEY) });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { kind: 'partner', channel: 'api', user: null, company: null, partner: { id: 'ptn_nord', name: 'ElektroPartner Nord GmbH' }, expiresAt: null });
    });

    it('describes a customer token minted by the partner', async () => {
      const mint = await t.app.inject({ method: 'POST', url: '/v1/partner/customer-tokens', headers: auth(PARTNER_KEY), payload: { companyId: 'cmp_baulicht', ttlSeconds: 600 } });
      assert.equal(mint.statusCode, 201);
      const { token, expiresAt, companyId } = mint.json();
      assert.equal(companyId, 'cmp_baulicht');
      const seconds = (Date.parse(expiresAt) - Date.now()) / 1000;
      assert.ok(seconds > 590 && seconds <= 600);
      const me = (await t.app.inject({ url: '/v1/me', headers: auth(token) })).json();
      assert.equal(me.kind, 'customer');
      assert.equal(me.channel, 'partner');
      assert.equal(me.company.id, 'cmp_baulicht');
      assert.equal(me.partner.id, 'ptn_nord');
      assert.equal(me.user, null);
    });
  });

  describe('bearer tokens', () => {
    it('answers 401 without a token', async () => {
      const res = await t.app.inject({ url: '/v1/products' });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'unauthorized');
    });

    it('answers 401 for an unknown session token, a bad JWT and an unknown partner key', async () => {
      for (const token of ['nope', 'a.b.c', 'kpk_unknown']) {
        const res = await t.app.inject({ url: '/v1/me', headers: auth(token) });
        assert.equal(res.statusCode, 401, token);
      }
    });

    it('answers 401 for an expired session', async () => {
      const token = await t.login('einkauf@schmidt-haustechnik.de');
      await t.db.updateTable('sessions').set({ expires_at: '2020-01-01T00:00:00.000Z' }).where('token_hash', '=', hashToken(token)).execute();
      const res = await t.app.inject({ url: '/v1/me', headers: auth(token) });
      assert.equal(res.statusCode, 401);
    });

    it('answers 401 for an expired customer token', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      const jwt = await new SignJWT({ cmp: 'cmp_baulicht', ptn: 'ptn_nord', channel: 'partner' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('kontor')
        .setAudience('kontor-api')
        .setIssuedAt(past - 600)
        .setExpirationTime(past)
        .sign(new TextEncoder().encode(TEST_JWT_SECRET));
      const res = await t.app.inject({ url: '/v1/products', headers: auth(jwt) });
      assert.equal(res.statusCode, 401);
    });

    it('answers 401 for a customer token signed with another secret', async () => {
      const jwt = await new SignJWT({ cmp: 'cmp_baulicht', ptn: 'ptn_nord', channel: 'partner' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('kontor')
        .setAudience('kontor-api')
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode('another-secret-another-secret-another'));
      assert.equal((await t.app.inject({ url: '/v1/me', headers: auth(jwt) })).statusCode, 401);
    });

    it('answers 403 for a partner key on a buyer route', async () => {
      const res = await t.app.inject({ url: '/v1/products', headers: auth(PARTNER_KEY) });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'forbidden');
    });

    it('answers 403 for a session token on a partner route', async () => {
      const token = await t.login('einkauf@elektro-mueller.de');
      const res = await t.app.inject({ url: '/v1/partner/companies', headers: auth(token) });
      assert.equal(res.statusCode, 403);
    });

    it('ends the session on logout', async () => {
      const token = await t.login('anna.mueller@elektro-mueller.de');
      const out = await t.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: auth(token) });
      assert.equal(out.statusCode, 204);
      assert.equal((await t.app.inject({ url: '/v1/me', headers: auth(token) })).statusCode, 401);
    });
  });

  describe('partner routes', () => {
    it('lists only the companies the partner serves', async () => {
      const res = await t.app.inject({ url: '/v1/partner/companies', headers: auth(PARTNER_KEY) });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().items, [{ id: 'cmp_baulicht', name: 'Bau & Licht AG', customerNumber: 'K-10003' }]);
    });

    it("answers 404 for a customer token for another partner's company", async () => {
      for (const companyId of ['cmp_sonne', 'cmp_mueller', 'cmp_doesnotexist']) {
        const res = await t.app.inject({ method: 'POST', url: '/v1/partner/customer-tokens', headers: auth(PARTNER_KEY), payload: { companyId } });
        assert.equal(res.statusCode, 404, companyId);
        assert.equal(res.json().code, 'not_found');
      }
    });

    it('answers 400 for a token lifetime outside 60–3600 seconds', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/v1/partner/customer-tokens', headers: auth(PARTNER_KEY), payload: { companyId: 'cmp_baulicht', ttlSeconds: 7200 } });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().issues[0].path, ['ttlSeconds']);
    });

    it('rejects a customer token once the partner no longer serves the company', async () => {
      const mint = await t.app.inject({ method: 'POST', url: '/v1/partner/customer-tokens', headers: auth(PARTNER_KEY), payload: { companyId: 'cmp_baulicht' } });
      const { token } = mint.json();
      await t.db.updateTable('companies').set({ partner_id: null }).where('id', '=', 'cmp_baulicht').execute();
      try {
        assert.equal((await t.app.inject({ url: '/v1/me', headers: auth(token) })).statusCode, 401);
      } finally {
        await t.db.updateTable('companies').set({ partner_id: 'ptn_nord' }).where('id', '=', 'cmp_baulicht').execute();
      }
    });
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ loginRateLimit: { max: 3, timeWindowMs: 60_000 } });
  });
  after(() => t.close());

  it('answers 429 rate_limited in the Kontor error shape after too many attempts', async () => {
    const attempt = () => t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'einkauf@elektro-mueller.de', password: 'guess' }, headers: { 'accept-language': 'de' } });
    for (let i = 0; i < 3; i++) assert.equal((await attempt()).statusCode, 401);
    const res = await attempt();
    assert.equal(res.statusCode, 429);
    const body = res.json();
    assert.equal(body.status, 429);
    assert.equal(body.code, 'rate_limited');
    assert.equal(body.message, 'Zu viele Anfragen. Bitte warten Sie einen Moment.');
    assert.ok(Number(res.headers['retry-after']) > 0);
  });

  it('counts per e-mail, so other users on the same IP can still sign in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'kauf@baulicht.de', password: 'kontor-demo' } });
    assert.equal(res.statusCode, 201);
  });
});

describe("the app's clock, not the wall clock, decides", () => {
  // Three years away from any date this suite runs on, in both directions.
  for (const start of ['2023-03-01T09:00:00Z', '2031-03-01T09:00:00Z']) {
    describe(`with the clock at ${start}`, () => {
      let t: TestApp;
      let clock = new Date(start);
      before(async () => {
        t = await createTestApp({ now: () => clock, loginRateLimit: { max: 2, timeWindowMs: 60_000 } });
      });
      after(() => t.close());
      const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

      it('keeps a customer token valid until its expiry on that clock and refuses it after', async () => {
        const minted = await t.app.inject({ method: 'POST', url: '/v1/partner/customer-tokens', headers: auth(PARTNER_KEY), payload: { companyId: 'cmp_baulicht', ttlSeconds: 600 } });
        assert.equal(minted.statusCode, 201);
        const { token, expiresAt } = minted.json() as { token: string; expiresAt: string };
        assert.equal(expiresAt, new Date(clock.getTime() + 600_000).toISOString());
        assert.equal((await t.app.inject({ url: '/v1/me', headers: auth(token) })).statusCode, 200);
        advance(599_000);
        assert.equal((await t.app.inject({ url: '/v1/me', headers: auth(token) })).statusCode, 200);
        advance(2_000);
        assert.equal((await t.app.inject({ url: '/v1/me', headers: auth(token) })).statusCode, 401);
      });

      it('opens a new login window when that clock has moved past the old one', async () => {
        const attempt = () => t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'kauf@baulicht.de', password: 'guess' } });
        assert.equal((await attempt()).statusCode, 401);
        assert.equal((await attempt()).statusCode, 401);
        assert.equal((await attempt()).statusCode, 429);
        advance(59_000);
        assert.equal((await attempt()).statusCode, 429);
        advance(1_000);
        assert.equal((await attempt()).statusCode, 401);
      });

      it('keeps a session until its expiry on that clock', async () => {
        const res = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'einkauf@elektro-mueller.de', password: 'kontor-demo' } });
        assert.equal(res.statusCode, 201);
        const { token, expiresAt } = res.json() as { token: string; expiresAt: string };
        assert.equal((await t.app.inject({ url: '/v1/me', headers: auth(token) })).statusCode, 200);
        clock = new Date(new Date(expiresAt).getTime() + 1_000);
        assert.equal((await t.app.inject({ url: '/v1/me', headers: auth(token) })).statusCode, 401);
      });
    });
  }
});
