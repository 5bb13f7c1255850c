// Offline orders and a fake Kontor API for the order stories, built from a cart the story gives
// (e.g. testing/sample-cart.ts); the tests use the real server.
import type { Cart } from '@kontor/core/cart';
import type { CheckoutOptions, Order, OrderStatus, OrderSummary } from '@kontor/core/orders';
import { trackingOf } from '@kontor/core/orders/order.logic.js';

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const at = (offsetHours: number) => new Date(Date.now() + offsetHours * 3_600_000).toISOString();

const address = { name: 'Elektro Müller GmbH', addition: 'Wareneingang Tor 3', street: 'Industriestraße 12', postcode: '20097', city: 'Hamburg', country: 'DE' };
const bankDetails = { accountHolder: 'Hansen Elektrogroßhandel GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', bank: 'Commerzbank Hamburg', reference: '' };

export const sampleOptions = (overrides: Partial<CheckoutOptions> = {}): CheckoutOptions => ({
  addresses: [
    { id: 'adr_story1', label: 'Zentrale', address, isDefault: true },
    { id: 'adr_story2', label: 'Baustelle Lindenstraße', address: { name: 'Elektro Müller GmbH', street: 'Lindenstraße 4', postcode: '22765', city: 'Hamburg', country: 'DE' }, isDefault: false },
  ],
  payment: [
    { method: 'invoice', available: true, reason: null },
    { method: 'prepayment', available: true, reason: null },
    { method: 'sepa_debit', available: true, reason: null },
  ],
  credit: { limit: { amount: 5_000_000, currency: 'EUR' }, used: { amount: 1_250_000, currency: 'EUR' }, remaining: { amount: 3_750_000, currency: 'EUR' } },
  earliestDelivery: day(2),
  deliveryCalendar: { weekend: [0, 6], holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01'] },
  bankDetails,
  sepaMandateText:
    'Ich ermächtige die Hansen Elektrogroßhandel GmbH, Zahlungen von meinem Konto mittels Lastschrift einzuziehen. Zugleich weise ich mein Kreditinstitut an, die von der Hansen Elektrogroßhandel GmbH auf mein Konto gezogenen Lastschriften einzulösen.',
  ...overrides,
});

const TIMELINE: OrderStatus[] = ['placed', 'confirmed', 'in_fulfilment', 'shipped', 'delivered'];

/** An order of the priced lines of `cart` that has come as far as `status`. */
export function sampleOrder(cart: Cart, options: { status?: OrderStatus; number?: number; method?: 'invoice' | 'prepayment' | 'sepa_debit' } = {}): Order {
  const status = options.status ?? 'placed';
  const n = options.number ?? 123;
  const number = `K-2026-${String(n).padStart(6, '0')}`;
  const steps = status === 'cancelled' ? (['placed', 'cancelled'] as OrderStatus[]) : TIMELINE.slice(0, TIMELINE.indexOf(status) + 1);
  const tracking = TIMELINE.indexOf(status) >= 3 ? trackingOf('DHL', '00340434161094042557') : null;
  const method = options.method ?? 'invoice';
  // Older numbers were placed earlier: one day apart.
  const placed = -48 - Math.max(0, 130 - n) * 24;
  // Lines without a price ("price on request") cannot be ordered.
  const lines = cart.lines.filter((l) => l.product && l.unitPrice && l.net);
  return {
    id: `ord_story${n}`,
    number,
    status,
    placedAt: at(placed),
    placedBy: { userId: 'usr_sample', name: 'Eva Einkauf' },
    via: { channel: 'web', partnerId: null },
    currency: 'EUR',
    totals: cart.totals,
    lineCount: lines.length,
    purchaseOrderNumber: `PO-4711-${n}`,
    costCenter: 'KST 300',
    requestedDeliveryDate: null,
    promisedDelivery: day(3),
    tracking,
    updatedAt: at(-1),
    lines: lines.map((l) => ({
      sku: l.sku,
      name: l.product!.name,
      unit: l.product!.unit,
      quantity: l.quantity,
      priceUnit: l.priceUnit ?? 1,
      unitPrice: l.unitPrice!,
      net: l.net!,
      taxClass: l.product!.taxClass,
      taxRate: l.taxRate ?? 1900,
      promisedDelivery: day(3),
    })),
    deliveryAddress: address,
    comment: null,
    payment: {
      method,
      ibanMasked: method === 'sepa_debit' ? 'DE89 **** **** **** **30 00' : null,
      accountHolder: method === 'sepa_debit' ? 'Elektro Müller GmbH' : null,
      mandateReference: method === 'sepa_debit' ? `KM-${number}` : null,
      bankDetails: method === 'prepayment' ? { ...bankDetails, reference: number } : null,
    },
    timeline: steps.map((s, i) => ({
      status: s,
      at: at(placed + i * 8),
      note: s === 'cancelled' ? 'Auf Wunsch des Kunden storniert' : null,
      carrier: s === 'shipped' ? 'DHL' : null,
      trackingNumber: s === 'shipped' ? '00340434161094042557' : null,
    })),
  };
}

export const summaryOf = ({ lines: _l, deliveryAddress: _d, comment: _c, payment: _p, timeline: _t, ...head }: Order): OrderSummary => head;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export interface StoryApiOptions {
  /** The buyer's cart. */
  cart: Cart;
  options?: Partial<CheckoutOptions>;
  /** What placing answers. */
  place?: 'ok' | 'conflict' | 'credit_limit' | 'never';
  /** Orders in the history. */
  orders?: Order[];
}

/**
 * A `fetch` for `<kontor-shop .clientOptions=${{ fetch }}>` that answers the cart, checkout,
 * availability and order routes from fixed data, like the server would.
 */
export function storyApi(config: StoryApiOptions) {
  const cart = config.cart;
  const orders = config.orders ?? [];
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/v1/carts' && request.method === 'GET') return json({ items: [{ ...cart, lines: undefined }] });
    if (path.startsWith('/v1/carts/') && request.method === 'GET') return json(cart);
    if (path === '/v1/checkout/options') return json(sampleOptions(config.options));
    if (path === '/v1/availability') {
      const body = (await request.json()) as { destination: string; items: { sku: string; quantity: number }[] };
      return json({
        destination: body.destination,
        asOf: new Date().toISOString(),
        items: body.items.map((i) => ({ ...i, status: 'in_stock', availableNow: i.quantity, earliestDelivery: day(2), split: [{ quantity: i.quantity, delivery: day(2) }], shortfall: 0 })),
      });
    }
    if (path === '/v1/orders' && request.method === 'POST') {
      if (config.place === 'never') return new Promise<Response>(() => {});
      if (config.place === 'conflict') {
        const line = cart.lines[0]!;
        const after = { amount: line.unitPrice!.amount + 120, currency: 'EUR' };
        return json(
          {
            status: 409,
            code: 'conflict',
            message: 'The cart changed since it was shown',
            issues: [],
            details: {
              changes: [
                { sku: line.sku, kind: 'price', before: `${line.unitPrice!.amount} EUR`, after: `${after.amount} EUR` },
                { sku: cart.lines[1]?.sku ?? line.sku, kind: 'availability', before: day(2), after: day(9) },
              ],
              cart,
            },
          },
          409,
        );
      }
      if (config.place === 'credit_limit') {
        const remaining = { amount: 42_000, currency: 'EUR' };
        return json(
          { status: 422, code: 'validation', message: 'Credit limit exceeded', issues: [{ path: [], code: 'credit_limit', message: 'This order exceeds your credit limit.', params: { remaining, remainingText: '420,00 €' } }] },
          422,
        );
      }
      return json(sampleOrder(cart, { number: 124 }), 201);
    }
    if (path === '/v1/orders') return json({ items: orders.map(summaryOf), nextCursor: null });
    if (path.startsWith('/v1/orders/')) {
      const found = orders.find((o) => o.id === path.slice('/v1/orders/'.length));
      return found ? json(found) : json({ status: 404, code: 'not_found', message: 'Not found', issues: [] }, 404);
    }
    return json({ status: 404, code: 'not_found', message: `No story route for ${request.method} ${path}`, issues: [] }, 404);
  };
}
