import type { StandingOrderInfoStrings } from '../translation.js';
import { enDay, once, utc } from './format.js';

const enFullDay = once(() => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
const enWeekday = once(() => new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }));
const MORE_LINES = 2;

/** English: standingOrderInfo. */
export const standingOrderInfo: StandingOrderInfoStrings = {
  standingOrderName: (name) => name ?? 'Standing order',
  standingOrderStatus: (status, until) =>
    status === 'paused'
      ? until
        ? `Paused until ${enFullDay().format(utc(until))}`
        : 'Paused until further notice'
      : { active: 'Active', ended: 'Ended', cancelled: 'Cancelled' }[status],
  runDay: (day) => `${enWeekday().format(utc(day))} ${enFullDay().format(utc(day))}`,
  fullDay: (day) => enFullDay().format(utc(day)),
  movedFrom: (day, reasons, requested) =>
    `${requested ? 'moved on request' : 'moved'} from ${enWeekday().format(utc(day))} ${enDay().format(utc(day))}${reasons.length ? ` (${reasons.join(', ')})` : ''}`,
  closedReason: (reason) => (reason === 'weekend' ? 'weekend' : 'holiday'),
  linesSummary: (lines) => {
    const shown = lines.slice(0, MORE_LINES).map((l) => `${l.sku} × ${l.quantity.toLocaleString('en-GB')}`);
    const more = lines.length - shown.length;
    return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
  },
  runStatus: (status) => ({ placed: 'Ordered', held: 'Held', failed: 'Failed', missed: 'Missed', skipped: 'Skipped' })[status],
  runOrder: (number) => `Order ${number}`,
  nextRun: 'Next run',
  noNextRun: 'No further run',
  scheduleLabel: 'Schedule',
  linesLabel: 'Lines',
  statusLabel: 'Status',
};
