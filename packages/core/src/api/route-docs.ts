import type { ErrorCode } from '../errors/kontor-error.js';
import type { RouteId } from './routes.js';
import type { ReorderRouteId } from './reorder.routes.js';
import type { AssistantRouteId } from './assistant.routes.js';
import type { StandingOrderRouteId } from './standing-order.routes.js';
import type { OfferRouteId, SellerOfferRouteId } from './offer.routes.js';
import type { PartnerRouteId } from './partner.routes.js';

/**
 * What the OpenAPI document says about each route. Kept apart from the route table, which every
 * browser bundle carries: these texts are for the document only.
 */
export interface RouteDoc {
  summary: string;
  tag: string;
  /** Error codes this route answers with besides the common ones. */
  errors: ErrorCode[];
}

/** One per route (of both tables): the compiler refuses a route without its documentation. */
export const routeDocs: Record<RouteId | StandingOrderRouteId | PartnerRouteId | ReorderRouteId | OfferRouteId | SellerOfferRouteId | AssistantRouteId, RouteDoc> = {
  login: {
    tag: 'identity',
    summary: 'Sign in with e-mail and password; returns a session token.',
    errors: ['validation', 'unauthorized', 'rate_limited'],
  },
  logout: {
    tag: 'identity',
    summary: 'End the current session.',
    errors: ['unauthorized'],
  },
  me: {
    tag: 'identity',
    summary: 'Who the bearer token belongs to.',
    errors: ['unauthorized'],
  },
  mintCustomerToken: {
    tag: 'partners',
    summary: "Mint a short-lived token for one of the partner's customer companies (partner API key; server to server only).",
    errors: ['validation', 'unauthorized', 'forbidden', 'not_found'],
  },
  partnerCompanies: {
    tag: 'partners',
    summary: 'The companies a partner serves.',
    errors: ['unauthorized', 'forbidden'],
  },
  partnerCustomerOrders: {
    tag: 'partners',
    summary: "A customer company's orders, newest first, cursor-paged, with the same filters as the buyer's history (partner API key; server to server only). A company the partner does not serve is a 404.",
    errors: ['validation', 'unauthorized', 'forbidden', 'not_found'],
  },
  partnerCustomerOrder: {
    tag: 'partners',
    summary: "One order of a customer company with its lines and timeline, channel and partner (partner API key). Another company's order is a 404.",
    errors: ['validation', 'unauthorized', 'forbidden', 'not_found'],
  },
  revokeCustomerTokens: {
    tag: 'partners',
    summary: 'Revoke every customer token the partner minted for the company so far: each is refused (401 token_revoked) from its next request; tokens minted afterwards work (partner API key).',
    errors: ['validation', 'unauthorized', 'forbidden', 'not_found'],
  },
  listProducts: {
    tag: 'catalogue',
    summary: "List and search products with the caller's prices: ranked search (exact SKU/EAN first, word forms, compounds, prefixes, typos), filters by category, brand and unit with counts (facets=true).",
    errors: ['validation', 'unauthorized'],
  },
  getProduct: {
    tag: 'catalogue',
    summary: "One product by SKU with the caller's prices.",
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  listCategories: {
    tag: 'catalogue',
    summary: 'Categories with the number of products the caller sees.',
    errors: ['unauthorized'],
  },
  quotePrices: {
    tag: 'pricing',
    summary: "Price lines at the caller's prices; quantities are checked against each product's rules.",
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  listCarts: {
    tag: 'carts',
    summary: "The caller's open carts: the active one and the saved ones.",
    errors: ['unauthorized'],
  },
  createCart: {
    tag: 'carts',
    summary: 'Start a cart, empty or as a copy of another ("save as"); takes an Idempotency-Key.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  getCart: {
    tag: 'carts',
    summary: "One cart with its lines at the caller's current prices.",
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  updateCart: {
    tag: 'carts',
    summary: 'Rename a cart or make it the active one.',
    errors: ['validation', 'unauthorized', 'not_found', 'conflict'],
  },
  deleteCart: {
    tag: 'carts',
    summary: 'Delete a cart.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  changeCart: {
    tag: 'carts',
    summary: 'Add, set and remove lines against a version, all or nothing; takes an Idempotency-Key. A stale version is a 409 with the current cart in details.cart.',
    errors: ['validation', 'unauthorized', 'not_found', 'conflict'],
  },
  cartHistory: {
    tag: 'carts',
    summary: "A cart's history, newest first (at most 500 entries).",
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  handOffCart: {
    tag: 'carts',
    summary: 'Hand a cart to a colleague (at once) or to another channel (a code valid for 30 minutes, used once). Takes an Idempotency-Key: a colleague hand-off retried with it answers the same; a channel hand-off retried makes a new code (codes are kept only hashed).',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  claimCart: {
    tag: 'carts',
    summary: "Continue a handed-off cart: it becomes the caller's active cart, with its history. Only within the same company. Takes an Idempotency-Key: a retried claim answers the same cart instead of 404 for a used code.",
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  listColleagues: {
    tag: 'identity',
    summary: "The users of the caller's company (to hand a cart to).",
    errors: ['unauthorized'],
  },
  checkAvailability: {
    tag: 'availability',
    summary: 'Availability and the delivery date for many (sku, quantity) pairs to one destination country; an unknown SKU is an error of its item, not of the batch.',
    errors: ['validation', 'unauthorized'],
  },
  updateStock: {
    tag: 'availability',
    summary: "The seller's ERP sets stock on hand, reservations and incoming receipts per warehouse and SKU (absolute numbers, all or nothing; ERP key).",
    errors: ['validation', 'unauthorized', 'forbidden'],
  },
  listAddresses: {
    tag: 'orders',
    summary: "The caller's company's saved delivery addresses, the default first.",
    errors: ['unauthorized'],
  },
  checkoutOptions: {
    tag: 'orders',
    summary: 'What the checkout offers for a cart: saved addresses, payment methods with the credit left, the earliest delivery date, bank details for prepayment.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  placeOrder: {
    tag: 'orders',
    summary: 'Place a cart as an order, exactly once per Idempotency-Key: prices, tax and address are snapshotted, stock reserved and the cart emptied in one transaction. A cart changed since display is a 409 with details.changes.',
    errors: ['validation', 'unauthorized', 'not_found', 'conflict'],
  },
  listOrders: {
    tag: 'orders',
    summary: "The caller's company's orders, newest first; filter by status, days, PO number, text.",
    errors: ['validation', 'unauthorized'],
  },
  getOrder: {
    tag: 'orders',
    summary: 'One order with its lines, payment and timeline.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  updateOrderStatuses: {
    tag: 'orders',
    summary: "The seller's ERP moves orders along (confirmed, in fulfilment, shipped with carrier and tracking, delivered, cancelled), all or nothing (ERP key).",
    errors: ['validation', 'unauthorized', 'forbidden'],
  },
  listOutboxDeliveries: {
    tag: 'outbox',
    summary: 'Deliveries of order events to webhooks and mail, newest event first; default the dead ones (retries used up) (ERP key).',
    errors: ['validation', 'unauthorized', 'forbidden'],
  },
  retryOutboxDelivery: {
    tag: 'outbox',
    summary: 'Send one delivery again from now on with a fresh set of attempts, e.g. a dead one after the receiver was fixed (ERP key).',
    errors: ['validation', 'unauthorized', 'forbidden', 'not_found'],
  },
  listStandingOrders: {
    tag: 'standing-orders',
    summary: "The caller's company's standing orders, newest first, cursor-paged; filter by status. Each with its next run as the server computes it now.",
    errors: ['validation', 'unauthorized'],
  },
  createStandingOrder: {
    tag: 'standing-orders',
    summary: 'Set up a standing order: lines, delivery address, payment, PO-number pattern, schedule (RRULE text or the structured form), price mode, shortage and catch-up policy, reminder lead time; `from` a cart or a past order fills what is left out. Takes an Idempotency-Key.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  previewSchedule: {
    tag: 'standing-orders',
    summary: 'A schedule without saving it: its occurrences with the business-day moves and their reasons (holiday names), the summary in the request language, the structured form or null.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  getStandingOrder: {
    tag: 'standing-orders',
    summary: 'One standing order of the company.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  updateStandingOrder: {
    tag: 'standing-orders',
    summary: 'Change a standing order against the version seen: `from_next_run` (every run not yet run) or `one_run` (one occurrence). A stale version, a cancelled or ended standing order is a 409 with details.standingOrder.',
    errors: ['validation', 'unauthorized', 'not_found', 'conflict'],
  },
  standingOrderAction: {
    tag: 'standing-orders',
    summary: 'Pause (until a day or until resumed), resume, skip or unskip an occurrence, order now (places the next run at once, which uses it up), cancel — each against the version seen. Takes an Idempotency-Key (order now places an order).',
    errors: ['validation', 'unauthorized', 'not_found', 'conflict'],
  },
  upcomingRuns: {
    tag: 'standing-orders',
    summary: 'The coming occurrences of a standing order: scheduled, skipped or in a pause, with their moves, one-run changes and reminder time.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  standingOrderRuns: {
    tag: 'standing-orders',
    summary: "A standing order's history of runs, newest occurrence first: the order each placed, or why it failed, was held, missed or skipped.",
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  standingOrderFeed: {
    tag: 'standing-orders',
    summary: "The secret URL of the company's calendar feed (ICS) of coming standing-order deliveries.",
    errors: ['unauthorized'],
  },
  rotateStandingOrderFeed: {
    tag: 'standing-orders',
    summary: "A new secret for the company's calendar feed; the old URL stops working. Company admins only.",
    errors: ['unauthorized', 'forbidden'],
  },
  standingOrderFeedIcs: {
    tag: 'standing-orders',
    summary: "The company's coming standing-order deliveries as an iCalendar feed (text/calendar), by its secret URL; an unknown or rotated secret is a 404.",
    errors: ['not_found'],
  },
  standingOrderLinkPage: {
    tag: 'standing-orders',
    summary: "A reminder mail's one-click link (skip this run, pause): an HTML page saying what it will do, with a button that POSTs. Looking at it changes nothing, so mail scanners do no harm.",
    errors: [],
  },
  useStandingOrderLink: {
    tag: 'standing-orders',
    summary: 'Does what a one-click link says, once: an HTML page with the result. A used, expired or overtaken link (the run is over) answers a page saying so and changes nothing.',
    errors: [],
  },
  erpDueRuns: {
    tag: 'standing-orders',
    summary: "Standing-order runs due from now up to a day (default 14 days on), across companies, with their lines, warehouse and destination, to plan stock (ERP key).",
    errors: ['validation', 'unauthorized', 'forbidden'],
  },
  reorderCandidates: {
    tag: 'reorder',
    summary: "The company's recent orders and most-ordered products with the last quantity and date, today's price and its change, today's delivery promise, and each product's purchase cadence (overdue, due soon, on track, not predictable).",
    errors: ['validation', 'unauthorized'],
  },
  reorder: {
    tag: 'reorder',
    summary: 'Reorder a past order (whole or picked lines) or products into the current cart (merging, at its version), a new saved cart, or straight to an order with the last order\'s delivery and payment; answers line by line what happened (added, merged, re-priced, replaced, later, refused). Takes an Idempotency-Key.',
    errors: ['validation', 'unauthorized', 'not_found', 'conflict'],
  },
  reorderSettings: {
    tag: 'reorder',
    summary: "Whether the company gets reorder reminders (a mail when products become due).",
    errors: ['unauthorized'],
  },
  updateReorderSettings: {
    tag: 'reorder',
    summary: 'Turn reorder reminders on or off, against the version seen (409 when stale). Company admins only.',
    errors: ['validation', 'unauthorized', 'forbidden', 'conflict'],
  },
  reorderLinkPage: {
    tag: 'reorder',
    summary: "A reorder reminder's one-click link: an HTML page listing the due products, with a button that POSTs. Looking at it changes nothing.",
    errors: [],
  },
  useReorderLink: {
    tag: 'reorder',
    summary: 'Prepares a new saved cart with the due products of a reminder, once: an HTML page with the result. A used or expired link answers a page saying so and changes nothing.',
    errors: [],
  },
  assistantMessage: {
    tag: 'assistant',
    summary: "Send a message to the shop assistant (the built-in deterministic German/English router): the reply has plain text, quick-reply chips and cards (order, availability, product, standing order, a proposed action to confirm, a hand-off). It reads only what the caller may see; state-changing skills only propose. 1–2000 characters (path ['text']); rate-limited per user.",
    errors: ['validation', 'unauthorized', 'not_found', 'rate_limited'],
  },
  confirmAssistantAction: {
    tag: 'assistant',
    summary: "Carry out an action the assistant proposed (reorder the last order, add to cart, skip or pause the next standing-order run, request an offer), once, through the same services as the HTTP routes. Expired: 409 action_expired; confirmed before: 409 action_used; another user's: 404.",
    errors: ['validation', 'unauthorized', 'not_found', 'conflict', 'action_expired', 'action_used'],
  },
  assistantConversation: {
    tag: 'assistant',
    summary: "The caller's own assistant conversation, oldest turn first (another user's: 404).",
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  createOfferRequest: {
    tag: 'offers',
    summary: 'Ask for an offer: from a cart of the caller (its lines) or from scratch, with a message and a desired delivery day. Takes an Idempotency-Key: a double submit makes one request.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  listOfferRequests: {
    tag: 'offers',
    summary: "The company's offer requests, newest first, cursor-paged; filter by status (open, offered).",
    errors: ['validation', 'unauthorized'],
  },
  getOfferRequest: {
    tag: 'offers',
    summary: 'One offer request of the company.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  listOffers: {
    tag: 'offers',
    summary: "The company's offers that were sent, newest first, cursor-paged; filter by status. Each with every sent version.",
    errors: ['validation', 'unauthorized'],
  },
  getOffer: {
    tag: 'offers',
    summary: 'One offer of the company with every sent version and its history; another company\'s id is a 404.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  compareOffer: {
    tag: 'offers',
    summary: 'Two versions of an offer line by line (price, quantity, added, removed), their extra lines, gross and validity; version 0 is the request it answers.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  acceptOffer: {
    tag: 'offers',
    summary: "Accept the current version, exactly once per Idempotency-Key: validity and availability are checked again, then an order is placed at the offer's prices (the checkout's placement) or a standing order set up with them fixed until the offer's price end. Expired: 409 offer_expired; withdrawn, rejected, superseded or unavailable: 409 offer_not_acceptable; stale version: 409 conflict.",
    errors: ['validation', 'unauthorized', 'not_found', 'conflict', 'offer_expired', 'offer_not_acceptable'],
  },
  rejectOffer: {
    tag: 'offers',
    summary: 'Reject the current version with a reason (the rep is told).',
    errors: ['validation', 'unauthorized', 'not_found', 'conflict', 'offer_expired', 'offer_invalid_transition'],
  },
  requestOfferChanges: {
    tag: 'offers',
    summary: 'Ask for changes to the current version with a comment (and the lines wished for); the rep drafts the next version.',
    errors: ['validation', 'unauthorized', 'not_found', 'conflict', 'offer_expired', 'offer_invalid_transition'],
  },
  offerDocument: {
    tag: 'offers',
    summary: "A printable offer (HTML with a print stylesheet) with the seller's letterhead, version and validity.",
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  sellerLogin: {
    tag: 'seller',
    summary: "Sign in as a member of the seller's staff (a sales rep); returns a seller session token, good for /v1/seller routes only.",
    errors: ['validation', 'unauthorized', 'rate_limited'],
  },
  sellerLogout: {
    tag: 'seller',
    summary: 'End the seller session.',
    errors: ['unauthorized'],
  },
  sellerMe: {
    tag: 'seller',
    summary: 'The signed-in sales rep, with their approval limit.',
    errors: ['unauthorized'],
  },
  sellerCompanies: {
    tag: 'seller',
    summary: 'The customer companies a rep can draft an offer for.',
    errors: ['unauthorized'],
  },
  sellerListOfferRequests: {
    tag: 'seller',
    summary: 'Offer requests of every company, newest first; filter by status.',
    errors: ['validation', 'unauthorized'],
  },
  sellerCreateOffer: {
    tag: 'seller',
    summary: 'Draft an offer from a request (its lines at list price unless content is given) or from scratch for a company. Takes an Idempotency-Key. A request that already has an offer is a 409.',
    errors: ['validation', 'unauthorized', 'not_found', 'conflict'],
  },
  sellerListOffers: {
    tag: 'seller',
    summary: 'Offers of every company, newest first; filter by status and company.',
    errors: ['validation', 'unauthorized'],
  },
  sellerGetOffer: {
    tag: 'seller',
    summary: 'One offer with its draft, its approval and every version.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
  sellerUpdateDraft: {
    tag: 'seller',
    summary: 'Write the draft of the next version (lines with list price, unit price or discount, whole-offer discount, extras, validity, terms, comment) against the version seen; drops an approval. Negative prices and discounts over 100 % are 422.',
    errors: ['validation', 'unauthorized', 'not_found', 'conflict', 'offer_invalid_transition'],
  },
  sellerApproveOffer: {
    tag: 'seller',
    summary: "Approve a colleague's draft that is below their approval limit (not one's own).",
    errors: ['validation', 'unauthorized', 'not_found', 'conflict', 'offer_invalid_transition'],
  },
  sellerSendOffer: {
    tag: 'seller',
    summary: 'Send the draft as the next version and mail the buyer. Below the author\'s limit without a second rep\'s approval: 409 offer_approval_required. Takes an Idempotency-Key.',
    errors: ['validation', 'unauthorized', 'not_found', 'conflict', 'offer_approval_required', 'offer_invalid_transition'],
  },
  sellerWithdrawOffer: {
    tag: 'seller',
    summary: 'Withdraw an offer that is not accepted, rejected or expired; the buyer is mailed.',
    errors: ['validation', 'unauthorized', 'not_found', 'conflict', 'offer_invalid_transition'],
  },
  sellerOfferDocument: {
    tag: 'seller',
    summary: 'The printable offer document of any version, the draft included.',
    errors: ['validation', 'unauthorized', 'not_found'],
  },
};
