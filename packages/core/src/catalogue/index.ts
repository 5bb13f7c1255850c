export * from './product.schema.js';
export { createCatalogueClient, type CatalogueClient } from './catalogue.client.js';
