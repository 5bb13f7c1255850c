import type { AvailabilityStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { availability as de } from '../de/availability.js';
import { availability as en } from '../en/availability.js';

export const availability: Slice<AvailabilityStrings> = { de, en };
