import type { ReorderStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { reorder as de } from '../de/reorder.js';
import { reorder as en } from '../en/reorder.js';

export const reorder: Slice<ReorderStrings> = { de, en };
