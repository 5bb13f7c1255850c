// Test helpers: offers made the way they come about — a buyer asks from a cart, a sales rep
// (a demo rep, signed in through the seller client) drafts from the request and sends it.
import { createHttpClient } from '@kontor/core/http';
import { createOffersClient, createSellerOffersClient, type Offer, type OfferContentInput, type OfferRequest } from '@kontor/core/offers';
import { cartWithLines } from './standing-orders.js';
import { clientOf, endpoint, type demoUsers } from './server.js';

type User = keyof typeof demoUsers;

export const newKey = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** A day `days` from today (UTC), `YYYY-MM-DD`. */
export const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const demoReps = { jana: 'jana.petersen@hansen.example', max: 'max.huber@hansen.example' } as const;
const repTokens = new Map<string, Promise<string>>();

/** The seller client of a demo rep (one login per rep and test file: the login is rate-limited). */
export async function repOf(rep: keyof typeof demoReps = 'jana') {
  let token = repTokens.get(rep);
  if (!token) {
    token = createSellerOffersClient(createHttpClient({ endpoint: endpoint() }))
      .login({ email: demoReps[rep], password: 'kontor-demo' })
      .then((s) => s.token);
    repTokens.set(rep, token);
  }
  return createSellerOffersClient(createHttpClient({ endpoint: endpoint(), token: await token }));
}

/** The buyer's offers client of a demo user. */
export async function buyerOffersOf(user: User = 'mueller') {
  return createOffersClient((await clientOf(user)).http);
}

/** A new request of `user`'s company from a cart of `lines` orderable products. */
export async function offerRequestOf(user: User = 'mueller', lines = 2, message = 'Bitte um Angebot'): Promise<OfferRequest> {
  const client = await clientOf(user);
  const cart = await cartWithLines(client, lines);
  return (await buyerOffersOf(user)).request({ from: { kind: 'cart', cartId: cart.id }, message }, { idempotencyKey: newKey() });
}

/** The content of a version: the request's lines, each `discountBp` off list (default 5 %). */
export const contentOf = (request: OfferRequest, options: { discountBp?: number; validUntil?: string; quantityFactor?: number; dropLast?: boolean } = {}): OfferContentInput => ({
  lines: request.lines.slice(0, options.dropLast ? -1 : undefined).map((l) => ({
    sku: l.sku,
    quantity: l.quantity * (options.quantityFactor ?? 1),
    pricing: { kind: 'discount' as const, discountBp: options.discountBp ?? 500 },
  })),
  extras: [{ kind: 'freight', label: 'Fracht', amount: { amount: 2500, currency: 'EUR' }, taxClass: 'standard' }],
  validUntil: options.validUntil ?? inDays(14),
  paymentTerms: '30 Tage netto',
});

/**
 * A sent offer to `user`'s company answering a new request (version 1 at 5 % off unless told),
 * as the buyer sees it, with the request.
 */
export async function sentOfferOf(user: User = 'mueller', options: Parameters<typeof contentOf>[1] & { lines?: number } = {}): Promise<{ offer: Offer; request: OfferRequest }> {
  const request = await offerRequestOf(user, options.lines ?? 2);
  const rep = await repOf('jana');
  const draft = await rep.create({ from: { kind: 'request', requestId: request.id }, content: contentOf(request, options) }, { idempotencyKey: newKey() });
  await rep.send(draft.id, draft.version);
  return { offer: await (await buyerOffersOf(user)).get(draft.id), request };
}

/** The buyer asks for changes and the rep sends version 2 (`options` as for the content). */
export async function secondVersionOf(offer: Offer, request: OfferRequest, options: Parameters<typeof contentOf>[1] = {}, user: User = 'mueller'): Promise<Offer> {
  const buyer = await buyerOffersOf(user);
  await buyer.requestChanges(offer.id, { version: offer.version, versionNumber: offer.currentVersion!, comment: 'Bitte günstiger' });
  const rep = await repOf('jana');
  const current = await rep.get(offer.id);
  const updated = await rep.updateDraft(offer.id, { version: current.version, content: contentOf(request, options) });
  await rep.send(offer.id, updated.version);
  return buyer.get(offer.id);
}
