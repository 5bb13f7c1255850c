import type { OrderWebhookEvent } from '@kontor/core';
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { sendWebhook, type WebhookConfig } from './webhook.js';

/** What the worker hands the mailer: the event as webhooks get it, plus the order's company. */
export interface OutboxMailEvent extends OrderWebhookEvent {
  companyId: string;
}

/** Sends the mails of one event (see mail/mailer.ts); throws to have it retried. */
export interface OutboxMailer {
  deliver(event: OutboxMailEvent): Promise<void>;
}

/** pino's and Fastify's logger fit. */
export interface OutboxLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  now?: () => Date;
  webhooks?: WebhookConfig[];
  mailer?: OutboxMailer | null;
  logger?: OutboxLogger;
  /** Polling interval of `start()`; default 1000 ms. */
  pollMs?: number;
  /** Attempts before a delivery is dead; default 8. */
  maxAttempts?: number;
  /** Deliveries claimed (and sent in parallel) at a time; default 10. */
  batchSize?: number;
  /** How long a claim keeps other workers off; default 60 s (more than a webhook's timeout). */
  leaseMs?: number;
  /** Webhook timeout; default 10 s. */
  timeoutMs?: number;
  /** Back-off: `baseDelayMs × 2^(attempts − 1)`, at most `maxDelayMs`, times 0.8–1.2 (jitter). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Random source of the jitter (tests). */
  random?: () => number;
  fetch?: typeof fetch;
  /**
   * Called after a delivery was sent and before it is marked (tests): a throw here acts like a
   * crash — nothing is marked, `runOnce()` rejects, the lease runs out and it is sent again.
   */
  afterSend?: (delivery: ClaimedDelivery) => void | Promise<void>;
}

export interface ClaimedDelivery {
  eventId: string;
  target: string;
  /** Including this one. */
  attempts: number;
}

export interface OutboxRunResult {
  delivered: number;
  retried: number;
  dead: number;
}

export interface OutboxWorker {
  /** Starts polling (and answering `wake()`). */
  start(): void;
  /** Stops polling and waits for the deliveries in flight. */
  stop(): Promise<void>;
  /** Delivers everything due now, batch by batch, and returns what happened. */
  runOnce(): Promise<OutboxRunResult>;
  /** Runs soon (after the caller's commit); polling is the fallback. */
  wake(): void;
}

/** Wake-ups after `wake()`: soon, and once more in case the transaction was still open. */
const WAKE_DELAYS_MS = [25, 300];
/** Batches of one `runOnce()`, so a long backlog does not starve stop(). */
const MAX_BATCHES = 50;

