import type { StandingOrderStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { standingOrder as de } from '../de/standingOrder.js';
import { standingOrder as en } from '../en/standingOrder.js';

export const standingOrder: Slice<StandingOrderStrings> = { de, en };
