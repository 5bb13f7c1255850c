import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { productSearchFields, searchText } from './search-key.js';

/**
 * The one set of migrations for SQLite and PostgreSQL. Only portable column types
 * (text, integer) so the same code runs on both. Indexes used for look-ups lead with the
 * company (or partner) column, so every scoped query is an index range.
 */
const migrations: Record<string, Migration> = {
  '0001_identity_catalogue_pricing': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('partners')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('partner_api_keys')
        .addColumn('key_hash', 'text', (c) => c.primaryKey())
        .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('partner_api_keys_partner').on('partner_api_keys').columns(['partner_id']).execute();

      await db.schema
        .createTable('price_lists')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text')
        .addColumn('currency', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('companies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('customer_number', 'text', (c) => c.notNull().unique())
        .addColumn('price_list_id', 'text', (c) => c.references('price_lists.id'))
        .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
        .execute();
      await db.schema.createIndex('companies_partner').on('companies').columns(['partner_id', 'id']).execute();
      await db.schema.createIndex('price_lists_company').on('price_lists').columns(['company_id', 'id']).execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('users_company').on('users').columns(['company_id', 'id']).execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_company_user').on('sessions').columns(['company_id', 'user_id']).execute();

      await db.schema
        .createTable('categories')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('name_de', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('products')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sku', 'text', (c) => c.notNull().unique())
        .addColumn('name_de', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('description_de', 'text', (c) => c.notNull())
        .addColumn('description_en', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull().references('categories.slug'))
        .addColumn('brand', 'text')
        .addColumn('ean', 'text')
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('pack_size', 'integer', (c) => c.notNull())
        .addColumn('price_unit', 'integer', (c) => c.notNull())
        .addColumn('tax_class', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('replacement_sku', 'text')
        .addColumn('qty_min', 'integer', (c) => c.notNull())
        .addColumn('qty_step', 'integer', (c) => c.notNull())
        .addColumn('qty_max', 'integer')
        .addColumn('visibility', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('products_category_sku').on('products').columns(['category', 'sku']).execute();

      await db.schema
        .createTable('product_companies')
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
        .addPrimaryKeyConstraint('product_companies_pk', ['company_id', 'product_id'])
        .execute();

      await db.schema
        .createTable('price_list_tiers')
        .addColumn('price_list_id', 'text', (c) => c.notNull().references('price_lists.id'))
        .addColumn('sku', 'text', (c) => c.notNull())
        .addColumn('min_quantity', 'integer', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('price_list_tiers_pk', ['price_list_id', 'sku', 'min_quantity'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['price_list_tiers', 'product_companies', 'products', 'categories', 'sessions', 'users', 'companies', 'price_lists', 'partner_api_keys', 'partners']) {
        await db.schema.dropTable(t).execute();
      }
    },
  },
  '0002_product_search_text': {
    // Search over a folded copy of sku, names, brand and EAN (see search-key.ts).
    async up(db: Kysely<any>) {
      await db.schema.alterTable('products').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
      const rows = await db.selectFrom('products').select(['id', 'sku', 'name_de', 'name_en', 'brand', 'ean']).execute();
      for (const row of rows) {
        await db.updateTable('products').set({ search_text: searchText(productSearchFields(row)) }).where('id', '=', row.id).execute();
      }
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('products').dropColumn('search_text').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the latest version; throws with the failing migration's error. */
export async function migrate(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed`, { cause: error });
  }
}
