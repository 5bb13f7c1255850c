import type { OfferStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { offer as de } from '../de/offer.js';
import { offer as en } from '../en/offer.js';

export const offer: Slice<OfferStrings> = { de, en };
