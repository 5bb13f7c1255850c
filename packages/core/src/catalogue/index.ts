export * from './product.schema.js';
export { createCatalogueClient, type CatalogueClient } from './catalogue.client.js';
export { closestSkus, editDistance, foldSku } from './sku-match.logic.js';
