import * as z from 'zod/mini';

/** An opaque id with a type prefix, e.g. `prd_8Hk2…`. */
export const idSchema = <P extends string>(prefix: P) =>
  z.string().check(z.regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`), { error: `Expected a ${prefix}_… id` }));

/** A quantity as the API takes it: a positive whole number; the product's rules decide the rest. */
export const QuantitySchema = z.int().check(z.minimum(1), z.maximum(10_000_000));

/** An instant as ISO 8601 UTC. */
export const InstantSchema = z.iso.datetime();

/** Cursor-paged list. */
export const pageOf = <T extends z.core.SomeType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
