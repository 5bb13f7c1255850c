import type { OrderHistoryStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { orderHistory as de } from '../de/orderHistory.js';
import { orderHistory as en } from '../en/orderHistory.js';

export const orderHistory: Slice<OrderHistoryStrings> = { de, en };