/**
 * Delivers the outbox: claims due pending deliveries — each order's events to a target one after
 * the other, by their `sequence` — with a lease (`locked_until`; on PostgreSQL
 * `for update skip locked` in the claim transaction, so workers in other processes skip them),
 * sends them, marks them delivered, or schedules a retry with exponential back-off; after
 * `maxAttempts` a delivery is `dead` with its last error. At least once: a crash between sending
 * and marking sends again when the lease has run out.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const {
    db,
    now = () => new Date(),
    webhooks = [],
    mailer = null,
    logger,
    pollMs = 1000,
    maxAttempts = 8,
    batchSize = 10,
    leaseMs = 60_000,
    timeoutMs = 10_000,
    baseDelayMs = 30_000,
    maxDelayMs = 3_600_000,
    random = Math.random,
  } = options;
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const hooks = new Map(webhooks.map((w) => [`webhook:${w.name}`, w]));
  const stopping = new AbortController();

  const backoffMs = (attempts: number) => Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1)) * (0.8 + 0.4 * random());

  /** Leases up to a batch of due deliveries; `found` counts those seen (others may have won some). */
  async function claim(): Promise<{ claimed: ClaimedDelivery[]; found: number }> {
    const at = now();
    const nowIso = at.toISOString();
    const until = new Date(at.getTime() + leaseMs).toISOString();
    const take = async (q: Kysely<Database>): Promise<{ claimed: ClaimedDelivery[]; found: number }> => {
      let select = q
        .selectFrom('outbox_deliveries as d')
        .innerJoin('outbox_events as e', 'e.id', 'd.event_id')
        .select(['d.event_id', 'd.target', 'd.attempts'])
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', nowIso)
        .where((eb) => eb.or([eb('d.locked_until', 'is', null), eb('d.locked_until', '<=', nowIso)]))
        // In order per order and target: not while an earlier event of the same order is still
        // pending for this target (being sent, or waiting for its next attempt). A dead one does
        // not hold the order's later events back.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('outbox_deliveries as d2')
                .innerJoin('outbox_events as e2', 'e2.id', 'd2.event_id')
                .select('d2.event_id')
                .whereRef('d2.target', '=', 'd.target')
                .where('d2.status', '=', 'pending')
                .whereRef('e2.aggregate_id', '=', 'e.aggregate_id')
                .whereRef('e2.sequence', '<', 'e.sequence'),
            ),
          ),
        )
        .orderBy('d.next_attempt_at')
        .orderBy('d.event_id')
        .limit(batchSize);
      if (isPostgres) select = select.forUpdate('d').skipLocked();
      const rows = await select.execute();
      const claimed: ClaimedDelivery[] = [];
      for (const row of rows) {
        // Compare-and-set: only one worker moves a free lease, whatever the database.
        const res = await q
          .updateTable('outbox_deliveries')
          .set({ locked_until: until, attempts: row.attempts + 1 })
          .where('event_id', '=', row.event_id)
          .where('target', '=', row.target)
          .where('status', '=', 'pending')
          .where('attempts', '=', row.attempts)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 1) claimed.push({ eventId: row.event_id, target: row.target, attempts: row.attempts + 1 });
      }
      return { claimed, found: rows.length };
    };
    return isPostgres ? db.transaction().execute((trx) => take(trx)) : take(db);
  }

  async function deliver(delivery: ClaimedDelivery, event: OutboxMailEvent): Promise<void> {
    const { companyId: _company, ...webhookEvent } = event;
    if (delivery.target === 'mail') {
      if (!mailer) throw new Error('no mailer is configured');
      await mailer.deliver(event);
      return;
    }
    const webhook = hooks.get(delivery.target);
    if (!webhook) throw new Error(`${delivery.target} is not configured`);
    await sendWebhook(webhook, webhookEvent, { now: now(), timeoutMs, signal: stopping.signal, fetch: options.fetch });
  }

  const pk = (d: ClaimedDelivery) => (q: Kysely<Database>) =>
    q.updateTable('outbox_deliveries').where('event_id', '=', d.eventId).where('target', '=', d.target).where('status', '=', 'pending');

  async function processOne(delivery: ClaimedDelivery, event: OutboxMailEvent | undefined, result: OutboxRunResult): Promise<void> {
    try {
      if (!event) throw new Error('the event is missing');
      await deliver(delivery, event);
    } catch (error) {
      const message = (error as Error).message || String(error);
      if (stopping.signal.aborted) {
        // Interrupted by stop(): not the target's fault; free it for the next run without counting.
        await pk(delivery)(db).set({ locked_until: null, attempts: delivery.attempts - 1 }).execute();
        return;
      }
      if (delivery.attempts >= maxAttempts) {
        await pk(delivery)(db).set({ status: 'dead', locked_until: null, last_error: message.slice(0, 1000) }).execute();
        result.dead++;
        logger?.error({ eventId: delivery.eventId, target: delivery.target, attempts: delivery.attempts, error: message }, 'outbox: delivery is dead');
      } else {
        const next = new Date(now().getTime() + backoffMs(delivery.attempts)).toISOString();
        await pk(delivery)(db).set({ next_attempt_at: next, locked_until: null, last_error: message.slice(0, 1000) }).execute();
        result.retried++;
        logger?.warn({ eventId: delivery.eventId, target: delivery.target, attempts: delivery.attempts, next, error: message }, 'outbox: delivery failed, will retry');
      }
      return;
    }
    // Sent. A crash from here until the update means it is sent again (at least once).
    await options.afterSend?.(delivery);
    await pk(delivery)(db).set({ status: 'delivered', delivered_at: now().toISOString(), locked_until: null, last_error: null }).execute();
    result.delivered++;
  }

  async function runOnce(): Promise<OutboxRunResult> {
    const result: OutboxRunResult = { delivered: 0, retried: 0, dead: 0 };
    for (let batch = 0; batch < MAX_BATCHES && !stopping.signal.aborted; batch++) {
      const { claimed, found } = await claim();
      if (!found) break;
      // Another worker leased all we saw: look again (they are no longer due for us).
      if (!claimed.length) continue;
      const ids = [...new Set(claimed.map((d) => d.eventId))];
      const rows = await db.selectFrom('outbox_events').selectAll().where('id', 'in', ids).execute();
      const events = new Map(
        rows.map((r) => [
          r.id,
          {
            id: r.id,
            // Mail-only kinds (standing orders, offers, reorder reminders) ride on the order
            // event's shape; the mailers dispatch on `type`, and webhooks get order events only.
            type: r.type as OrderWebhookEvent['type'],
            sequence: Number(r.sequence),
            occurredAt: r.created_at,
            data: JSON.parse(r.payload) as OrderWebhookEvent['data'],
            companyId: r.company_id,
          },
        ]),
      );
      await Promise.all(claimed.map((d) => processOne(d, events.get(d.eventId), result)));
    }
    return result;
  }

  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;
  let running: Promise<void> | null = null;
  let again = false;

  function schedule(ms: number): void {
    if (!started) return;
    const at = Date.now() + ms;
    if (timer && timerAt <= at) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(tick, ms);
    timer.unref?.();
  }

  function tick(): void {
    timer = undefined;
    timerAt = Infinity;
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .then(() => undefined)
      .catch((error: unknown) => logger?.error({ error: (error as Error).message }, 'outbox: run failed'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule(0);
        } else schedule(pollMs);
      });
  }

  return {
    start() {
      if (started || stopping.signal.aborted) return;
      started = true;
      schedule(0);
    },
    async stop() {
      started = false;
      clearTimeout(timer);
      timer = undefined;
      stopping.abort();
      await running;
    },
    runOnce,
    wake() {
      for (const ms of WAKE_DELAYS_MS) setTimeout(() => schedule(0), ms).unref?.();
    },
  };
}
