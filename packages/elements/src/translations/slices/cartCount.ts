import type { CartCountStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { cartCount as de } from '../de/cartCount.js';
import { cartCount as en } from '../en/cartCount.js';

export const cartCount: Slice<CartCountStrings> = { de, en };
