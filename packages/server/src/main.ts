#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.js';
import { openDatabase } from './db/database.js';
import { describeMail, mailOptionsFromEnv } from './mail/env.js';
import { parsePartnerOrigins } from './partners/partner-access.js';
import { migrate } from './db/migrations.js';
import { parseWebhooks } from './outbox/webhook.js';
import { isEmpty, seed } from './seed/seed.js';
import { DEMO_PASSWORD, generateWorld } from './seed/world.js';

/** A secret from the environment, else one generated once and kept (0600) in the data dir. */
function jwtSecret(dataDir: string): string {
  const fromEnv = process.env.KONTOR_JWT_SECRET;
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  const port = Number(process.env.KONTOR_PORT ?? 8787);
  const host = process.env.KONTOR_HOST ?? '127.0.0.1';
  const dataDir = process.env.KONTOR_DATA_DIR ?? './.data';
  const seedMode = process.env.KONTOR_SEED ?? 'demo';
  mkdirSync(dataDir, { recursive: true });
  // The one clock of this process: the seed, tokens, sessions, jobs and rate windows all read it.
  const now = (): Date => new Date();

  const { db, kind } = openDatabase({ url: process.env.KONTOR_DATABASE_URL, dataDir });
  await migrate(db);
  // A bigger catalogue for load tests and 1,000-line carts: KONTOR_SEED_PRODUCTS=2000.
  const products = Number(process.env.KONTOR_SEED_PRODUCTS ?? 240);
  if (!Number.isInteger(products) || products < 1 || products > 100_000) throw new Error('KONTOR_SEED_PRODUCTS must be a whole number from 1 to 100000');
  const world = generateWorld({ products });
  let seeded = false;
  if (seedMode === 'demo' && (await isEmpty(db))) {
    await seed(db, world, now());
    seeded = true;
  }

  // The outbox: webhooks (KONTOR_WEBHOOKS) and order mails (KONTOR_SMTP_URL, KONTOR_DEV_MAILBOX).
  const webhooks = parseWebhooks(process.env.KONTOR_WEBHOOKS);
  const mail = mailOptionsFromEnv(process.env);
  // Login attempts per IP and e-mail per minute (default 10); test servers that sign in often raise it.
  const loginLimit = Number(process.env.KONTOR_LOGIN_RATE_LIMIT ?? 10);
  if (!Number.isInteger(loginLimit) || loginLimit < 1) throw new Error('KONTOR_LOGIN_RATE_LIMIT must be a whole number ≥ 1');
  const horizon = Number(process.env.KONTOR_DELIVERY_HORIZON_DAYS ?? 365);
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error('KONTOR_DELIVERY_HORIZON_DAYS must be a whole number ≥ 1');
  // Pages that may call partner-key and ERP routes: none unless set (`*` or origins, comma-separated), for test setups.
  const serverCors = process.env.KONTOR_SERVER_CORS_ORIGINS?.trim();
  // Browser origins of partners' portals besides those in the database: `ptn_nord=https://portal.example.com,…;ptn_sued=…`.
  const partnerOrigins = parsePartnerOrigins(process.env.KONTOR_PARTNER_ORIGINS);
  // Standing orders: where mails' one-click links and the calendar feed point, who hears of failed
  // runs besides the buyer, and `KONTOR_STANDING_ORDER_SCHEDULER=off` for API-only processes.
  const publicUrl = process.env.KONTOR_PUBLIC_URL?.trim() || `http://${host.includes(':') ? `[${host}]` : host}:${port || 8787}`;
  const sellerEmail = process.env.KONTOR_STANDING_ORDER_SELLER_MAIL?.trim() || undefined;
  const scheduler = process.env.KONTOR_STANDING_ORDER_SCHEDULER === 'off' ? (false as const) : undefined;
  const app = await createApp({
    db,
    now,
    jwtSecret: jwtSecret(dataDir),
    logger: { level: process.env.KONTOR_LOG_LEVEL ?? 'warn' },
    webhooks,
    mail,
    loginRateLimit: { max: loginLimit, timeWindowMs: 60_000 },
    deliveryHorizonDays: horizon,
    publicUrl,
    standingOrders: { sellerEmail, scheduler },
    // The lines under the seller's name on offer documents, split by `|` (address, phone, VAT id …).
    ...(process.env.KONTOR_SELLER_LETTERHEAD ? { offers: { letterhead: process.env.KONTOR_SELLER_LETTERHEAD.split('|').map((l) => l.trim()).filter(Boolean) } } : {}),
    partnerOrigins,
    // The shop assistant's optional model: an OpenAI-compatible chat-completions server (llama.cpp, Ollama, vLLM, hosted).
    ...(process.env.KONTOR_ASSISTANT_MODEL_URL?.trim()
      ? { assistant: { model: { url: process.env.KONTOR_ASSISTANT_MODEL_URL.trim(), apiKey: process.env.KONTOR_ASSISTANT_MODEL_KEY?.trim() || undefined, model: process.env.KONTOR_ASSISTANT_MODEL?.trim() || 'default' } } }
      : {}),
    ...(serverCors ? { serverCorsOrigins: serverCors === '*' ? '*' : serverCors.split(',').map((o) => o.trim()).filter(Boolean) } : {}),
  });
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  // Tooling waits for exactly this line to learn the URL.
  console.log(`Kontor API listening on http://${shownHost}:${actualPort}`);
  console.log(`Database: ${kind}${seeded ? ' (demo world seeded)' : ''}`);
  console.log(`Order mails: ${describeMail(mail)}${webhooks.length ? `; webhooks: ${webhooks.map((w) => w.name).join(', ')}` : ''}`);
  if (mail.devMailbox) console.log(`Dev mailbox: http://${shownHost}:${actualPort}/dev/mailbox`);
  if (seedMode === 'demo') {
    console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const u of world.users) console.log(`  ${u.email.padEnd(34)} ${u.role.padEnd(8)} ${u.companyId}`);
    for (const r of world.sellerUsers ?? []) console.log(`  ${r.email.padEnd(34)} sales rep (seller, /v1/seller; alone up to ${r.approvalLimitBp / 100} % off list)`);
    for (const p of world.partners) console.log(`Partner API key ${p.id}: ${p.apiKey}`);
    for (const k of world.erpKeys) console.log(`ERP API key: ${k.apiKey}`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    try {
      await app.close();
      await db.destroy();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    const { address, port } = error as { address?: string; port?: number };
    console.error(`Kontor API failed to start: ${address}:${port} is already in use. Stop the other server or set KONTOR_PORT.`);
  } else {
    console.error('Kontor API failed to start:', error);
  }
  process.exit(1);
});
