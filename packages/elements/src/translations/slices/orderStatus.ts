import type { OrderStatusStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { orderStatus as de } from '../de/orderStatus.js';
import { orderStatus as en } from '../en/orderStatus.js';

export const orderStatus: Slice<OrderStatusStrings> = { de, en };
