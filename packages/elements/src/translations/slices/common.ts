import type { CommonStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { common as de } from '../de/common.js';
import { common as en } from '../en/common.js';

export const common: Slice<CommonStrings> = { de, en };
