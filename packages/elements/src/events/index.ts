export type { KontorErrorDetail, KontorErrorEvent } from './kontor-error.js';
export type { KontorQuantityChangeDetail, KontorQuantityChangeEvent } from './kontor-quantity-change.js';
export type { KontorTokenExpiredDetail, KontorTokenExpiredEvent } from './kontor-token-expired.js';
export type { KontorCartChangeDetail, KontorCartChangeEvent } from './kontor-cart-change.js';
export type { KontorCartHandoffDetail, KontorCartHandoffEvent } from './kontor-cart-handoff.js';
export type { KontorCartClaimDetail, KontorCartClaimEvent } from './kontor-cart-claim.js';
export type { KontorOrderPlacedDetail, KontorOrderPlacedEvent } from './kontor-order-placed.js';
export type { KontorOrderSelectDetail, KontorOrderSelectEvent } from './kontor-order-select.js';
export type { KontorStandingOrderSelectDetail, KontorStandingOrderSelectEvent } from './kontor-standing-order-select.js';
export type { KontorStandingOrderRequestDetail, KontorStandingOrderRequestEvent } from './kontor-standing-order-request.js';
export type { KontorStandingOrderChangeDetail, KontorStandingOrderChangeEvent, StandingOrderChangeKind } from './kontor-standing-order-change.js';
export type { KontorReorderCompleteDetail, KontorReorderCompleteEvent } from './kontor-reorder-complete.js';
export type { KontorOfferSelectDetail, KontorOfferSelectEvent } from './kontor-offer-select.js';
export type { KontorOfferAcceptDetail, KontorOfferAcceptEvent } from './kontor-offer-accept.js';
export type { KontorOfferRejectDetail, KontorOfferRejectEvent } from './kontor-offer-reject.js';
export type { KontorOfferChangeRequestDetail, KontorOfferChangeRequestEvent } from './kontor-offer-change-request.js';

import type { KontorCartChangeDetail } from './kontor-cart-change.js';
import type { KontorCartClaimDetail } from './kontor-cart-claim.js';
import type { KontorCartHandoffDetail } from './kontor-cart-handoff.js';
import type { KontorErrorDetail } from './kontor-error.js';
import type { KontorOrderPlacedDetail } from './kontor-order-placed.js';
import type { KontorOrderSelectDetail } from './kontor-order-select.js';
import type { KontorStandingOrderChangeDetail } from './kontor-standing-order-change.js';
import type { KontorStandingOrderRequestDetail } from './kontor-standing-order-request.js';
import type { KontorStandingOrderSelectDetail } from './kontor-standing-order-select.js';
import type { KontorQuantityChangeDetail } from './kontor-quantity-change.js';
import type { KontorReorderCompleteDetail } from './kontor-reorder-complete.js';
import type { KontorOfferSelectDetail } from './kontor-offer-select.js';
import type { KontorOfferAcceptDetail } from './kontor-offer-accept.js';
import type { KontorOfferRejectDetail } from './kontor-offer-reject.js';
import type { KontorOfferChangeRequestDetail } from './kontor-offer-change-request.js';
import type { KontorTokenExpiredDetail } from './kontor-token-expired.js';

/** Event name → detail type, so `emit()` is checked. */
export interface KontorEventDetails {
  'kontor-error': KontorErrorDetail;
  'kontor-quantity-change': KontorQuantityChangeDetail;
  'kontor-token-expired': KontorTokenExpiredDetail;
  'kontor-cart-change': KontorCartChangeDetail;
  'kontor-cart-handoff': KontorCartHandoffDetail;
  'kontor-cart-claim': KontorCartClaimDetail;
  'kontor-order-placed': KontorOrderPlacedDetail;
  'kontor-order-select': KontorOrderSelectDetail;
  'kontor-standing-order-select': KontorStandingOrderSelectDetail;
  'kontor-standing-order-request': KontorStandingOrderRequestDetail;
  'kontor-standing-order-change': KontorStandingOrderChangeDetail;
  'kontor-reorder-complete': KontorReorderCompleteDetail;
  'kontor-offer-select': KontorOfferSelectDetail;
  'kontor-offer-accept': KontorOfferAcceptDetail;
  'kontor-offer-reject': KontorOfferRejectDetail;
  'kontor-offer-change-request': KontorOfferChangeRequestDetail;
}
export type KontorEventName = keyof KontorEventDetails;
