import { unitLabel } from '@kontor/core/errors/unit-label.js';
import type { CommonStrings } from '../translation.js';
import { deDay, deWeekday, utc } from './format.js';

/** German: common. */
export const common: CommonStrings = {
  $lang: 'de',
  $locale: 'de-DE',
  unit: (unit, count) => unitLabel(unit, count, 'de'),
  priceOnRequest: 'Preis auf Anfrage',
  quantity: 'Menge',
  useQuantity: (quantity) => `Menge ${quantity} übernehmen`,
  search: 'Suche',
  sku: 'Art.-Nr.',
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  errorTitle: 'Das hat nicht geklappt.',
  useReplacement: (sku) => `Ersatz ${sku} übernehmen`,
  deliveryDay: (day, withWeekday) => (withWeekday ? `${deWeekday().format(utc(day)).replace(/\.$/, '')}, ${deDay().format(utc(day))}` : deDay().format(utc(day))),
};
