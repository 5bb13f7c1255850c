import type { QuantityStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { quantity as de } from '../de/quantity.js';
import { quantity as en } from '../en/quantity.js';

export const quantity: Slice<QuantityStrings> = { de, en };
