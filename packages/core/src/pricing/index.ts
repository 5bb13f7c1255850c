export {
  GERMAN_TAX_RATES,
  taxRateBasisPoints,
  tierAt,
  unitPriceAt,
  lineNet,
  nextTier,
  totals,
  type TaxableLine,
  type TaxAmount,
  type Totals,
} from './pricing.logic.js';
export {
  checkQuantity,
  isValidQuantity,
  nearestValidQuantities,
  lowestValidQuantity,
  highestValidQuantity,
  type QuantityProblem,
} from './quantity.logic.js';
export { quote, quoteLine } from './quote.logic.js';
export {
  QuoteLineRequestSchema,
  PriceQuoteRequestSchema,
  PriceQuoteSchema,
  LineQuoteSchema,
  TotalsSchema,
  type QuoteLineRequest,
  type PriceQuoteRequest,
  type PriceQuote,
  type LineQuote,
} from './pricing.schema.js';
export { createPricingClient, type PricingClient } from './pricing.client.js';
