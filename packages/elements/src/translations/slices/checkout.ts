import type { CheckoutStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { checkout as de } from '../de/checkout.js';
import { checkout as en } from '../en/checkout.js';

export const checkout: Slice<CheckoutStrings> = { de, en };
