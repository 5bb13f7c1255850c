import type { OffersStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { offers as de } from '../de/offers.js';
import { offers as en } from '../en/offers.js';

export const offers: Slice<OffersStrings> = { de, en };
