import type { OrderInfoStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { orderInfo as de } from '../de/orderInfo.js';
import { orderInfo as en } from '../en/orderInfo.js';

export const orderInfo: Slice<OrderInfoStrings> = { de, en };
