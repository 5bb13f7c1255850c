import type { StandingOrderInfoStrings } from '../translation.js';
import { deDay, deWeekday, once, utc } from './format.js';

const deFullDay = once(() => new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }));
const weekday = (day: string) => deWeekday().format(utc(day)).replace(/\.$/, '');
const MORE_LINES = 2;

/** German: standingOrderInfo. */
export const standingOrderInfo: StandingOrderInfoStrings = {
  standingOrderName: (name) => name ?? 'Dauerauftrag',
  standingOrderStatus: (status, until) =>
    status === 'paused'
      ? until
        ? `Pausiert bis ${deFullDay().format(utc(until))}`
        : 'Pausiert bis auf Weiteres'
      : { active: 'Aktiv', ended: 'Beendet', cancelled: 'Storniert' }[status],
  runDay: (day) => `${weekday(day)}, ${deFullDay().format(utc(day))}`,
  fullDay: (day) => deFullDay().format(utc(day)),
  movedFrom: (day, reasons, requested) =>
    `${requested ? 'auf Wunsch ' : ''}verschoben von ${weekday(day)}, ${deDay().format(utc(day))}${reasons.length ? ` (${reasons.join(', ')})` : ''}`,
  closedReason: (reason) => (reason === 'weekend' ? 'Wochenende' : 'Feiertag'),
  linesSummary: (lines) => {
    const shown = lines.slice(0, MORE_LINES).map((l) => `${l.sku} × ${l.quantity.toLocaleString('de-DE')}`);
    const more = lines.length - shown.length;
    return more > 0 ? `${shown.join(', ')} und ${more} weitere` : shown.join(', ');
  },
  runStatus: (status) => ({ placed: 'Bestellt', held: 'Zurückgehalten', failed: 'Fehlgeschlagen', missed: 'Verpasst', skipped: 'Ausgelassen' })[status],
  runOrder: (number) => `Bestellung ${number}`,
  nextRun: 'Nächste Ausführung',
  noNextRun: 'Keine weitere Ausführung',
  scheduleLabel: 'Rhythmus',
  linesLabel: 'Positionen',
  statusLabel: 'Status',
};
