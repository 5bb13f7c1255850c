import {
  addDays,
  afterRun,
  dayAt,
  deliveryCalendar,
  dueRuns,
  endIfOver,
  nextRun,
  runContent,
  runPurchaseOrderNumber,
  type BusinessCalendar,
  type ErrorIssue,
  type Occurrence,
  type StandingOrder,
} from '@kontor/core';
import { PostgresAdapter, type Transaction } from 'kysely';
import { availabilityContext } from '../availability/availability.service.js';
import { newId } from '../db/cart.queries.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import {
  claimDueStandingOrder,
  dueStandingOrderIds,
  insertLinks,
  insertReminder,
  insertRun,
  nextDueAt,
  reminderKeys,
  runKeys,
  updateStandingOrderRow,
  type StandingOrderRow,
  type StandingOrderRunRow,
} from '../db/standing-order.queries.js';
import type { AppDeps } from '../http/route.js';
import type { OutboxDeps } from '../outbox/outbox.js';
import type { OutboxLogger } from '../outbox/worker.js';
import { dataOf, LOOK_BACK_DAYS, loadWarehouses, lookBackKey, nextDue, reminderAt, standingOrderOf, type Warehouses } from './context.js';
import { newLinkId } from './links.js';
import { enqueueStandingOrderMail, type MailLine } from './mails.js';
import { serverIssue } from './messages.js';
import { dryRun, runnerLang, runOccurrence, type RunResult } from './run.js';

type Tx = Transaction<Database>;

export interface StandingOrderSchedulerOptions {
  db: Db;
  /** The app's dependencies: the clock (`now`), the outbox, the delivery horizon. */
  deps: AppDeps & OutboxDeps;
  logger?: OutboxLogger | undefined;
  /** Standing orders fetched per batch; default 100. */
  batchSize?: number | undefined;
  /** Standing orders worked on at once (PostgreSQL; SQLite has one connection): default 4 on PostgreSQL, 1 on SQLite. */
  concurrency?: number | undefined;
  /** Longest sleep between passes, for changes made by other processes; default 60 s. */
  maxSleepMs?: number | undefined;
  /** The seller's address that hears of failed runs too; none by default. */
  sellerEmail?: string | null | undefined;
  /**
   * Called in a run's transaction after the standing order is claimed and before the order is
   * placed (tests): a throw acts like a crash there — the transaction rolls back, `runOnce()`
   * rejects, and the next pass runs the occurrence (once).
   */
  afterClaim?: ((standingOrderId: string, occurrenceKey: string) => void | Promise<void>) | undefined;
}

export interface SchedulerRunResult {
  placed: number;
  failed: number;
  held: number;
  missed: number;
  skipped: number;
  reminders: number;
}

export interface StandingOrderScheduler {
  /** Starts passes: now, then at the next due instant (at most `maxSleepMs` apart), and on `wake()`. */
  start(): void;
  /** Stops and waits for the pass in flight. */
  stop(): Promise<void>;
  /** One pass at the app's clock: every due run placed or recorded, every due reminder sent. */
  runOnce(): Promise<SchedulerRunResult>;
  /** A pass soon (a standing order was created or changed). */
  wake(): void;
}

const ISSUE_FREE: ErrorIssue[] = [];
/**
 * Lets the event loop turn: on SQLite every query resolves at once, so a pass over many standing
 * orders would otherwise hold the loop (and every HTTP request) until it is done.
 */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** After a pass with a failure, the next one waits this long (what failed is still due). */
const RETRY_MS = 30_000;

