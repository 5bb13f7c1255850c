import { createContext } from '@lit/context';
import type { KontorClient } from '@kontor/core';
import type { KontorError, Lang } from '@kontor/core/errors';

/** What `<kontor-shop>` gives every Kontor element inside it. */
export interface ShopContextValue {
  /** `null` while the shop has no endpoint; `error` then says why. */
  client: KontorClient | null;
  error: KontorError | null;
  /** The shop's `lang`, if set. */
  lang: Lang | undefined;
}

export const shopContext = createContext<ShopContextValue | undefined>(Symbol.for('kontor.shop'));
