/**
 * `@kontor/server` — the Kontor reference server.
 * @packageDocumentation
 */
export { createApp, type AppOptions } from './app.js';
export { openDatabase, isPostgresUrl, type Db, type DbKind, type OpenDatabaseOptions, type OpenedDatabase } from './db/database.js';
export { migrate } from './db/migrations.js';
export { generateWorld, DEMO_PASSWORD, DEMO_ERP_KEY, type World, type WorldProduct, type WorldStock } from './seed/world.js';
export { seed, isEmpty } from './seed/seed.js';
export { availabilityPlan, checkAvailability, type LineAvailability } from './availability/availability.service.js';
