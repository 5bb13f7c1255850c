export type { KontorErrorDetail, KontorErrorEvent } from './kontor-error.js';
export type { KontorQuantityChangeDetail, KontorQuantityChangeEvent } from './kontor-quantity-change.js';
export type { KontorTokenExpiredDetail, KontorTokenExpiredEvent } from './kontor-token-expired.js';

import type { KontorErrorDetail } from './kontor-error.js';
import type { KontorQuantityChangeDetail } from './kontor-quantity-change.js';
import type { KontorTokenExpiredDetail } from './kontor-token-expired.js';

/** Event name → detail type, so `emit()` is checked. */
export interface KontorEventDetails {
  'kontor-error': KontorErrorDetail;
  'kontor-quantity-change': KontorQuantityChangeDetail;
  'kontor-token-expired': KontorTokenExpiredDetail;
}
export type KontorEventName = keyof KontorEventDetails;
