import type { QuickOrderStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { quickOrder as de } from '../de/quickOrder.js';
import { quickOrder as en } from '../en/quickOrder.js';

export const quickOrder: Slice<QuickOrderStrings> = { de, en };
