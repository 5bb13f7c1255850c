import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OrderWebhookEvent } from '@kontor/core';

/** A webhook the outbox delivers every order event to. */
export interface WebhookConfig {
  /** Short name (letters, digits, `-`, `_`): the delivery target is `webhook:<name>`. */
  name: string;
  url: string;
  /** HMAC-SHA256 key of the `kontor-signature` header. */
  secret: string;
}

const NAME = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Parses `KONTOR_WEBHOOKS`: comma-separated `name=url#secret`, e.g.
 * `erp=https://erp.example/kontor#s3cret,crm=http://crm.local/hook#other`. The secret is what
 * follows the last `#` (so it is never sent as part of the URL); it may not contain `,` or `#`.
 */
export function parseWebhooks(value: string | undefined): WebhookConfig[] {
  if (!value?.trim()) return [];
  const seen = new Set<string>();
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      const hash = part.lastIndexOf('#');
      if (eq < 1 || hash < eq) throw new Error(`KONTOR_WEBHOOKS: expected name=url#secret, got "${part.replace(/#.*/, '#…')}"`);
      const webhook = { name: part.slice(0, eq), url: part.slice(eq + 1, hash), secret: part.slice(hash + 1) };
      validateWebhook(webhook);
      if (seen.has(webhook.name)) throw new Error(`KONTOR_WEBHOOKS: the name "${webhook.name}" appears twice`);
      seen.add(webhook.name);
      return webhook;
    });
}

/** Throws on a bad name, a URL that is not http(s) or an empty secret. */
export function validateWebhook(webhook: WebhookConfig): void {
  if (!NAME.test(webhook.name)) throw new Error(`webhook name "${webhook.name}": use 1–40 letters, digits, - or _`);
  let url: URL;
  try {
    url = new URL(webhook.url);
  } catch {
    throw new Error(`webhook ${webhook.name}: "${webhook.url}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`webhook ${webhook.name}: only http(s) URLs`);
  if (webhook.secret.length < 8) throw new Error(`webhook ${webhook.name}: the secret needs at least 8 characters`);
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`. */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/**
 * Checks a `kontor-signature` header against the raw body (what a receiver does; also in
 * docs/server.md). Refuses signatures older (or newer) than `toleranceSeconds`.
 */
export function verifyWebhookSignature(secret: string, body: string, header: string | undefined, now = new Date(), toleranceSeconds = 300): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * POSTs one event. Resolves on a 2xx; rejects on any other status, a network error or after
 * `timeoutMs` (the outbox then retries).
 */
export async function sendWebhook(
  webhook: WebhookConfig,
  event: OrderWebhookEvent,
  options: { now: Date; timeoutMs: number; signal?: AbortSignal | undefined; fetch?: typeof fetch | undefined },
): Promise<void> {
  const body = JSON.stringify(event);
  const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Kontor-Webhooks/1',
        'kontor-event-id': event.id,
        'kontor-event-type': event.type,
        'kontor-signature': signWebhook(webhook.secret, body, options.now),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    const e = error as Error;
    if (e.name === 'TimeoutError') throw new Error(`webhook ${webhook.name}: no answer within ${options.timeoutMs} ms`);
    const cause = (e.cause as Error | undefined)?.message;
    throw new Error(`webhook ${webhook.name}: ${e.message}${cause ? ` (${cause})` : ''}`);
  }
  // Read the answer so the connection can be reused; keep a little of it for last_error.
  const text = await res.text().catch(() => '');
  if (res.status < 200 || res.status > 299) {
    throw new Error(`webhook ${webhook.name}: HTTP ${res.status}${text ? ` ${text.slice(0, 200)}` : ''}`);
  }
}
