import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { SEARCH_FIELDS } from './search-analysis.js';
import { indexProducts, isPostgres } from './search-index.js';
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
  '0003_carts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('carts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        // A user's cart has owner_user_id; a partner portal's cart (customer token) has only owner_partner_id.
        .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
        .addColumn('owner_partner_id', 'text', (c) => c.references('partners.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('created_channel', 'text', (c) => c.notNull())
        .addColumn('created_partner_id', 'text')
        .addColumn('last_channel', 'text', (c) => c.notNull())
        .addColumn('last_partner_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('carts_company_user').on('carts').columns(['company_id', 'owner_user_id', 'status']).execute();
      await db.schema.createIndex('carts_company_partner').on('carts').columns(['company_id', 'owner_partner_id', 'status']).execute();
      // At most one active cart per owner, even with two requests racing to activate one.
      await db.schema
        .createIndex('carts_one_active_per_user')
        .on('carts')
        .columns(['company_id', 'owner_user_id'])
        .unique()
        .where(sql.ref('active'), '=', 1)
        .where(sql.ref('owner_user_id'), 'is not', null)
        .execute();
      await db.schema
        .createIndex('carts_one_active_per_partner')
        .on('carts')
        .columns(['company_id', 'owner_partner_id'])
        .unique()
        .where(sql.ref('active'), '=', 1)
        .where(sql.ref('owner_user_id'), 'is', null)
        .execute();

      await db.schema
        .createTable('cart_lines')
        .addColumn('cart_id', 'text', (c) => c.notNull().references('carts.id'))
        .addColumn('sku', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cart_lines_pk', ['cart_id', 'sku'])
        .execute();

      await db.schema
        .createTable('cart_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('cart_id', 'text', (c) => c.notNull().references('carts.id'))
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        // Order within the cart (1, 2, …): instants can tie, versions repeat (a hand-off code changes no line).
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text')
        .addColumn('actor_user_id', 'text')
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cart_events_company_cart_seq').on('cart_events').columns(['company_id', 'cart_id', 'seq']).unique().execute();

      await db.schema
        .createTable('cart_handoffs')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('cart_id', 'text', (c) => c.notNull().references('carts.id'))
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('claimed_at', 'text')
        .execute();
      await db.schema.createIndex('cart_handoffs_company_cart').on('cart_handoffs').columns(['company_id', 'cart_id']).execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
        .execute();
      await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').columns(['created_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['idempotency_keys', 'cart_handoffs', 'cart_events', 'cart_lines', 'carts']) await db.schema.dropTable(t).execute();
    },
  },
  '0004_availability': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('warehouses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        // ISO 3166-2 (DE-BY): its public holidays make the warehouse's business calendar.
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        // Local HH:MM; orders before it ship the same business day.
        .addColumn('cutoff', 'text', (c) => c.notNull())
        // JSON object: business days of transit per destination country ({"DE":1,"AT":2}).
        .addColumn('transit_days', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('stock_positions')
        .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
        .addColumn('sku', 'text', (c) => c.notNull())
        .addColumn('on_hand', 'integer', (c) => c.notNull())
        .addColumn('reserved', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('stock_positions_pk', ['warehouse_id', 'sku'])
        .execute();
      // Availability reads by SKU (all warehouses at once).
      await db.schema.createIndex('stock_positions_sku').on('stock_positions').columns(['sku', 'warehouse_id']).execute();
      await db.schema
        .createTable('stock_receipts')
        .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
        .addColumn('sku', 'text', (c) => c.notNull())
        // YYYY-MM-DD, the day the goods arrive at the warehouse.
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('stock_receipts_pk', ['sku', 'warehouse_id', 'date'])
        .execute();
      // Business days to procure a product that is neither in stock nor incoming; null: not procurable.
      await db.schema.alterTable('products').addColumn('lead_time_days', 'integer').execute();
      await db.schema
        .createTable('erp_api_keys')
        .addColumn('key_hash', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('products').dropColumn('lead_time_days').execute();
      for (const t of ['erp_api_keys', 'stock_receipts', 'stock_positions', 'warehouses']) await db.schema.dropTable(t).execute();
    },
  },
  '0005_orders': {
    async up(db: Kysely<unknown>) {
      // Minor units in the currency of the company's prices; null: no buying on account.
      await db.schema.alterTable('companies').addColumn('credit_limit', 'integer').execute();
      await db.schema
        .createTable('company_addresses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('addition', 'text')
        .addColumn('street', 'text', (c) => c.notNull())
        .addColumn('postcode', 'text', (c) => c.notNull())
        .addColumn('city', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('is_default', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('company_addresses_company').on('company_addresses').columns(['company_id', 'id']).execute();
      // The seller's own data (one row, id 'seller'): name, SEPA creditor id, bank account for prepayment.
      await db.schema
        .createTable('seller_profile')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('creditor_id', 'text', (c) => c.notNull())
        .addColumn('bank_account_holder', 'text', (c) => c.notNull())
        .addColumn('bank_iban', 'text', (c) => c.notNull())
        .addColumn('bank_bic', 'text', (c) => c.notNull())
        .addColumn('bank_name', 'text', (c) => c.notNull())
        .execute();
      // Year → last order number handed out; incremented in the placing transaction.
      await db.schema
        .createTable('order_sequences')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('last', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('placed_at', 'text', (c) => c.notNull())
        .addColumn('placed_by_user_id', 'text', (c) => c.references('users.id'))
        .addColumn('placed_by_name', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
        .addColumn('cart_id', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('net_amount', 'integer', (c) => c.notNull())
        .addColumn('gross_amount', 'integer', (c) => c.notNull())
        // JSON: core's Totals.
        .addColumn('totals', 'text', (c) => c.notNull())
        .addColumn('line_count', 'integer', (c) => c.notNull())
        // JSON: core's Address, as it was at placement.
        .addColumn('delivery_address', 'text', (c) => c.notNull())
        .addColumn('requested_delivery_date', 'text')
        .addColumn('promised_delivery', 'text')
        .addColumn('po_number', 'text')
        .addColumn('cost_center', 'text')
        .addColumn('comment', 'text')
        .addColumn('payment_method', 'text', (c) => c.notNull())
        // JSON: core's OrderPayment (a SEPA IBAN only masked).
        .addColumn('payment', 'text', (c) => c.notNull())
        // JSON: core's Tracking, once shipped.
        .addColumn('tracking', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // The history: newest first, cursor on (placed_at, id).
      await db.schema.createIndex('orders_company_placed').on('orders').columns(['company_id', 'placed_at desc', 'id desc']).execute();
      // The credit in use: open invoice orders of a company.
      await db.schema.createIndex('orders_company_payment_status').on('orders').columns(['company_id', 'payment_method', 'status']).execute();
      await db.schema
        .createTable('order_lines')
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('sku', 'text', (c) => c.notNull())
        .addColumn('name_de', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('price_unit', 'integer', (c) => c.notNull())
        .addColumn('unit_amount', 'integer', (c) => c.notNull())
        .addColumn('net_amount', 'integer', (c) => c.notNull())
        .addColumn('tax_class', 'text', (c) => c.notNull())
        .addColumn('tax_rate', 'integer', (c) => c.notNull())
        .addColumn('promised_delivery', 'text')
        // JSON: the stock reserved for the line, [{ warehouseId, quantity }] (released on cancel, consumed on shipping).
        .addColumn('reserved', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('order_lines_pk', ['company_id', 'order_id', 'position'])
        .execute();
      await db.schema.createIndex('order_lines_company_sku').on('order_lines').columns(['company_id', 'sku', 'order_id']).execute();
      await db.schema
        .createTable('order_events')
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('carrier', 'text')
        .addColumn('tracking_number', 'text')
        .addPrimaryKeyConstraint('order_events_pk', ['company_id', 'order_id', 'seq'])
        .execute();
      // The full IBAN of a SEPA mandate lives only here (the seller needs it to collect); orders show it masked.
      await db.schema
        .createTable('sepa_mandates')
        .addColumn('reference', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('account_holder', 'text', (c) => c.notNull())
        .addColumn('iban', 'text', (c) => c.notNull())
        .addColumn('signed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sepa_mandates_company_order').on('sepa_mandates').columns(['company_id', 'order_id']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['sepa_mandates', 'order_events', 'order_lines', 'orders', 'order_sequences', 'seller_profile', 'company_addresses']) await db.schema.dropTable(t).execute();
      await db.schema.alterTable('companies').dropColumn('credit_limit').execute();
    },
  },
  '0006_outbox': {
    async up(db: Kysely<unknown>) {
      // Events written in the transaction of the change they describe (see outbox/outbox.ts).
      await db.schema
        .createTable('outbox_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('aggregate_id', 'text', (c) => c.notNull())
        .addColumn('company_id', 'text', (c) => c.notNull())
        // JSON text: the webhook event's `data` ({ order, previousStatus }).
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('outbox_events_company').on('outbox_events').columns(['company_id', 'aggregate_id', 'created_at']).execute();
      // One row per event and target ('mail', 'webhook:<name>'); kept until delivered, then kept as a record.
      await db.schema
        .createTable('outbox_deliveries')
        .addColumn('event_id', 'text', (c) => c.notNull().references('outbox_events.id'))
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('delivered_at', 'text')
        .addPrimaryKeyConstraint('outbox_deliveries_pk', ['event_id', 'target'])
        .execute();
      await db.schema.createIndex('outbox_deliveries_due').on('outbox_deliveries').columns(['status', 'next_attempt_at']).execute();
      // Mails kept by the dev mailbox transport (KONTOR_DEV_MAILBOX=1), viewable at /dev/mailbox.
      await db.schema
        .createTable('dev_mailbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('from', 'text', (c) => c.notNull())
        .addColumn('to', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('html', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dev_mailbox_created').on('dev_mailbox').columns(['created_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['dev_mailbox', 'outbox_deliveries', 'outbox_events']) await db.schema.dropTable(t).execute();
    },
  },
  '0007_outbox_sequence': {
    async up(db: Kysely<unknown>) {
      // An order's events are numbered 1, 2, 3 … so each target gets them in that order and a
      // receiver can tell a replayed older event from a newer one.
      await db.schema.alterTable('outbox_events').addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await sql`update outbox_events set sequence = (
        select count(*) from outbox_events e2
        where e2.aggregate_id = outbox_events.aggregate_id
          and (e2.created_at < outbox_events.created_at or (e2.created_at = outbox_events.created_at and e2.id <= outbox_events.id)))`.execute(db);
      await db.schema.createIndex('outbox_events_sequence').on('outbox_events').columns(['aggregate_id', 'sequence']).unique().execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('outbox_events_sequence').execute();
      await db.schema.alterTable('outbox_events').dropColumn('sequence').execute();
    },
  },
  '0008_standing_orders': {
    async up(db: Kysely<unknown>) {
      // A standing order: core's StandingOrder as JSON (`data`), with the columns the queries need.
      await db.schema
        .createTable('standing_orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        // In whose name the runs are placed: a user, or (no user) a partner's portal for the company.
        .addColumn('created_by_user_id', 'text', (c) => c.references('users.id'))
        .addColumn('created_by_partner_id', 'text', (c) => c.references('partners.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        // JSON { "*": IBAN, "<occurrence>": IBAN of a one-run change }: the full IBANs of a direct debit, never answered.
        .addColumn('sepa_ibans', 'text')
        .addColumn('reminder_days', 'integer', (c) => c.notNull())
        // When the scheduler has something to do for it next (a run, a reminder); null: nothing.
        .addColumn('next_at', 'text')
        // The scheduler's last complete pass over it: occurrences due after it are still to decide.
        .addColumn('checked_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('standing_orders_company_created').on('standing_orders').columns(['company_id', 'created_at desc', 'id desc']).execute();
      await db.schema.createIndex('standing_orders_next').on('standing_orders').columns(['next_at', 'id']).execute();
      // One row per occurrence that came: placed, held, failed, missed or skipped.
      await db.schema
        .createTable('standing_order_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('standing_order_id', 'text', (c) => c.notNull().references('standing_orders.id'))
        // The occurrence's key: its day in the schedule, before any move.
        .addColumn('occurrence', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('n', 'integer')
        .addColumn('order_id', 'text', (c) => c.references('orders.id'))
        .addColumn('order_number', 'text')
        .addColumn('po_number', 'text')
        // JSON: an ErrorIssue or null; notices a JSON array of them.
        .addColumn('reason', 'text')
        .addColumn('notices', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // Exactly once: one run per standing order and occurrence, ever, written in the transaction of its order.
      await db.schema.createIndex('standing_order_runs_once').on('standing_order_runs').columns(['standing_order_id', 'occurrence']).unique().execute();
      await db.schema.createIndex('standing_order_runs_company').on('standing_order_runs').columns(['company_id', 'standing_order_id', 'occurrence desc']).execute();
      // The reminder of an occurrence, sent once (its mail goes through the outbox, in the same transaction).
      await db.schema
        .createTable('standing_order_reminders')
        .addColumn('standing_order_id', 'text', (c) => c.notNull().references('standing_orders.id'))
        .addColumn('occurrence', 'text', (c) => c.notNull())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('event_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('standing_order_reminders_pk', ['standing_order_id', 'occurrence'])
        .execute();
      // One-click links of a reminder (skip this run, pause): single use, expiring, tied to the occurrence.
      await db.schema
        .createTable('standing_order_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('standing_order_id', 'text', (c) => c.notNull().references('standing_orders.id'))
        .addColumn('occurrence', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('standing_order_links_company').on('standing_order_links').columns(['company_id', 'standing_order_id', 'occurrence']).execute();
      // A company's calendar feed: the secret is derived (HMAC of company and generation) and only its hash is kept.
      await db.schema
        .createTable('standing_order_feeds')
        .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
        .addColumn('generation', 'integer', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
        .addColumn('rotated_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['standing_order_feeds', 'standing_order_links', 'standing_order_reminders', 'standing_order_runs', 'standing_orders']) await db.schema.dropTable(t).execute();
    },
  },
  '0009_offers': {
    async up(db: Kysely<unknown>) {
      // The seller's staff (sales reps): they sign in like buyers but belong to the seller, not to a
      // customer company; their sessions are good for the /v1/seller routes only.
      await db.schema
        .createTable('seller_users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        // Offers saving more than this (basis points of list) need a second rep's approval.
        .addColumn('approval_limit_bp', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('seller_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('seller_user_id', 'text', (c) => c.notNull().references('seller_users.id'))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // A buyer's request for an offer (lines as JSON).
      await db.schema
        .createTable('offer_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('user_id', 'text', (c) => c.references('users.id'))
        .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('cart_id', 'text')
        .addColumn('lines', 'text', (c) => c.notNull())
        .addColumn('message', 'text')
        .addColumn('desired_date', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('offer_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('offer_requests_company_created').on('offer_requests').columns(['company_id', 'created_at desc', 'id desc']).execute();
      await db.schema.createIndex('offer_requests_created').on('offer_requests').columns(['created_at desc', 'id desc']).execute();
      // An offer: its state, the draft of its next version and its history as JSON; sent versions in offer_versions.
      await db.schema
        .createTable('offers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('number', 'text', (c) => c.notNull().unique())
        // One offer per request, ever: a rep's double submit cannot make two.
        .addColumn('request_id', 'text', (c) => c.unique().references('offer_requests.id'))
        .addColumn('rep_id', 'text', (c) => c.notNull().references('seller_users.id'))
        // Who hears of it: the user who asked (else the company's admins).
        .addColumn('user_id', 'text', (c) => c.references('users.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('current_version', 'integer')
        .addColumn('valid_until', 'text')
        .addColumn('currency', 'text', (c) => c.notNull())
        // JSON: the priced draft of the next version (an OfferVersion with sentAt null), its author and approval.
        .addColumn('draft', 'text')
        .addColumn('history', 'text', (c) => c.notNull())
        .addColumn('accepted_version', 'integer')
        .addColumn('result', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('offers_company_created').on('offers').columns(['company_id', 'created_at desc', 'id desc']).execute();
      await db.schema.createIndex('offers_created').on('offers').columns(['created_at desc', 'id desc']).execute();
      // The expiry job's look-up: sent offers by validity.
      await db.schema.createIndex('offers_status_valid').on('offers').columns(['status', 'valid_until']).execute();
      // Every version sent, as it was sent (an OfferVersion as JSON), never changed.
      await db.schema
        .createTable('offer_versions')
        .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('offer_versions_pk', ['offer_id', 'number'])
        .execute();
      await db.schema.createTable('offer_sequences').addColumn('year', 'integer', (c) => c.primaryKey()).addColumn('last', 'integer', (c) => c.notNull()).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['offer_sequences', 'offer_versions', 'offers', 'offer_requests', 'seller_sessions', 'seller_users']) await db.schema.dropTable(t).execute();
    },
  },
  '0010_reorder': {
    async up(db: Kysely<unknown>) {
      // Reorder reminders are an opt-in per company (no row: off); `version` guards the switch.
      await db.schema
        .createTable('reorder_settings')
        .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
        .addColumn('reminders', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Exactly once per due cycle: a product's cycle is the company's last order of it, so a new
      // order starts a new one. Written with the mail's outbox event, in one transaction.
      await db.schema
        .createTable('reorder_reminders')
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('sku', 'text', (c) => c.notNull())
        .addColumn('cycle', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reorder_reminders_pk', ['company_id', 'sku', 'cycle'])
        .execute();
      // A reminder's one-click link into a prepared cart: for one user, single use, expiring.
      await db.schema
        .createTable('reorder_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        // JSON [{ sku, quantity }]: the due products at their last quantities.
        .addColumn('lines', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('cart_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['reorder_links', 'reorder_reminders', 'reorder_settings']) await db.schema.dropTable(t).execute();
    },
  },
  '0011_catalogue_search': {
    // Ranked search on each engine's own full-text index; documents are built in JavaScript
    // (db/search-analysis.ts) so both index the same tokens. See db/search-index.ts.
    async up(db: Kysely<any>) {
      if (isPostgres(db)) {
        await sql`create table product_search (product_id text primary key references products(id), document tsvector not null)`.execute(db);
        await sql`create index product_search_document on product_search using gin (document)`.execute(db);
        await sql`create table search_vocab (term text collate "C" primary key, df integer not null)`.execute(db);
        // pg_trgm (a contrib module) finds typos' neighbours by index; without it the look-up scans the vocabulary.
        const [available] = (await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'pg_trgm'`.execute(db)).rows;
        if (available?.n) {
          await sql`savepoint kontor_trgm`.execute(db);
          try {
            await sql`create extension if not exists pg_trgm`.execute(db);
            await sql`create index search_vocab_trgm on search_vocab using gin (term gin_trgm_ops)`.execute(db);
            await sql`release savepoint kontor_trgm`.execute(db);
          } catch {
            await sql`rollback to savepoint kontor_trgm`.execute(db);
          }
        }
      } else {
        await sql`create virtual table product_search using fts5(product_id unindexed, ${sql.raw(SEARCH_FIELDS.join(', '))}, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')`.execute(db);
        await sql`create virtual table product_search_terms using fts5vocab(product_search, row)`.execute(db);
        await sql`create table search_vocab (term text primary key, df integer not null)`.execute(db);
        await sql`create virtual table search_vocab_trigrams using fts5(term, tokenize = 'trigram')`.execute(db);
      }
      // EAN look-ups (exact matches first) and the catalogue order (category, then name) by index.
      await db.schema.createIndex('products_ean').on('products').columns(['ean']).execute();
      await db.schema.createIndex('products_category_name_de').on('products').columns(['category', 'name_de', 'sku']).execute();
      await db.schema.createIndex('products_category_name_en').on('products').columns(['category', 'name_en', 'sku']).execute();
      await indexProducts(db);
    },
    async down(db: Kysely<any>) {
      for (const i of ['products_category_name_en', 'products_category_name_de', 'products_ean']) await db.schema.dropIndex(i).execute();
      for (const t of isPostgres(db) ? ['search_vocab', 'product_search'] : ['search_vocab_trigrams', 'search_vocab', 'product_search_terms', 'product_search']) {
        await sql`drop table ${sql.raw(t)}`.execute(db);
      }
    },
  },
  '0012_partner_access': {
    async up(db: Kysely<unknown>) {
      // Which key minted a customer token (its `kid`), so revoking the key ends its tokens at once.
      // Existing keys get an id from their hash; new keys get one of their own (partner.service.ts).
      await db.schema.alterTable('partner_api_keys').addColumn('key_id', 'text').execute();
      await sql`update partner_api_keys set key_id = 'pk_' || substr(key_hash, 1, 16)`.execute(db);
      await db.schema.createIndex('partner_api_keys_key_id').unique().on('partner_api_keys').columns(['key_id']).execute();
      // Customer tokens of the company issued before this instant are refused: a revoked customer
      // link (the partner no longer serves it) or a revocation of its tokens by the partner.
      await db.schema.alterTable('companies').addColumn('partner_tokens_valid_from', 'text').execute();
      // The browser origins a partner's portal runs on: its customer tokens work from these only.
      await db.schema
        .createTable('partner_origins')
        .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('partner_origins_pk', ['partner_id', 'origin'])
        .execute();
      // The partner's own id of the person who placed an order through its portal (the token's `ext`).
      await db.schema.alterTable('orders').addColumn('partner_user_ref', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('orders').dropColumn('partner_user_ref').execute();
      await db.schema.dropTable('partner_origins').execute();
      await db.schema.alterTable('companies').dropColumn('partner_tokens_valid_from').execute();
      await db.schema.dropIndex('partner_api_keys_key_id').execute();
      await db.schema.alterTable('partner_api_keys').dropColumn('key_id').execute();
    },
  },
  '0013_assistant': {
    async up(db: Kysely<unknown>) {
      // The shop assistant's conversations, per company and user (user_key: a user id, or partner and external ref).
      await db.schema
        .createTable('assistant_conversations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('user_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('assistant_conversations_user').on('assistant_conversations').columns(['company_id', 'user_key', 'updated_at']).execute();
      await db.schema
        .createTable('assistant_turns')
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('assistant_conversations.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('company_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('reply', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('assistant_turns_pk', ['conversation_id', 'seq'])
        .execute();
      // A proposed action: confirmed once (used_at set in the transaction of its effect), until expires_at.
      await db.schema
        .createTable('assistant_actions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('user_key', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('result', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('assistant_handoffs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('user_key', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('transcript', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('company_sales_reps')
        .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
        .addColumn('rep_id', 'text', (c) => c.notNull().references('seller_users.id'))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['company_sales_reps', 'assistant_handoffs', 'assistant_actions', 'assistant_turns', 'assistant_conversations']) await db.schema.dropTable(t).execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the named version, up or down (tests of a migration's data step). */
export async function migrateTo(db: Kysely<any>, name: keyof typeof migrations): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw new Error(`Migration to ${name} failed`, { cause: error });
}

/** Brings the schema to the latest version; throws with the failing migration's error. */
export async function migrate(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed`, { cause: error });
  }
}
