import type { StandingOrderInfoStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { standingOrderInfo as de } from '../de/standingOrderInfo.js';
import { standingOrderInfo as en } from '../en/standingOrderInfo.js';

export const standingOrderInfo: Slice<StandingOrderInfoStrings> = { de, en };
