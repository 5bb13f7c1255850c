// Standing orders. Schema, RRULE text, structured form, summaries and PO numbers need no
// recurrence library; expanding a schedule into occurrences and the lifecycle rules that need
// occurrences do (schedule.logic.ts, standing-order.logic.ts: rrule-temporal + temporal-polyfill,
// ≈ 70 KiB gz) — a browser page imports only what it uses and asks the server for previews.
export * from './standing-order.schema.js';
export * from './standing-order.api.schema.js';
export {
  parseSchedule,
  scheduleIssues,
  scheduleOf,
  formToRrule,
  rruleToForm,
  formatRule,
  formatSchedule,
  weekdayCode,
  localDay,
  RRULE_PATH,
  type ParsedSchedule,
  type RecurrenceRule,
  type ByDay,
  type Frequency,
  type ScheduleReadOptions,
} from './schedule.rrule.js';
export {
  expandSchedule,
  resolveSchedule,
  nextOccurrence,
  occurrenceByKey,
  lastRuleDay,
  rollToBusinessDay,
  zonedInstant,
  dayAt,
  MAX_MOVE_DAYS,
  type ExpandOptions,
  type ResolvedSchedule,
} from './schedule.logic.js';
export { summarizeSchedule, describeMove, formatDay, type SummaryOptions } from './schedule.text.js';
export { formatPurchaseOrderNumber, purchaseOrderPatternIssues, MAX_PURCHASE_ORDER_NUMBER, type PurchaseOrderNumberInput } from './po-number.logic.js';
export {
  createStandingOrder,
  updateStandingOrder,
  applyAction,
  orderNow,
  assertChangeable,
  effectiveStatus,
  todayOf,
  occurrencesOf,
  nextRun,
  dueRuns,
  runKey,
  runIssue,
  runContent,
  runPurchaseOrderNumber,
  afterRun,
  endIfOver,
  planShortage,
  type StandingOrderContext,
  type StandingOrderConflict,
  type StandingOrderPatch,
  type StandingOrderChange,
  type RunPatch,
  type NewStandingOrder,
  type DueRun,
  type DueDecision,
  type LineSupply,
  type ShortagePlan,
} from './standing-order.logic.js';
export { parseStandingOrderRequest, localizeStandingOrderIssues } from './standing-order.parse.js';
export { createStandingOrdersClient, type StandingOrdersClient, type StandingOrderAction, type StandingOrderRunPage } from './standing-orders.client.js';
