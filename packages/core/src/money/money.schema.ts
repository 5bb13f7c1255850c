import * as z from 'zod/mini';

/** ISO 4217 currency code, upper case. */
export const CurrencySchema = z.string().check(z.regex(/^[A-Z]{3}$/, { error: 'Expected an ISO 4217 currency code' }));
export type Currency = z.infer<typeof CurrencySchema>;

/**
 * An amount of money in integer minor units (cents for EUR) plus its currency.
 * Never a float: `{ amount: 123456, currency: 'EUR' }` is 1.234,56 €.
 */
export const MoneySchema = z.object({
  amount: z.int().check(z.minimum(-Number.MAX_SAFE_INTEGER), z.maximum(Number.MAX_SAFE_INTEGER)),
  currency: CurrencySchema,
});
export type Money = z.infer<typeof MoneySchema>;
