import type { AddToCartStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { addToCart as de } from '../de/addToCart.js';
import { addToCart as en } from '../en/addToCart.js';

export const addToCart: Slice<AddToCartStrings> = { de, en };
