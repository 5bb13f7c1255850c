import type { PriceStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { price as de } from '../de/price.js';
import { price as en } from '../en/price.js';

export const price: Slice<PriceStrings> = { de, en };
