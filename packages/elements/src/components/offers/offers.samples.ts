// A fake Kontor API of offers for the stories (the tests use the real server): offers kept in
// memory, compared with core's own rules, answered as the server answers them.
import type { Offer, OfferStatus, OfferVersion } from '@kontor/core/offers';
import { compareVersions } from '@kontor/core/offers/offer.logic.js';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();
const eur = (amount: number) => ({ amount, currency: 'EUR' as const });

/** A priced version of `lines` ([sku, name, list price in cents, quantity, discount in basis points]) with freight. */
export function sampleVersion(number: number, lines: [string, string, number, number, number][], validUntil = inDays(12)): OfferVersion {
  const priced = lines.map(([sku, name, list, quantity, discountBp]) => {
    const unit = Math.round((list * (10_000 - discountBp)) / 10_000);
    return {
      sku, name: { de: name, en: name }, unit: 'piece' as const, priceUnit: 1, quantity, taxClass: 'standard' as const, taxRate: 1900,
      listUnitPrice: eur(list), pricing: discountBp ? { kind: 'discount' as const, discountBp } : { kind: 'list' as const },
      offeredUnitPrice: eur(unit), unitPrice: eur(unit), discountBp, listNet: eur(list * quantity), net: eur(unit * quantity),
    };
  });
  const listNet = priced.reduce((n, l) => n + l.listNet.amount, 0);
  const linesNet = priced.reduce((n, l) => n + l.net.amount, 0);
  const extrasNet = 2500;
  const net = linesNet + extrasNet;
  const tax = Math.round(net * 0.19);
  return {
    number, currency: 'EUR', lines: priced,
    extras: [{ kind: 'freight', label: 'Fracht', amount: eur(extrasNet), taxClass: 'standard', taxRate: 1900 }],
    discountBp: 0,
    totals: {
      listNet: eur(listNet), linesNet: eur(linesNet), savings: eur(listNet - linesNet), discountBp: Math.round(((listNet - linesNet) * 10_000) / listNet),
      extrasNet: eur(extrasNet), net: eur(net), taxes: [{ rate: 1900, net: eur(net), tax: eur(tax) }], tax: eur(tax), gross: eur(net + tax),
    },
    validUntil, priceValidUntil: validUntil, paymentTerms: '30 Tage netto', deliveryTerms: 'frei Haus ab 500 €', comment: null,
    createdAt: at(-3), sentAt: at(-3), sentBy: { id: 'rep_story', name: 'Jana Petersen' },
  };
}

const v1 = sampleVersion(1, [['NYM-J-3x1.5', 'Mantelleitung NYM-J 3×1,5 mm²', 46, 500, 500], ['KL-1010', 'Kabelbinder 200 mm', 180, 40, 0]]);
const v2 = sampleVersion(2, [['NYM-J-3x1.5', 'Mantelleitung NYM-J 3×1,5 mm²', 46, 1000, 1000], ['LM-1004', 'LED-Leuchtmittel E27', 390, 24, 800]]);

/** An offer as the buyer sees it. */
export function sampleOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'ofr_story1', number: 'ANG-2026-000042', version: 4, status: 'sent' as OfferStatus,
    company: { id: 'cmp_story', name: 'Elektro Müller GmbH', customerNumber: '10001' },
    requestId: 'orq_story1', rep: { name: 'Jana Petersen', email: 'jana.petersen@hansen.example' },
    versions: [v1, v2], currentVersion: 2, validUntil: v2.validUntil,
    history: [
      { at: at(-5), kind: 'created', versionNumber: 1, by: { side: 'seller', name: 'Jana Petersen' }, text: null, lines: null },
      { at: at(-4), kind: 'sent', versionNumber: 1, by: { side: 'seller', name: 'Jana Petersen' }, text: null, lines: null },
      { at: at(-3), kind: 'changes_requested', versionNumber: 1, by: { side: 'buyer', name: 'Eva Einkauf' }, text: 'Bitte 1.000 m und LED statt Kabelbinder', lines: null },
      { at: at(-2), kind: 'sent', versionNumber: 2, by: { side: 'seller', name: 'Jana Petersen' }, text: null, lines: null },
    ],
    acceptedVersion: null, result: null, createdAt: at(-5), updatedAt: at(-2),
    ...overrides,
  };
}

export const sampleOffers = [
  sampleOffer(),
  sampleOffer({ id: 'ofr_story2', number: 'ANG-2026-000041', status: 'sent', versions: [sampleVersion(1, [['KL-1010', 'Kabelbinder 200 mm', 180, 100, 300]], inDays(0))], currentVersion: 1, validUntil: inDays(0) }),
  sampleOffer({ id: 'ofr_story3', number: 'ANG-2026-000038', status: 'accepted', acceptedVersion: 2, result: { kind: 'order', orderId: 'ord_story', orderNumber: 'K-2026-000120' } }),
  sampleOffer({ id: 'ofr_story4', number: 'ANG-2026-000031', status: 'expired', versions: [v1], currentVersion: 1, validUntil: inDays(-10) }),
];

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A `fetch` answering the buyer's offer routes (and the saved addresses) from `offers`. */
export function offerApi(offers: Offer[] = sampleOffers): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    await new Promise((r) => setTimeout(r, 150));
    if (url.pathname === '/v1/offers') {
      const status = url.searchParams.get('status');
      return json({ items: offers.filter((o) => !status || o.status === status), nextCursor: null });
    }
    const compare = url.pathname.match(/^\/v1\/offers\/([^/]+)\/compare$/);
    const one = url.pathname.match(/^\/v1\/offers\/([^/]+)$/);
    const offer = offers.find((o) => o.id === (compare ?? one)?.[1]);
    if (offer && one) return json(offer);
    if (offer && compare) {
      const to = offer.versions.at(-1)!;
      const from = Number(url.searchParams.get('from') ?? to.number - 1);
      const before = from === 0 ? { number: 0 as const, lines: offer.versions[0]!.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) } : offer.versions.find((v) => v.number === from)!;
      return json(compareVersions(before, to));
    }
    if (url.pathname === '/v1/company/addresses') {
      return json({ items: [{ id: 'adr_story1', label: 'Zentrale', address: { name: 'Elektro Müller GmbH', street: 'Hafenstraße 12', postcode: '20457', city: 'Hamburg', country: 'DE' }, isDefault: true }] });
    }
    return json({ code: 'not_found', message: 'Not found', issues: [] }, 404);
  };
}
