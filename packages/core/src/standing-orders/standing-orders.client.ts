import { standingOrderRoutes as routes } from '../api/standing-order.routes.js';
import { HttpError } from '../errors/http-error.js';
import { isKontorError } from '../errors/kontor-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { CallOptions, HttpClient } from '../http/http-client.js';
import type {
  CreateStandingOrderBody,
  StandingOrderActionResult,
  StandingOrderFeed,
  StandingOrderListQuery,
  StandingOrderRunListQuery,
  StandingOrderView,
  StandingOrderViewPage,
  SchedulePreviewBody,
  UpcomingRun,
  UpdateStandingOrderBody,
} from './standing-order.api.schema.js';
import type { SchedulePreview, StandingOrderActionRequest, StandingOrderRun } from './standing-order.schema.js';
import { localizeStandingOrderIssues } from './standing-order.parse.js';

/** A page of a standing order's runs, newest occurrence first. */
export interface StandingOrderRunPage {
  items: StandingOrderRun[];
  nextCursor: string | null;
}

/** What a lifecycle action takes, without the `version` (passed apart). */
export type StandingOrderAction =
  | { action: 'pause'; until?: string }
  | { action: 'resume' }
  | { action: 'cancel' }
  | { action: 'skip'; occurrence: string }
  | { action: 'unskip'; occurrence: string }
  | { action: 'order_now' };

export interface StandingOrdersClient {
  /** The company's standing orders, newest first, cursor-paged. */
  list(query?: StandingOrderListQuery, options?: CallOptions): Promise<StandingOrderViewPage>;
  /** One standing order with its next run as the server computes it now. @throws {@link HttpError} `not_found` for an id outside the caller's company. */
  get(standingOrderId: string, options?: CallOptions): Promise<StandingOrderView>;
  /**
   * Sets up a standing order exactly once: pass the same `idempotencyKey` on every retry. With
   * `from` (a cart or a past order) the lines, address and payment left out come from there.
   * @throws {@link ValidationError} with issues at their paths (`schedule.form.interval`, `lines.0.quantity`, `payment.method` …), before anything is sent when the body breaks the schemas.
   */
  create(body: CreateStandingOrderBody, options: CallOptions & { idempotencyKey: string }): Promise<StandingOrderView>;
  /**
   * Changes it from the next run on (`scope: 'from_next_run'`) or for one run (`'one_run'` with its `occurrence`), against the `version` the caller saw.
   * @throws {@link HttpError} `conflict` (409) with the current state in `details.standingOrder` when `version` is stale, or it was cancelled or has ended.
   */
  update(standingOrderId: string, body: UpdateStandingOrderBody, options?: CallOptions): Promise<StandingOrderView>;
  /**
   * Pause (until a day, or until resumed), resume, skip or unskip an occurrence, order now (uses up the next occurrence; `run` is the order it placed), cancel — against `version`.
   * Pass `idempotencyKey` to make a retry safe (order now places an order).
   * @throws {@link HttpError} `conflict` (409) with `details.standingOrder`, as {@link StandingOrdersClient.update}.
   * @example
   * ```ts
   * const { standingOrder } = await standingOrders.action(so.id, so.version, { action: 'pause', until: '2027-03-01' });
   * ```
   */
  action(standingOrderId: string, version: number, action: StandingOrderAction, options?: CallOptions): Promise<StandingOrderActionResult>;
  /** A schedule's summary in the client's language and its next occurrences (default 12) on the warehouse's business days, each with why it moved; saves nothing. */
  preview(body: SchedulePreviewBody, options?: CallOptions): Promise<SchedulePreview>;
  /** The coming runs of a stored standing order (default 12): scheduled, skipped or paused, with one-run changes and reminder times. */
  upcoming(standingOrderId: string, limit?: number, options?: CallOptions): Promise<UpcomingRun[]>;
  /** What its runs did, newest occurrence first: the order placed, or why not. */
  runs(standingOrderId: string, query?: StandingOrderRunListQuery, options?: CallOptions): Promise<StandingOrderRunPage>;
  /** The company's calendar feed (a secret ICS URL). */
  feed(options?: CallOptions): Promise<StandingOrderFeed>;
  /** A new secret for the feed; the old URL stops working (company admins). */
  rotateFeed(options?: CallOptions): Promise<StandingOrderFeed>;
}

/**
 * Standing-order calls over `/v1/standing-orders…` (core's `standingOrderRoutes`). Issues the
 * client finds before sending (an interval of 0, an end before the start, RRULE parts) are worded
 * from the standing-order messages in the client's language, as the server words its own.
 *
 * @example
 * ```ts
 * const standingOrders = createStandingOrdersClient(createHttpClient({ endpoint, token, lang: 'de' }));
 * const so = await standingOrders.create(
 *   { from: { kind: 'cart', cartId }, payment: { method: 'prepayment' },
 *     schedule: { form: { every: 'month', interval: 2, start: '2027-01-01', on: { kind: 'day', day: 1 }, end: { kind: 'none' } } } },
 *   { idempotencyKey: newIdempotencyKey() },
 * );
 * ```
 */
export function createStandingOrdersClient(http: HttpClient): StandingOrdersClient {
  const lang = () => {
    const l = http.options.lang;
    return (typeof l === 'function' ? l() : l) ?? 'en';
  };
  /** Client-side validation issues (no request was sent) worded from the standing-order table. */
  const call: HttpClient['call'] = async (route, input, options) => {
    try {
      return await http.call(route, input, options);
    } catch (error) {
      if (!isKontorError(error) || error.code !== 'validation' || error instanceof HttpError) throw error;
      const issues = localizeStandingOrderIssues(error.issues, lang());
      throw new ValidationError(error.message, issues, { status: error.status, cause: error.cause });
    }
  };
  const byId = (standingOrderId: string) => ({ standingOrderId });
  return {
    list: (query = {}, options) => call(routes.listStandingOrders, { query }, options),
    get: (id, options) => call(routes.getStandingOrder, { params: byId(id) }, options),
    create: (body, options) => call(routes.createStandingOrder, { body }, options),
    update: (id, body, options) => call(routes.updateStandingOrder, { params: byId(id), body }, options),
    action: (id, version, action, options) =>
      call(routes.standingOrderAction, { params: byId(id), body: { ...action, version } as StandingOrderActionRequest }, options),
    preview: (body, options) => call(routes.previewSchedule, { body }, options),
    upcoming: async (id, limit, options) => (await call(routes.upcomingRuns, { params: byId(id), query: limit ? { limit } : {} }, options)).items,
    runs: (id, query = {}, options) => call(routes.standingOrderRuns, { params: byId(id), query }, options),
    feed: (options) => call(routes.standingOrderFeed, {}, options),
    rotateFeed: (options) => call(routes.rotateStandingOrderFeed, {}, options),
  };
}
