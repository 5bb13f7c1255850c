import * as z from 'zod/mini';
import { CurrencySchema, MoneySchema } from '../money/money.schema.js';
import { idSchema } from '../internal/schema-helpers.js';
import { SKU_MAX_LENGTH, SKU_PATTERN } from './sku.js';

/** Article number: letters, digits and `.-_/`, 1–64 characters, case-sensitive. */
export const SkuSchema = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(SKU_MAX_LENGTH),
  z.regex(SKU_PATTERN, { error: 'Expected an article number (letters, digits, . - _ /)' }),
);
export type Sku = z.infer<typeof SkuSchema>;

export const ProductIdSchema = idSchema('prd');

/** Text in both languages Kontor speaks. */
export const LocalizedTextSchema = z.object({ de: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Sales unit of a product. */
export const UnitSchema = z.enum(['piece', 'meter', 'roll', 'pack', 'box', 'kg', 'liter']);
export type Unit = z.infer<typeof UnitSchema>;

/** VAT class; the rate per class comes from {@link taxRateBasisPoints}. */
export const TaxClassSchema = z.enum(['standard', 'reduced', 'zero']);
export type TaxClass = z.infer<typeof TaxClassSchema>;

export const ProductStatusSchema = z.enum(['active', 'discontinued']);
export type ProductStatus = z.infer<typeof ProductStatusSchema>;

/**
 * Which quantities may be ordered: multiples of `step`, at least `min`, at most `max`.
 * `step` is usually the pack size ("Verpackungseinheit").
 */
export const QuantityRulesSchema = z
  .object({
    min: z.int().check(z.minimum(1)),
    step: z.int().check(z.minimum(1)),
    max: z.optional(z.nullable(z.int().check(z.minimum(1)))),
  })
  .check(
    z.refine((r) => r.max == null || r.max >= r.min, { error: 'max must not be below min', path: ['max'] }),
    z.refine((r) => r.max == null || Math.ceil(r.min / r.step) * r.step <= r.max, {
      error: 'No multiple of step lies between min and max',
      path: ['step'],
    }),
  );
export type QuantityRules = z.infer<typeof QuantityRulesSchema>;

/** From `minQuantity` units on, `price` buys `priceUnit` units. */
export const PriceTierSchema = z.object({
  minQuantity: z.int().check(z.minimum(1)),
  price: MoneySchema,
});
export type PriceTier = z.infer<typeof PriceTierSchema>;

/**
 * The caller's price of a product: tiers in ascending `minQuantity`, the first starting at 1,
 * all in one currency. `priceUnit` is how many units a tier price buys (1, or 100 for cable per 100 m).
 */
export const ProductPriceSchema = z
  .object({
    currency: CurrencySchema,
    priceUnit: z.int().check(z.minimum(1)),
    tiers: z.array(PriceTierSchema).check(z.minLength(1)),
    /** Which list the price came from (the company's own list or the base list). */
    source: z.enum(['base', 'company']),
  })
  .check(
    z.refine((p) => p.tiers[0]?.minQuantity === 1, { error: 'The first tier starts at quantity 1', path: ['tiers', 0, 'minQuantity'] }),
    z.refine((p) => p.tiers.every((t, i) => i === 0 || t.minQuantity > p.tiers[i - 1]!.minQuantity), {
      error: 'Tiers must ascend by minQuantity',
      path: ['tiers'],
    }),
    z.refine((p) => p.tiers.every((t) => t.price.currency === p.currency), { error: 'All tiers in one currency', path: ['tiers'] }),
  );
export type ProductPrice = z.infer<typeof ProductPriceSchema>;

/** A product as the caller sees it, with the caller's prices. */
export const ProductSchema = z.object({
  id: ProductIdSchema,
  sku: SkuSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  category: z.string(),
  brand: z.nullable(z.string()),
  ean: z.nullable(z.string()),
  unit: UnitSchema,
  /** Units in one pack (informational; ordering rules are in `quantityRules`). */
  packSize: z.int().check(z.minimum(1)),
  taxClass: TaxClassSchema,
  status: ProductStatusSchema,
  /** For discontinued products: what to order instead. */
  replacementSku: z.nullable(SkuSchema),
  quantityRules: QuantityRulesSchema,
  /** `null`: no price for this caller ("price on request"). */
  price: z.nullable(ProductPriceSchema),
});
export type Product = z.infer<typeof ProductSchema>;

/**
 * Order of the product list. `relevance` (the default when `q` is given): exact SKU or EAN
 * matches first, then the search engine's ranking. `catalogue` (the default without `q`): the
 * seller's order of the categories, within each by name in the caller's language.
 */
export const ProductSortSchema = z.enum(['sku', 'name', 'category', 'relevance', 'catalogue']);

/** Query of the product list. */
export const ProductListQuerySchema = z.object({
  /**
   * Search: SKU, EAN, names, brand, category and description, German and English word forms and
   * compounds (`Kabel` finds `Erdkabel`), the last word as typed so far, small typos forgiven.
   * Every word must match.
   */
  q: z.optional(z.string().check(z.maxLength(200))),
  category: z.optional(z.string().check(z.maxLength(100))),
  /** Brands, comma-separated: products of any of them. */
  brand: z.optional(z.string().check(z.maxLength(500))),
  /** Sales units, comma-separated (`meter,roll`): products sold in any of them. */
  unit: z.optional(z.string().check(z.maxLength(100))),
  status: z.optional(ProductStatusSchema),
  sort: z.optional(ProductSortSchema),
  cursor: z.optional(z.string().check(z.maxLength(400))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  /** `true`: the answer carries `facets` (counts per category, brand and unit). Ask on the first page. */
  facets: z.optional(z.enum(['true', 'false'])),
});
export type ProductListQuery = z.infer<typeof ProductListQuerySchema>;

/** One value of a facet and how many products the search and the other filters leave with it. */
export const FacetValueSchema = z.object({
  value: z.string(),
  count: z.int(),
  /** The category's name (category facet only). */
  name: z.optional(LocalizedTextSchema),
});
export type FacetValue = z.infer<typeof FacetValueSchema>;

/**
 * Counts of what the query and filters match, per category, brand and unit, most first. Each
 * dimension is counted without its own filter, so a buyer who chose one brand still sees the others.
 */
export const ProductFacetsSchema = z.object({
  /** Products matching the query and all filters. */
  total: z.int(),
  category: z.array(FacetValueSchema),
  brand: z.array(FacetValueSchema),
  unit: z.array(FacetValueSchema),
});
export type ProductFacets = z.infer<typeof ProductFacetsSchema>;

export const ProductPageSchema = z.object({
  items: z.array(ProductSchema),
  nextCursor: z.nullable(z.string()),
  /** Only when asked with `facets=true`. */
  facets: z.optional(ProductFacetsSchema),
});
export type ProductPage = z.infer<typeof ProductPageSchema>;

export const CategorySchema = z.object({ slug: z.string(), name: LocalizedTextSchema, productCount: z.int() });
export type Category = z.infer<typeof CategorySchema>;
export const CategoryListSchema = z.object({ items: z.array(CategorySchema) });
