import { unitLabel } from '@kontor/core/errors/unit-label.js';
import type { CommonStrings } from '../translation.js';
import { enDay, enWeekdayDay, utc } from './format.js';

/** English: common. */
export const common: CommonStrings = {
  $lang: 'en',
  $locale: 'en-GB',
  unit: (unit, count) => unitLabel(unit, count, 'en'),
  priceOnRequest: 'Price on request',
  quantity: 'Quantity',
  useQuantity: (quantity) => `Use quantity ${quantity}`,
  search: 'Search',
  sku: 'SKU',
  loading: 'Loading …',
  retry: 'Try again',
  errorTitle: 'That did not work.',
  useReplacement: (sku) => `Use replacement ${sku}`,
  deliveryDay: (day, withWeekday) => (withWeekday ? enWeekdayDay() : enDay()).format(utc(day)),
};
