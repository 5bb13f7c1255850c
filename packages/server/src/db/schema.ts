import type { Channel, OutboxEventType } from '@kontor/core';

/**
 * Tables as Kysely sees them. Amounts are integer minor units; instants are ISO 8601 UTC text
 * (sorts correctly as text on both SQLite and PostgreSQL).
 */
export interface Database {
  partners: { id: string; name: string };
  /** `key_id` (migration 0012): the key's public id, the `kid` of the customer tokens it mints. */
  partner_api_keys: { key_hash: string; partner_id: string; created_at: string; revoked_at: string | null; key_id: string | null };
  /** The browser origins a partner's portal runs on (migration 0012): its customer tokens work from these only. */
  partner_origins: { partner_id: string; origin: string; created_at: string };
  companies: {
    id: string;
    name: string;
    customer_number: string;
    price_list_id: string | null;
    partner_id: string | null;
    /** Minor units in the currency of the company's prices; `null`: no buying on account (migration 0005). */
    credit_limit: number | null;
    /** Customer tokens for the company issued before this instant are refused (migration 0012). */
    partner_tokens_valid_from: string | null;
  };
  users: {
    id: string;
    company_id: string;
    email: string;
    name: string;
    role: 'buyer' | 'approver' | 'admin';
    locale: 'de' | 'en';
    password_hash: string;
  };
  sessions: { token_hash: string; user_id: string; company_id: string; expires_at: string; created_at: string };
  categories: { slug: string; name_de: string; name_en: string; position: number };
  products: {
    id: string;
    sku: string;
    name_de: string;
    name_en: string;
    description_de: string;
    description_en: string;
    category: string;
    brand: string | null;
    ean: string | null;
    unit: 'piece' | 'meter' | 'roll' | 'pack' | 'box' | 'kg' | 'liter';
    pack_size: number;
    price_unit: number;
    tax_class: 'standard' | 'reduced' | 'zero';
    status: 'active' | 'discontinued';
    replacement_sku: string | null;
    qty_min: number;
    qty_step: number;
    qty_max: number | null;
    /** Folded sku, names, brand and EAN (db/search-key.ts); search reads product_search since migration 0011. */
    search_text: string;
    visibility: 'public' | 'restricted';
    /** Business days to procure it when nothing is in stock or incoming; `null`: cannot be procured. */
    lead_time_days: number | null;
  };
  product_companies: { company_id: string; product_id: string };
  price_lists: { id: string; company_id: string | null; currency: string };
  price_list_tiers: { price_list_id: string; sku: string; min_quantity: number; amount: number };
  carts: {
    id: string;
    company_id: string;
    /** Set for a user's cart; `null` for a partner portal's cart (then `owner_partner_id` is set). */
    owner_user_id: string | null;
    owner_partner_id: string | null;
    name: string;
    status: 'open' | 'ordered';
    /** 1 for the owner's current cart (at most one per owner), else 0. */
    active: number;
    version: number;
    currency: string;
    created_channel: Channel;
    created_partner_id: string | null;
    last_channel: Channel;
    last_partner_id: string | null;
    created_at: string;
    updated_at: string;
  };
  cart_lines: { cart_id: string; sku: string; quantity: number; position: number; added_at: string };
  cart_events: {
    id: string;
    cart_id: string;
    company_id: string;
    seq: number;
    at: string;
    kind: 'created' | 'changed' | 'renamed' | 'activated' | 'handed_off' | 'claimed';
    version: number;
    channel: Channel;
    partner_id: string | null;
    actor_user_id: string | null;
    /** JSON object. */
    data: string;
  };
  /** Hand-off codes, stored only as their SHA-256. */
  cart_handoffs: { code_hash: string; cart_id: string; company_id: string; channel: Channel; created_at: string; expires_at: string; claimed_at: string | null };
  /** Answers of requests sent with an Idempotency-Key, per caller scope; see http/idempotency.ts. */
  idempotency_keys: { scope: string; key: string; request_hash: string; status: number; body: string; created_at: string };
  warehouses: {
    id: string;
    name: string;
    country: string;
    /** ISO 3166-2, e.g. `DE-BY`. */
    region: string;
    time_zone: string;
    /** Local `HH:MM`. */
    cutoff: string;
    /** JSON object `{ "DE": 1, "AT": 2 }`: business days of transit per destination country. */
    transit_days: string;
  };
  /** Absolute stock of a SKU in a warehouse, as the ERP last reported it. */
  stock_positions: { warehouse_id: string; sku: string; on_hand: number; reserved: number; updated_at: string };
  /** Incoming goods; one row per position and day (same-day receipts are added up). */
  stock_receipts: { warehouse_id: string; sku: string; date: string; quantity: number };
  /** The seller's ERP credentials, stored only as their SHA-256. */
  erp_api_keys: { key_hash: string; name: string; created_at: string; revoked_at: string | null };
  /** A company's saved delivery addresses (migration 0005). */
  company_addresses: {
    id: string;
    company_id: string;
    label: string;
    name: string;
    addition: string | null;
    street: string;
    postcode: string;
    city: string;
    country: string;
    is_default: number;
    created_at: string;
  };
  /** The seller (one row, id `seller`): SEPA creditor id and the bank account for prepayment. */
  seller_profile: { id: string; name: string; creditor_id: string; bank_account_holder: string; bank_iban: string; bank_bic: string; bank_name: string };
  /** Year → the last order number handed out in it. */
  order_sequences: { year: number; last: number };
  orders: {
    id: string;
    company_id: string;
    number: string;
    status: 'placed' | 'confirmed' | 'in_fulfilment' | 'shipped' | 'delivered' | 'cancelled';
    placed_at: string;
    placed_by_user_id: string | null;
    placed_by_name: string;
    /** The partner's own id of the person, for an order through its portal (migration 0012); optional on insert (rows written by tests and tools without one). */
    partner_user_ref?: string | null;
    channel: Channel;
    partner_id: string | null;
    cart_id: string;
    currency: string;
    net_amount: number;
    gross_amount: number;
    /** JSON: core's Totals. */
    totals: string;
    line_count: number;
    /** JSON: core's Address. */
    delivery_address: string;
    requested_delivery_date: string | null;
    promised_delivery: string | null;
    po_number: string | null;
    cost_center: string | null;
    comment: string | null;
    payment_method: 'invoice' | 'prepayment' | 'sepa_debit';
    /** JSON: core's OrderPayment. */
    payment: string;
    /** JSON: core's Tracking. */
    tracking: string | null;
    updated_at: string;
  };
  /** An order's lines as they were placed; `reserved` is JSON `[{ warehouseId, quantity }]`. */
  order_lines: {
    company_id: string;
    order_id: string;
    position: number;
    sku: string;
    name_de: string;
    name_en: string;
    unit: Database['products']['unit'];
    quantity: number;
    price_unit: number;
    unit_amount: number;
    net_amount: number;
    tax_class: Database['products']['tax_class'];
    tax_rate: number;
    promised_delivery: string | null;
    reserved: string;
  };
  /** An order's timeline, in `seq` order. */
  order_events: {
    company_id: string;
    order_id: string;
    seq: number;
    status: Database['orders']['status'];
    at: string;
    note: string | null;
    carrier: string | null;
    tracking_number: string | null;
  };
  /** SEPA direct debit mandates: the only place with a full IBAN. */
  sepa_mandates: { reference: string; company_id: string; order_id: string; account_holder: string; iban: string; signed_at: string };
  /** Events of the outbox, written in the transaction of the change; `payload` is JSON text. See outbox/outbox.ts. */
  outbox_events: {
    id: string;
    /** Core's `OutboxEventType`: the order events and the mail-only kinds (standing orders, offers, reorder reminders). */
    type: OutboxEventType;
    aggregate_id: string;
    company_id: string;
    payload: string;
    created_at: string;
    /** The event's number among its aggregate's (order's) events: 1, 2, 3 … */
    sequence: number;
  };
  /** One delivery of an event to a target (`mail`, `webhook:<name>`), retried until delivered or dead. */
  outbox_deliveries: {
    event_id: string;
    target: string;
    status: 'pending' | 'delivered' | 'dead';
    /** Attempts started (counted when claimed). */
    attempts: number;
    next_attempt_at: string;
    /** A worker's lease: nobody else claims the delivery before it passes. */
    locked_until: string | null;
    last_error: string | null;
    delivered_at: string | null;
  };
  /** Mails kept by the dev mailbox transport (KONTOR_DEV_MAILBOX=1). */
  dev_mailbox: { id: string; from: string; to: string; subject: string; text: string; html: string; created_at: string };
  /** Standing orders (migration 0008): core's StandingOrder as JSON in `data`; see standing-orders/. */
  standing_orders: {
    id: string;
    company_id: string;
    /** The user the runs are placed as; `null` for a partner portal's (then `created_by_partner_id`). */
    created_by_user_id: string | null;
    created_by_partner_id: string | null;
    status: 'active' | 'paused' | 'ended' | 'cancelled';
    version: number;
    /** JSON: core's StandingOrder (without `nextRun`, which is computed when answering). */
    data: string;
    /** JSON `{ "*": iban, "<occurrence>": iban }`: the full IBANs of direct debits; never answered. */
    sepa_ibans: string | null;
    reminder_days: number;
    /** When the scheduler has something to do for it next; `null`: nothing (cancelled, ended, paused until further notice). */
    next_at: string | null;
    /** The scheduler's last complete pass: occurrences due after it are still to decide. */
    checked_at: string;
    created_at: string;
    updated_at: string;
  };
  /** What each occurrence that came did; unique per (standing_order_id, occurrence). */
  standing_order_runs: {
    id: string;
    company_id: string;
    standing_order_id: string;
    occurrence: string;
    day: string;
    kind: 'scheduled' | 'catch_up' | 'order_now';
    status: 'placed' | 'held' | 'failed' | 'missed' | 'skipped';
    at: string;
    n: number | null;
    order_id: string | null;
    order_number: string | null;
    po_number: string | null;
    /** JSON ErrorIssue or `null`. */
    reason: string | null;
    /** JSON ErrorIssue[]. */
    notices: string;
    created_at: string;
  };
  /** Reminders sent, one per occurrence. */
  standing_order_reminders: { standing_order_id: string; occurrence: string; company_id: string; event_id: string | null; created_at: string };
  /** One-click links of reminders; the token is the id signed (see standing-orders/links.ts). */
  standing_order_links: {
    id: string;
    company_id: string;
    standing_order_id: string;
    occurrence: string;
    action: 'skip' | 'pause';
    expires_at: string;
    used_at: string | null;
    created_at: string;
  };
  /** A company's calendar feed: generation of its secret and the secret's SHA-256. */
  standing_order_feeds: { company_id: string; generation: number; secret_hash: string; rotated_at: string };
  /** The seller's staff (sales reps, migration 0009): they sign in for the /v1/seller routes. */
  seller_users: { id: string; email: string; name: string; locale: 'de' | 'en'; password_hash: string; approval_limit_bp: number; created_at: string };
  seller_sessions: { token_hash: string; seller_user_id: string; expires_at: string; created_at: string };
  /** A buyer's request for an offer; `lines` JSON [{ sku, quantity, note? }]. */
  offer_requests: {
    id: string;
    company_id: string;
    user_id: string | null;
    partner_id: string | null;
    requested_by: string;
    cart_id: string | null;
    lines: string;
    message: string | null;
    desired_date: string | null;
    status: 'open' | 'offered';
    offer_id: string | null;
    created_at: string;
  };
  /** An offer; `draft`, `history`, `result` JSON (see offers/service.ts). */
  offers: {
    id: string;
    company_id: string;
    number: string;
    request_id: string | null;
    rep_id: string;
    user_id: string | null;
    status: 'draft' | 'sent' | 'changes_requested' | 'accepted' | 'rejected' | 'expired' | 'withdrawn';
    version: number;
    current_version: number | null;
    valid_until: string | null;
    currency: string;
    draft: string | null;
    history: string;
    accepted_version: number | null;
    result: string | null;
    created_at: string;
    updated_at: string;
  };
  /** A version as sent (core's OfferVersion as JSON). */
  offer_versions: { offer_id: string; number: number; company_id: string; data: string; sent_at: string };
  offer_sequences: { year: number; last: number };
  /** Reorder reminders of a company (opt-in; no row: off). */
  reorder_settings: { company_id: string; reminders: number; version: number; updated_at: string };
  /** A reminder sent for a product's due cycle (`cycle`: the id of the company's last order of it). */
  reorder_reminders: { company_id: string; sku: string; cycle: string; event_id: string | null; created_at: string };
  /** A reminder's one-click link into a prepared cart; `lines` is JSON `[{ sku, quantity }]`. */
  reorder_links: { id: string; company_id: string; user_id: string; lines: string; expires_at: string; used_at: string | null; cart_id: string | null; created_at: string };
  /**
   * The catalogue's search index (migration 0011, see db/search-index.ts). SQLite: an FTS5 table with
   * one column per field of the search document; PostgreSQL: a weighted tsvector per product.
   */
  product_search: {
    product_id: string;
    document?: unknown;
    ident?: string; name?: string; head?: string; brand?: string; syn?: string; category?: string; part?: string; description?: string;
  };
  /** Every indexed term and in how many products it occurs (prefix and typo look-ups). */
  search_vocab: { term: string; df: number };
  /**
   * The shop assistant (migration 0013). `user_key`: the user's id, or `ptn:<partner>:<external
   * user ref>` for a partner's customer token. Conversations and actions belong to one user of one company.
   */
  assistant_conversations: { id: string; company_id: string; user_key: string; created_at: string; updated_at: string };
  /** A turn: the buyer's message or the assistant's reply (`reply`: core's AssistantReply as JSON). */
  assistant_turns: { conversation_id: string; seq: number; company_id: string; role: 'user' | 'assistant'; text: string; reply: string | null; at: string };
  /** A proposed action: `payload` JSON (what confirm does), single use (`used_at`), until `expires_at`. */
  assistant_actions: {
    id: string; company_id: string; user_key: string; conversation_id: string; kind: 'reorder' | 'add_to_cart' | 'standing_order_skip' | 'standing_order_pause' | 'request_offer';
    payload: string; summary: string; expires_at: string; used_at: string | null; result: string | null; created_at: string;
  };
  /** A hand-off to a person: the contact request with the transcript (JSON), mailed through the outbox. */
  assistant_handoffs: { id: string; company_id: string; user_key: string; conversation_id: string; transcript: string; event_id: string | null; created_at: string };
  /** The seller's rep who looks after a company (hand-offs are mailed to them; none: to every rep). */
  company_sales_reps: { company_id: string; rep_id: string };
}

/** Id of the base price list (the list of companies without their own prices). */
export const BASE_PRICE_LIST = 'pl_base';
