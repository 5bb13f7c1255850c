import type { StandingOrdersStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { standingOrders as de } from '../de/standingOrders.js';
import { standingOrders as en } from '../en/standingOrders.js';

export const standingOrders: Slice<StandingOrdersStrings> = { de, en };
