import type { OfferInfoStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { offerInfo as de } from '../de/offerInfo.js';
import { offerInfo as en } from '../en/offerInfo.js';

export const offerInfo: Slice<OfferInfoStrings> = { de, en };
