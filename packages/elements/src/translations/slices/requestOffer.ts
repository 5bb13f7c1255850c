import type { RequestOfferStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { requestOffer as de } from '../de/requestOffer.js';
import { requestOffer as en } from '../en/requestOffer.js';

export const requestOffer: Slice<RequestOfferStrings> = { de, en };
