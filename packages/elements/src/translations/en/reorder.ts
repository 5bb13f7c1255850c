import type { ReorderStrings } from '../translation.js';

const day = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const n = (count: number) => count.toLocaleString('en-GB');

/** English: reorder. */
export const reorder: ReorderStrings = {
  reorder: 'Reorder',
  dueProducts: 'Due',
  recentOrders: 'Recent orders',
  topProducts: 'Ordered most',
  orderHeading: (number, d) => `Order ${number} of ${day(d)}`,
  reorderWholeOrder: 'Reorder the whole order',
  pick: (name) => `Pick ${name}`,
  lastOrdered: (quantity, d) => `last ${quantity} on ${day(d)}`,
  priceChange: (change, up) => `${up ? '+' : '−'}${change} since then`,
  priceUnchanged: 'Price unchanged',
  todayStatus: (status, d, replacement) =>
    status === 'orderable' ? (d ? `available, delivered on ${day(d)}` : 'available')
      : status === 'later' ? (d ? `not in stock, comes on ${day(d)}` : 'not in stock')
        : status === 'discontinued' ? (replacement ? `discontinued, successor: ${replacement}` : 'discontinued')
          : 'cannot be ordered at the moment',
  bucket: (b) => ({ overdue: 'Overdue', due_soon: 'Due soon', on_track: 'On track', not_predictable: 'No rhythm yet' })[b],
  target: 'Where to?',
  targetCart: 'Into the current cart',
  targetNewCart: 'Into a new saved cart',
  targetOrder: 'Order straight away (delivery and payment of the last order)',
  reorderSelection: (count) => `Reorder the selection (${n(count)})`,
  working: 'Reordering …',
  noReorderHistory: 'No orders to reorder yet.',
  resultHeading: 'What happened',
  resultSummary: (c) =>
    [c.added && `${n(c.added)} added`, c.merged && `${n(c.merged)} merged`, c.later && `${n(c.later)} later`, c.refused && `${n(c.refused)} not possible`]
      .filter(Boolean).join(', ') || 'Nothing reordered',
  outcome: (o, quantity, cartQuantity) =>
    o === 'added' ? `${quantity} added`
      : o === 'merged' ? `${quantity} added to the line there, now ${cartQuantity ?? quantity}`
        : o === 'later' ? (quantity === '0' ? 'not ordered' : `${quantity} added, comes later`)
          : 'not reordered',
  replacedBy: (sku) => `replaced by its successor ${sku}`,
  repriced: (before, after) => `price changed: ${before} → ${after}`,
  availableOn: (d) => `available on ${day(d)}`,
  reorderOrderPlaced: (number) => `Order ${number} placed.`,
  savedCart: (name) => `Saved in the cart “${name}”.`,
  nothingWent: 'No line could be taken over.',
};
