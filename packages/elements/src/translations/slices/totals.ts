import type { TotalsStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { totals as de } from '../de/totals.js';
import { totals as en } from '../en/totals.js';

export const totals: Slice<TotalsStrings> = { de, en };
