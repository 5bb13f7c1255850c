/**
 * `@kontor/core` — the Kontor SDK: domain schemas, pure business rules, the HTTP client.
 * @packageDocumentation
 */
export * from './errors/index.js';
export * from './money/index.js';
export * from './catalogue/index.js';
export * from './pricing/index.js';
export * from './identity/index.js';
export * from './http/index.js';
export * from './api/index.js';
export * from './cart/index.js';
export * from './orders/index.js';
export * from './availability/index.js';
export * from './standing-orders/index.js';
export * from './offers/index.js';
export * from './reorder/index.js';
export * from './assistant/index.js';
export { createKontorClient, type KontorClient } from './client.js';