/**
 * The standing-order scheduler. A pass looks up the standing orders with something due
 * (`next_at <= now`) and works on each in transactions of its own:
 *
 * 1. claim the standing order: `select … for update skip locked` on PostgreSQL (another process
 *    busy with it is passed by), the one writer on SQLite;
 * 2. decide with core's `dueRuns` (what has a run is `done`): skipped and missed occurrences are
 *    recorded, the first due one is run — placed through the checkout's placement, its run row
 *    (unique per standing order and occurrence) written in the same transaction as the order;
 * 3. one run per transaction, until nothing is due; then the reminders whose time has come (a
 *    row per occurrence, unique, with its mail in the outbox in the same transaction) and
 *    `next_at`, the next instant anything is due.
 *
 * A crash anywhere rolls back that transaction: the run is neither recorded nor placed and the
 * next pass runs it — once, as the unique run row cannot be written twice.
 */
export function createStandingOrderScheduler(options: StandingOrderSchedulerOptions): StandingOrderScheduler {
  const { db, deps, logger } = options;
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const batchSize = options.batchSize ?? 100;
  const concurrency = Math.max(1, isPostgres ? (options.concurrency ?? 4) : 1);
  const maxSleepMs = options.maxSleepMs ?? 60_000;
  const sellerEmail = options.sellerEmail ?? null;
  let stopped = false;

  const mailLines = (result: Pick<RunResult, 'plan'>): MailLine[] =>
    result.plan.priced.lines.map((l) => ({
      sku: l.sku, name: l.product?.name ?? { de: l.sku, en: l.sku }, unit: l.product?.unit ?? 'piece', quantity: l.quantity,
      priceUnit: l.priceUnit ?? 1, unitPrice: l.unitPrice ?? { amount: 0, currency: result.plan.currency }, net: l.net ?? { amount: 0, currency: result.plan.currency },
    }));

  /** Records a run that placed no order and tells the buyer (and the seller's address). */
  async function tellFailure(trx: Tx, row: StandingOrderRow, order: StandingOrder, result: RunResult, now: Date): Promise<void> {
    const run = result.run;
    const content = runContent(order, run.occurrence);
    const products = result.plan.products;
    await enqueueStandingOrderMail(trx, deps, {
      type: 'standing_order.run_failed',
      standingOrderId: row.id,
      companyId: row.company_id,
      data: {
        standingOrder: { id: row.id, name: order.name, userId: row.created_by_user_id },
        company: { name: result.plan.caller?.company.name ?? '', customerNumber: result.plan.caller?.company.customerNumber ?? '' },
        run: { occurrence: run.occurrence, day: run.day, status: run.status as 'failed' | 'held', reason: JSON.parse(run.reason!) as ErrorIssue, notices: JSON.parse(run.notices) as ErrorIssue[] },
        lines: content.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, name: products.get(l.sku)?.name ?? { de: l.sku, en: l.sku }, unit: products.get(l.sku)?.unit ?? 'piece' })),
        address: content.deliveryAddress.address,
        seller: sellerEmail,
      },
    }, now);
  }

  /** A run row of an occurrence that placed nothing and needs no planning (skipped, missed). */
  const quietRun = (row: StandingOrderRow, o: Occurrence, status: 'skipped' | 'missed', now: Date, lang: 'de' | 'en'): StandingOrderRunRow => ({
    id: newId('sor'), company_id: row.company_id, standing_order_id: row.id, occurrence: o.key, day: o.day, kind: status === 'missed' ? 'catch_up' : 'scheduled',
    status, at: now.toISOString(), n: null, order_id: null, order_number: null, po_number: null,
    reason: JSON.stringify(serverIssue([], status === 'missed' ? 'run_missed' : 'run_skipped', { day: o.day }, lang)), notices: JSON.stringify(ISSUE_FREE), created_at: now.toISOString(),
  });

  /** Sends the reminders due at `now` (each once); returns the keys reminded so far. */
  async function remind(trx: Tx, row: StandingOrderRow, order: StandingOrder, ctx: { now: Date; calendar: BusinessCalendar | undefined; done: ReadonlySet<string> }, result: SchedulerRunResult): Promise<Set<string>> {
    const days = Number(row.reminder_days);
    if (days <= 0) return new Set();
    const reminded = await reminderKeys(trx, row.company_id, row.id, lookBackKey(order, ctx.now));
    const iso = ctx.now.toISOString();
    const passed = new Set(ctx.done);
    for (let i = 0; i < 20; i++) {
      const o = nextRun(order, { now: iso, ...(ctx.calendar ? { calendar: ctx.calendar } : {}), done: passed });
      if (!o || Date.parse(reminderAt(o, days, order.schedule)) > ctx.now.getTime()) break;
      passed.add(o.key);
      if (reminded.has(o.key)) continue;
      if (!(await insertReminder(trx, { standing_order_id: row.id, occurrence: o.key, company_id: row.company_id, event_id: null, created_at: iso }))) continue;
      reminded.add(o.key);
      result.reminders++;
      const dry = await dryRun(trx, row, order, o, { now: ctx.now, deliveryCalendar: async (country) => deliveryCalendar(await availabilityContext(trx as unknown as Db, ctx.now), country) });
      const links = { skip: newLinkId(), pause: newLinkId() };
      await insertLinks(trx, (['skip', 'pause'] as const).map((action) => ({
        id: links[action], company_id: row.company_id, standing_order_id: row.id, occurrence: o.key, action, expires_at: o.at, used_at: null, created_at: iso,
      })));
      const content = runContent(order, o.key);
      const eventId = await enqueueStandingOrderMail(trx, deps, {
        type: 'standing_order.reminder',
        standingOrderId: row.id,
        companyId: row.company_id,
        data: {
          standingOrder: { id: row.id, name: order.name, userId: row.created_by_user_id },
          occurrence: o,
          lines: mailLines(dry),
          totals: dry.plan.priced.totals,
          priceMode: order.priceMode.kind,
          arrives: dry.arrives,
          short: dry.plan.short,
          notices: dry.plan.notices,
          warnings: dry.warnings,
          address: content.deliveryAddress.address,
          payment: content.payment.method,
          purchaseOrderNumber: runPurchaseOrderNumber(order, o.day, order.runCount + 1),
          links,
        },
      }, ctx.now);
      await trx.updateTable('standing_order_reminders').set({ event_id: eventId }).where('standing_order_id', '=', row.id).where('occurrence', '=', o.key).execute();
    }
    return reminded;
  }

  /**
   * One step on one standing order in one transaction: claim it, record what is skipped or
   * missed, run the first due occurrence. `true` when more is due now (call again).
   */
  async function step(id: string, warehouses: Warehouses, now: Date, result: SchedulerRunResult): Promise<boolean> {
    const iso = now.toISOString();
    return db.transaction().execute(async (trx) => {
      const row = await claimDueStandingOrder(trx, id, iso);
      if (!row) return false;
      let order = standingOrderOf(row);
      const calendar = warehouses.calendarOf(order.warehouseId, now);
      const since = row.checked_at;
      const fromKey = [lookBackKey(order, now), addDays(dayAt(since, order.schedule.timeZone), -LOOK_BACK_DAYS)].sort()[0]!;
      const done = (await runKeys(trx, row.company_id, [row.id], fromKey)).get(row.id)!;
      const lang = runnerLang(null);
      const decision = dueRuns(order, { now: iso, ...(calendar ? { calendar } : {}), done, since, lang });

      for (const o of decision.skipped) {
        if (await insertRun(trx, quietRun(row, o, 'skipped', now, lang))) result.skipped++;
        order = afterRun(order, { occurrence: o.key, placed: false }, iso);
        done.add(o.key);
      }
      for (const o of decision.missed) {
        if (await insertRun(trx, quietRun(row, o, 'missed', now, lang))) result.missed++;
        order = afterRun(order, { occurrence: o.key, placed: false }, iso);
        done.add(o.key);
      }
      const due = decision.due[0];
      if (due) {
        await options.afterClaim?.(row.id, due.key);
        const run = await runOccurrence(trx, deps, row, order, due.occurrence, { kind: due.kind, now, issue: due.issue });
        // The lock makes a second writer impossible; should one exist anyway, the unique index refuses it and this rolls back.
        if (!(await insertRun(trx, run.run))) throw new Error(`standing order ${row.id}: occurrence ${due.key} has a run already`);
        if (run.run.status === 'placed') result.placed++;
        else {
          if (run.run.status === 'held') result.held++;
          else result.failed++;
          await tellFailure(trx, row, order, run, now);
        }
        order = afterRun(order, { occurrence: due.key, placed: run.run.status === 'placed' }, iso);
        done.add(due.key);
      }
      const more = decision.due.length > 1;
      order = endIfOver(order, { now: iso, ...(calendar ? { calendar } : {}), done });
      const reminded = more ? new Set<string>() : await remind(trx, row, order, { now, calendar, done }, result);
      const nextAt = more ? iso : nextDue(order, { now, calendar, done, reminded, reminderDays: Number(row.reminder_days) });
      await updateStandingOrderRow(trx, { companyId: row.company_id, id: row.id }, {
        data: dataOf(order), status: order.status, next_at: nextAt, checked_at: more ? row.checked_at : iso, updated_at: iso,
      });
      return more;
    });
  }

  async function runOnce(): Promise<SchedulerRunResult> {
    const result: SchedulerRunResult = { placed: 0, failed: 0, held: 0, missed: 0, skipped: 0, reminders: 0 };
    const now = deps.now();
    const iso = now.toISOString();
    const warehouses = await loadWarehouses(db);
    const errors: unknown[] = [];
    let after: { nextAt: string; id: string } | undefined;
    for (;;) {
      if (stopped) break;
      const batch = await dueStandingOrderIds(db, iso, batchSize, after);
      if (!batch.length) break;
      after = { nextAt: batch.at(-1)!.next_at, id: batch.at(-1)!.id };
      let next = 0;
      const worker = async () => {
        while (next < batch.length && !stopped) {
          const { id } = batch[next++]!;
          try {
            // Step until nothing more is due now (several runs: catch-up).
            for (let guard = 0; guard < 10_000 && (await step(id, warehouses, now, result)); guard++) await turn();
            await turn();
          } catch (error) {
            // Its transaction rolled back: nothing of it is recorded, the next pass tries again. The others go on.
            errors.push(error);
            logger?.error({ standingOrderId: id, error: (error as Error).message }, 'standing orders: a run failed and was rolled back; it is tried again');
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
    }
    if (errors.length) throw errors[0] instanceof Error ? errors[0] : new Error(String(errors[0]));
    return result;
  }

  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;
  let again = false;

  function schedule(ms: number): void {
    if (!started || stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, Math.max(0, Math.min(ms, maxSleepMs)));
    timer.unref?.();
  }

  function tick(): void {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .then(async () => {
        // Sleep until the next due instant on the app's clock.
        const next = await nextDueAt(db).catch(() => null);
        if (next === null) return maxSleepMs;
        // Still due after a pass: another process holds it (skip locked); look again in a second, not at once.
        const ms = Date.parse(next) - deps.now().getTime();
        return ms > 0 ? ms : 1000;
      })
      .catch((error: unknown) => {
        // What failed is still due: try again after a while, not at once.
        logger?.error({ error: (error as Error).message }, 'standing orders: pass failed');
        return RETRY_MS;
      })
      .then((ms) => {
        running = null;
        if (again) {
          again = false;
          schedule(0);
        } else schedule(ms);
      });
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      schedule(0);
    },
    async stop() {
      stopped = true;
      started = false;
      clearTimeout(timer);
      await running;
    },
    runOnce,
    wake() {
      // After the caller's commit.
      setTimeout(() => schedule(0), 25).unref?.();
    },
  };
}
