export * from './product.schema.js';
export { SKU_MAX_LENGTH, SKU_PATTERN, isWellFormedSku } from './sku.js';
export { createCatalogueClient, type CatalogueClient } from './catalogue.client.js';
export { closestSkus, editDistance, foldSku } from './sku-match.logic.js';
