import * as z from 'zod/mini';
import { PriceTierSchema, SkuSchema, TaxClassSchema } from '../catalogue/product.schema.js';
import { QuantitySchema } from '../internal/schema-helpers.js';
import { CurrencySchema, MoneySchema } from '../money/money.schema.js';

/** One line to price. The quantity must be a positive whole number; the rules are checked by the server. */
export const QuoteLineRequestSchema = z.object({
  sku: SkuSchema,
  quantity: QuantitySchema,
});
export type QuoteLineRequest = z.infer<typeof QuoteLineRequestSchema>;

/** Price one or more lines at the caller's prices. */
export const PriceQuoteRequestSchema = z.object({
  lines: z.array(QuoteLineRequestSchema).check(z.minLength(1), z.maxLength(5000)),
});
export type PriceQuoteRequest = z.infer<typeof PriceQuoteRequestSchema>;

export const LineQuoteSchema = z.object({
  sku: SkuSchema,
  quantity: z.int(),
  priceUnit: z.int(),
  /** Tier price for `priceUnit` units at this quantity. */
  unitPrice: MoneySchema,
  net: MoneySchema,
  taxClass: TaxClassSchema,
  /** Basis points (1900 = 19 %). */
  taxRate: z.int(),
  /** The next cheaper tier, if any. */
  nextTier: z.nullable(PriceTierSchema),
});
export type LineQuote = z.infer<typeof LineQuoteSchema>;

export const TotalsSchema = z.object({
  net: MoneySchema,
  taxes: z.array(z.object({ rate: z.int(), net: MoneySchema, tax: MoneySchema })),
  tax: MoneySchema,
  gross: MoneySchema,
});

export const PriceQuoteSchema = z.object({
  currency: CurrencySchema,
  lines: z.array(LineQuoteSchema),
  totals: TotalsSchema,
});
export type PriceQuote = z.infer<typeof PriceQuoteSchema>;
