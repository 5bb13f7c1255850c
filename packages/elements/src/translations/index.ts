import type { Lang } from '@kontor/core/errors';
import { de } from './de.js';
import { en } from './en.js';
import type { Translation } from './translation.js';

export type { Translation } from './translation.js';
export { de, en };

/** The translation of a language Kontor speaks. */
export const translations: Readonly<Record<Lang, Translation>> = { de, en };
