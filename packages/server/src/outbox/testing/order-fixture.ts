import { OrderSchema, type Order } from '@kontor/core';
import * as z from 'zod/mini';

/**
 * A hand-built order snapshot that satisfies core's OrderSchema, for outbox and mail tests:
 * two lines at 19 % and one at 7 % (rates in basis points, as orders carry them), placed by `usr_mueller1` of `cmp_mueller` (demo world).
 */
export function sampleOrder(overrides: Partial<Order> = {}): Order {
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const order: Order = {
    id: 'ord_test0001',
    number: 'K-2026-000123',
    status: 'placed',
    placedAt: '2026-12-02T09:15:00.000Z',
    placedBy: { userId: 'usr_mueller1', name: 'Einkauf Elektro Müller' },
    via: { channel: 'web', partnerId: null },
    currency: 'EUR',
    totals: {
      net: eur(25_940),
      taxes: [
        { rate: 1900, net: eur(24_940), tax: eur(4_739) },
        { rate: 700, net: eur(1_000), tax: eur(70) },
      ],
      tax: eur(4_809),
      gross: eur(30_749),
    },
    lineCount: 3,
    purchaseOrderNumber: 'PO-4711',
    costCenter: 'KST 12',
    requestedDeliveryDate: '2026-12-09',
    promisedDelivery: '2026-12-04',
    tracking: null,
    updatedAt: '2026-12-02T09:15:00.000Z',
    lines: [
      {
        sku: 'LM-1001',
        name: { de: 'Installationskabel NYM-J 3x1,5', en: 'Installation cable NYM-J 3x1.5' },
        unit: 'meter',
        quantity: 200,
        priceUnit: 1,
        unitPrice: eur(97),
        net: eur(19_400),
        taxClass: 'standard',
        taxRate: 1900,
        promisedDelivery: '2026-12-04',
      },
      {
        sku: 'LM-1002',
        name: { de: 'Schalter & Dose "Weiß"', en: 'Switch & box "white"' },
        unit: 'piece',
        quantity: 20,
        priceUnit: 1,
        unitPrice: eur(277),
        net: eur(5_540),
        taxClass: 'standard',
        taxRate: 1900,
        promisedDelivery: '2026-12-03',
      },
      {
        sku: 'LM-1003',
        name: { de: 'Fachbuch Elektroinstallation', en: 'Handbook of electrical installation' },
        unit: 'piece',
        quantity: 1,
        priceUnit: 1,
        unitPrice: eur(1_000),
        net: eur(1_000),
        taxClass: 'reduced',
        taxRate: 700,
        promisedDelivery: '2026-12-03',
      },
    ],
    deliveryAddress: { name: 'Elektro Müller GmbH', addition: 'Lager Tor 3', street: 'Industriestraße 5', postcode: '20097', city: 'Hamburg', country: 'DE' },
    comment: null,
    payment: { method: 'invoice', ibanMasked: null, accountHolder: null, mandateReference: null, bankDetails: null },
    timeline: [{ status: 'placed', at: '2026-12-02T09:15:00.000Z', note: null, carrier: null, trackingNumber: null }],
    ...overrides,
  };
  return z.parse(OrderSchema, order);
}
