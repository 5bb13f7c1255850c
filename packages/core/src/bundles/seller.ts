/**
 * The sales reps' SDK in one file, for a page with a plain `<script type="module">` and no
 * bundler (the demo's sales-rep page): the HTTP client, the seller's offers client and the rules
 * a rep's page shows (prices, approval, validity, comparing versions). Built into
 * `dist/kontor-seller.bundle.js`; a storefront never loads it (no rep route reaches a shop page).
 * @packageDocumentation
 */
export { createHttpClient, type HttpClient, type HttpClientOptions, type CallOptions } from '../http/http-client.js';
export { createSellerOffersClient, type SellerOffersClient } from '../offers/seller-offers.client.js';
export { approvalOf, approvalSatisfied, compareVersions, daysLeft, isFinalOfferStatus, isPastValidity, localDayOf } from '../offers/offer.logic.js';
export { formatMoney } from '../money/money.logic.js';
export { newIdempotencyKey } from '../cart/cart.store.base.js';
export { isKontorError, KontorError } from '../errors/kontor-error.js';
export { HttpError } from '../errors/http-error.js';
export { ValidationError } from '../errors/validation-error.js';
