import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { auth, createTestApp, testDbKind, type TestApp } from '../testing/test-app.js';

// Only PostgreSQL has server-side connections that can be killed under a running app.
if (testDbKind() === 'postgres') {
  describe('PostgreSQL connection pool', () => {
    let t: TestApp;
    let token: string;
    before(async () => {
      t = await createTestApp();
      token = await t.login('einkauf@elektro-mueller.de');
    });
    after(() => t.close());

    it('keeps serving after the database terminates its idle connections', async () => {
      const first = await t.app.inject({ method: 'GET', url: '/v1/products?limit=5', headers: auth(token) });
      assert.equal(first.statusCode, 200);
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.db);
      const admin = new pg.Client({ connectionString: process.env.KONTOR_TEST_DATABASE_URL });
      await admin.connect();
      try {
        const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [rows[0]!.name]);
        assert.ok(killed.rowCount! > 0, 'the app had connections to terminate');
      } finally {
        await admin.end();
      }
      // Let the pool see the closed sockets (that is when pg emits the error).
      await new Promise((r) => setTimeout(r, 200));
      const again = await t.app.inject({ method: 'GET', url: '/v1/products?limit=5', headers: auth(token) });
      assert.equal(again.statusCode, 200, again.body);
    });
  });
}
