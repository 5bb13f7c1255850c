import type { OfferAnswerStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { offerAnswer as de } from '../de/offerAnswer.js';
import { offerAnswer as en } from '../en/offerAnswer.js';

export const offerAnswer: Slice<OfferAnswerStrings> = { de, en };
