import { routes } from '../api/routes.js';
import type { CallOptions, HttpClient } from '../http/http-client.js';
import type { Category, Product, ProductListQuery, ProductPage } from './product.schema.js';

export interface CatalogueClient {
  /** A page of products with the caller's prices. Pass `nextCursor` back as `cursor` for the next page. */
  list(query?: ProductListQuery, options?: CallOptions): Promise<ProductPage>;
  /** One product by SKU. @throws {@link HttpError} `not_found` when the caller cannot see it. */
  get(sku: string, options?: CallOptions): Promise<Product>;
  /** Categories with product counts. */
  categories(options?: CallOptions): Promise<Category[]>;
}

/** Catalogue calls: list, search and get products with the caller's prices. */
export function createCatalogueClient(http: HttpClient): CatalogueClient {
  return {
    list: (query = {}, options) => http.call(routes.listProducts, { query }, options),
    get: (sku, options) => http.call(routes.getProduct, { params: { sku } }, options),
    categories: async (options) => (await http.call(routes.listCategories, {}, options)).items,
  };
}
