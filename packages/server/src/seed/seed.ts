import { hashPassword } from '../auth/password.js';
import { hashToken, partnerKeyIdOf } from '../auth/tokens.js';
import type { Db } from '../db/database.js';
import type { World } from './world.js';
import { indexProducts } from '../db/search-index.js';
import { searchText } from '../db/search-key.js';

const chunks = <T>(rows: T[], size = 200): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};

/** True when the database has no companies yet (fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0) === 0;
}

/** Writes a world in one transaction. Passwords are hashed and API keys stored as hashes. */
export async function seed(db: Db, world: World, now: Date): Promise<void> {
  const passwordHashes = await Promise.all(world.users.map((u) => hashPassword(u.password)));
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('partners').values(world.partners.map((p) => ({ id: p.id, name: p.name }))).execute();
    await trx
      .insertInto('partner_api_keys')
      .values(world.partners.map((p) => ({ key_hash: hashToken(p.apiKey), key_id: partnerKeyIdOf(hashToken(p.apiKey)), partner_id: p.id, created_at: now.toISOString(), revoked_at: null })))
      .execute();
    const origins = world.partners.flatMap((p) => (p.origins ?? []).map((origin) => ({ partner_id: p.id, origin, created_at: now.toISOString() })));
    if (origins.length) await trx.insertInto('partner_origins').values(origins).execute();
    await trx.insertInto('price_lists').values(world.priceLists.map((l) => ({ id: l.id, company_id: l.companyId, currency: l.currency }))).execute();
    await trx
      .insertInto('companies')
      .values(world.companies.map((c) => ({ id: c.id, name: c.name, customer_number: c.customerNumber, price_list_id: c.priceListId, partner_id: c.partnerId, credit_limit: c.creditLimit })))
      .execute();
    if (world.addresses.length) {
      await trx
        .insertInto('company_addresses')
        .values(world.addresses.map((a) => ({
          id: a.id, company_id: a.companyId, label: a.label, name: a.name, addition: a.addition, street: a.street, postcode: a.postcode,
          city: a.city, country: a.country, is_default: a.isDefault ? 1 : 0, created_at: now.toISOString(),
        })))
        .execute();
    }
    const { seller } = world;
    await trx
      .insertInto('seller_profile')
      .values({ id: 'seller', name: seller.name, creditor_id: seller.creditorId, bank_account_holder: seller.bank.accountHolder, bank_iban: seller.bank.iban, bank_bic: seller.bank.bic, bank_name: seller.bank.bank })
      .execute();
    await trx
      .insertInto('users')
      .values(world.users.map((u, i) => ({ id: u.id, company_id: u.companyId, email: u.email.toLowerCase(), name: u.name, role: u.role, locale: u.locale, password_hash: passwordHashes[i]! })))
      .execute();
    const reps = world.sellerUsers ?? [];
    if (reps.length) {
      const repHashes = await Promise.all(reps.map((u) => hashPassword(u.password)));
      await trx
        .insertInto('seller_users')
        .values(reps.map((u, i) => ({ id: u.id, email: u.email.toLowerCase(), name: u.name, locale: u.locale, password_hash: repHashes[i]!, approval_limit_bp: u.approvalLimitBp, created_at: now.toISOString() })))
        .execute();
    }
    await trx.insertInto('categories').values(world.categories.map((c, i) => ({ slug: c.slug, name_de: c.name.de, name_en: c.name.en, position: i }))).execute();
    for (const batch of chunks(world.products, 100)) {
      await trx
        .insertInto('products')
        .values(
          batch.map((p) => ({
            id: p.id, sku: p.sku, name_de: p.name.de, name_en: p.name.en, description_de: p.description.de, description_en: p.description.en,
            category: p.category, brand: p.brand, ean: p.ean, unit: p.unit, pack_size: p.packSize, price_unit: p.priceUnit, tax_class: p.taxClass,
            status: p.status, replacement_sku: p.replacementSku, qty_min: p.quantityRules.min, qty_step: p.quantityRules.step,
            qty_max: p.quantityRules.max ?? null, visibility: p.visibility, lead_time_days: p.leadTimeDays,
            search_text: searchText([p.sku, p.name.de, p.name.en, p.brand, p.ean]),
          })),
        )
        .execute();
    }
    const visibility = world.products.flatMap((p) => p.visibleTo.map((companyId) => ({ company_id: companyId, product_id: p.id })));
    if (visibility.length) await trx.insertInto('product_companies').values(visibility).execute();
    const tiers = world.priceLists.flatMap((l) => l.tiers.map((t) => ({ price_list_id: l.id, sku: t.sku, min_quantity: t.minQuantity, amount: t.amount })));
    for (const batch of chunks(tiers, 250)) await trx.insertInto('price_list_tiers').values(batch).execute();

    await trx
      .insertInto('warehouses')
      .values(world.warehouses.map((w) => ({ id: w.id, name: w.name, country: w.country, region: w.region, time_zone: w.timeZone, cutoff: w.cutoff, transit_days: JSON.stringify(w.transitDays) })))
      .execute();
    const at = now.toISOString();
    for (const batch of chunks(world.stock, 250)) {
      await trx.insertInto('stock_positions').values(batch.map((s) => ({ warehouse_id: s.warehouseId, sku: s.sku, on_hand: s.onHand, reserved: s.reserved, updated_at: at }))).execute();
    }
    // Receipts are days from the day of seeding, so the demo always has goods coming.
    const receipts = new Map<string, { warehouse_id: string; sku: string; date: string; quantity: number }>();
    for (const s of world.stock) {
      for (const r of s.receipts) {
        const date = new Date(now.getTime() + r.inDays * 86_400_000).toISOString().slice(0, 10);
        const key = `${s.warehouseId}|${s.sku}|${date}`;
        const row = receipts.get(key);
        if (row) row.quantity += r.quantity;
        else receipts.set(key, { warehouse_id: s.warehouseId, sku: s.sku, date, quantity: r.quantity });
      }
    }
    for (const batch of chunks([...receipts.values()], 250)) await trx.insertInto('stock_receipts').values(batch).execute();
    if (world.erpKeys.length) {
      await trx.insertInto('erp_api_keys').values(world.erpKeys.map((k) => ({ key_hash: hashToken(k.apiKey), name: k.name, created_at: at, revoked_at: null }))).execute();
    }
    await indexProducts(trx);
  });
}
