import type { Unit } from '../catalogue/product.schema.js';
import type { Lang } from './messages.js';

const plural = (one: string, many: string) => (n: number) => (n === 1 ? one : many);
const same = (label: string) => () => label;

/**
 * Sales-unit labels by count, the one wording of the shop elements and the order mails. Kept with
 * the messages (every element loads those), not with the catalogue's schemas.
 */
const UNIT_LABELS: Record<Lang, Record<Unit, (count: number) => string>> = {
  de: { piece: same('Stk'), meter: same('m'), roll: plural('Rolle', 'Rollen'), pack: plural('Packung', 'Packungen'), box: plural('Karton', 'Kartons'), kg: same('kg'), liter: same('l') },
  en: { piece: plural('pc', 'pcs'), meter: same('m'), roll: plural('roll', 'rolls'), pack: plural('pack', 'packs'), box: plural('box', 'boxes'), kg: same('kg'), liter: same('l') },
};

/** The label of `count` units: `unitLabel('roll', 5, 'de')` is `Rollen`, `unitLabel('piece', 1, 'en')` is `pc`. */
export function unitLabel(unit: Unit, count: number, lang: Lang): string {
  return UNIT_LABELS[lang][unit](count);
}

/** Whether `value` names a sales unit (e.g. an attribute's text). */
export function isUnit(value: unknown): value is Unit {
  return typeof value === 'string' && Object.hasOwn(UNIT_LABELS.en, value);
}
