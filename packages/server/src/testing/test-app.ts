import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createApp, type AppOptions } from '../app.js';
import { openDatabase, type Db, type DbKind } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { seed } from '../seed/seed.js';
import { DEMO_PASSWORD, generateWorld, type World } from '../seed/world.js';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  kind: DbKind;
  world: World;
  /** Signs in and returns the session token. */
  login(email: string, password?: string): Promise<string>;
  /** Listens on a free loopback port and returns the endpoint, for tests through the real SDK over HTTP. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Which database the suite runs on: `KONTOR_TEST_DB=sqlite|postgres` (default sqlite). */
export const testDbKind = (): DbKind => (process.env.KONTOR_TEST_DB === 'postgres' ? 'postgres' : 'sqlite');

/** A fresh, empty, isolated database: a temp SQLite file, or a new PostgreSQL database. */
async function freshDatabase(): Promise<{ db: Db; kind: DbKind; drop: () => Promise<void> }> {
  if (testDbKind() === 'postgres') {
    const adminUrl = process.env.KONTOR_TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('KONTOR_TEST_DB=postgres needs KONTOR_TEST_DATABASE_URL');
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const { db } = openDatabase({ url: url.toString() });
    return {
      db,
      kind: 'postgres',
      drop: async () => {
        await db.destroy();
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'kontor-test-'));
  const { db } = openDatabase({ sqliteFile: join(dir, 'kontor.sqlite') });
  return {
    db,
    kind: 'sqlite',
    drop: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An app on a fresh database seeded with the same world as the demo. */
export async function createTestApp(options: Partial<Omit<AppOptions, 'db'>> = {}): Promise<TestApp> {
  const { db, kind, drop } = await freshDatabase();
  await migrate(db);
  const world = generateWorld({ products: 240 });
  // Seeded at the app's clock, so receipts lie in the days after a test's fixed `now`.
  await seed(db, world, options.now?.() ?? new Date());
  const app = await createApp({ jwtSecret: TEST_JWT_SECRET, ...options, db });
  await app.ready();
  return {
    app,
    db,
    kind,
    world,
    async login(email, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password } });
      if (res.statusCode !== 201) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      return (res.json() as { token: string }).token;
    },
    async listen() {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (!address || typeof address !== 'object') throw new Error('the test app is not listening on a port');
      return `http://127.0.0.1:${address.port}`;
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

/** Request headers with a bearer token and an optional language. */
export const auth = (token: string, lang?: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  ...(lang ? { 'accept-language': lang } : {}),
});
