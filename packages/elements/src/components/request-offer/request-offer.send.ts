import type { KontorClient } from '@kontor/core';
import type { CreateOfferRequestBody, OfferRequest } from '@kontor/core/offers';
import { offersOf } from '../../internal/offers-client.js';

// Loaded on demand by <kontor-request-offer> (when the buyer reaches for the button): the offer
// routes with their schemas are most of its weight, and a page shows the button long before anyone asks.

/** Asks for an offer exactly once per `idempotencyKey` (core's offers client validates both ways). */
export const sendOfferRequest = (client: KontorClient, body: CreateOfferRequestBody, idempotencyKey: string): Promise<OfferRequest> =>
  offersOf(client).request(body, { idempotencyKey });
