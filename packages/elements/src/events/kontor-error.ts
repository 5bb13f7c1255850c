import type { KontorError } from '@kontor/core/errors';

export interface KontorErrorDetail {
  /** What failed; `error.code` is stable (`network`, `not_found`, `not_configured`, …). */
  error: KontorError;
}

/** A Kontor element could not do its work. It shows an error state as well; this is for logging. */
export type KontorErrorEvent = CustomEvent<KontorErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-error': KontorErrorEvent;
  }
}
