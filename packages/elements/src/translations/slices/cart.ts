import type { CartStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { cart as de } from '../de/cart.js';
import { cart as en } from '../en/cart.js';

export const cart: Slice<CartStrings> = { de, en };
