import type { Unit } from '@kontor/core/catalogue';
import type { Lang } from '@kontor/core/errors';

// Every string an element shows, in slices: one interface per element (and three shared ones),
// one object per slice and language (`de/*.ts`, `en/*.ts`); the compiler makes sure both languages
// have every key. Plurals and numbers in text are functions.

/** Shared by most elements: units, loading and error states, SKU and quantity labels, dates. */
export interface CommonStrings {
  $lang: Lang;
  /** BCP 47 tag for `Intl` (`de-DE`, `en-GB`). */
  $locale: string;
  /** Short unit label for a count: `unit('piece', 1)` → `Stk`. */
  unit(unit: Unit, count: number): string;
  priceOnRequest: string;
  quantity: string;
  /** Suggestion button label: "Menge 20 übernehmen". */
  useQuantity(quantity: string): string;
  search: string;
  sku: string;
  loading: string;
  retry: string;
  errorTitle: string;
  useReplacement(sku: string): string;
  /** A delivery day for the promise, from a `YYYY-MM-DD` day: "Do, 26.11." / "Thu 26 Nov" with the weekday, "04.12." / "4 Dec" without. */
  deliveryDay(day: string, withWeekday: boolean): string;
}

/** The strings of <kontor-price>. */
export interface PriceStrings {
  /** "netto" / "net". */
  net: string;
  /** `0,46 € / m`, `45,67 € / 100 m`. */
  pricePer(price: string, priceUnit: number, unit: string): string;
  /** Line net label: `250 m: 114,18 €`. */
  lineTotal(quantity: string, unit: string): string;
  priceTiers: string;
  /** First column of the tier table: "ab 100 Stk". */
  fromQuantity(quantity: string, unit: string): string;
  tierPrice: string;
  quantityColumn: string;
  /** "ab 100 Stk: 1,80 € / Stk". */
  nextTierHint(quantity: string, unit: string, price: string): string;
  companyPrice: string;
}

/** The strings of <kontor-quantity>. */
export interface QuantityStrings {
  /** Screen-reader suffix of a quantity label: "für {name}". */
  quantityFor(name: string): string;
  decrease: string;
  increase: string;
  suggestions: string;
  quantityRulesHint(min: string, step: string, unit: string): string;
}

/** The strings of <kontor-product-list>. */
export interface ProductListStrings {
  searchPlaceholder: string;
  category: string;
  allCategories: string;
  products: string;
  packSize(count: string, unit: string): string;
  discontinued: string;
  replacedBy(sku: string): string;
  loadMore: string;
  /** Announced after a load: "24 Artikel angezeigt". */
  productsShown(count: number): string;
  noProducts: string;
}

/** The strings of <kontor-cart>. */
export interface CartStrings {
  cart: string;
  cartEmpty: string;
  remove: string;
  /** Accessible name of a line's remove button. */
  removeItem(name: string): string;
  /** Skip button above a cart's lines, to its totals. */
  skipToTotals: string;
  /** Skip button below a cart's totals, back to its title. */
  backToTop: string;
  calculating: string;
  lineRemoved(name: string): string;
  quantityChanged(name: string, quantity: string): string;
  cartActions: string;
  savedCarts: string;
  activeCart: string;
  saveAs: string;
  cartName: string;
  save: string;
  cancel: string;
  close: string;
  savedAs(name: string): string;
  rename: string;
  renamed(name: string): string;
  /** Announced after switching saved carts: "„Baustelle“ ist jetzt der aktuelle Warenkorb." */
  nowCurrent(name: string): string;
  handOff: string;
  handOffTitle: string;
  handOffToColleague: string;
  handOffToChannel: string;
  colleague: string;
  channel: string;
  channelName(channel: 'web' | 'partner' | 'sales_rep' | 'chat' | 'api'): string;
  handOffCode: string;
  /** "Gültig bis 14:35 Uhr, einmal verwendbar." */
  handOffCodeHint(time: string): string;
  handOffLink: string;
  handedTo(name: string): string;
  claimTitle: string;
  claim: string;
  claimed(name: string): string;
  /** A code the server does not know (unknown, expired, used, another company's: one answer). */
  claimNotFound: string;
  /** A code that cannot be one (the wrong characters or length). */
  claimInvalid: string;
  exportCsv: string;
  history: string;
  historyKind(kind: 'created' | 'changed' | 'renamed' | 'activated' | 'handed_off' | 'claimed'): string;
  readOnly: string;
  cartProblems(count: number): string;
  /** A cart line whose promise is being asked for: "Lieferzeit wird geprüft …". */
  availabilityChecking: string;
  /** Before the reason why a cart shows no delivery promises: "Lieferzeiten sind gerade nicht verfügbar." */
  availabilityFailed: string;
}

/** Lines and totals, shared by the cart, checkout and order status. */
export interface TotalsStrings {
  item: string;
  unitPrice: string;
  total: string;
  netTotal: string;
  /** "zzgl. 19 % MwSt." */
  vat(rate: string): string;
  grossTotal: string;
  /** "12 Positionen". */
  lineCount(count: number): string;
  orderTotals: string;
}

/** The strings of <kontor-add-to-cart>. */
export interface AddToCartStrings {
  addToCart: string;
  adding: string;
  /** "30 Stk hinzugefügt". */
  added(quantity: string): string;
  /** "30 hinzugefügt – jetzt 40 im Warenkorb". */
  addedMerged(quantity: string, total: string): string;
  /** Why the button adds nothing while the linked quantity input holds a quantity off the rules. */
  invalidQuantityFirst: string;
}

/** The strings of <kontor-cart-count>. */
export interface CartCountStrings {
  /** Accessible label of the count: "Warenkorb: 12 Positionen". */
  cartCountLabel(count: number): string;
}

/** The strings of <kontor-quick-order>. */
export interface QuickOrderStrings {
  quickOrderLabel: string;
  quickOrderHint: string;
  uploadCsv: string;
  addLines: string;
  checking: string;
  linesAdded(count: number): string;
  rowsRejected(count: number): string;
  /** "Zeilen 3 und 17 zusammengefasst: KL-1001 × 250". */
  rowsMerged(lines: string, sku: string, quantity: string): string;
  /** "KL-1001 war schon im Warenkorb: 100 → 150". */
  mergedIntoCart(sku: string, from: string, to: string): string;
  /** "Zeile 4". */
  row(line: number): string;
  /** Held rows of one article whose sum the issue is about: "Zeilen 1, 4 zusammen: 1.015". */
  rowsAddedUp(lines: string, quantity: string): string;
  useSuggestion(value: string): string;
  noRows: string;
}

/** The strings of <kontor-availability>. */
export interface AvailabilityStrings {
  /** "Auf Lager – Lieferung Do, 26.11." */
  availabilityInStock(day: string): string;
  /** The whole quantity arrives later: "Lieferbar ab 04.12." */
  availabilityOnOrder(day: string): string;
  /** The part of a split that ships now: "3 sofort". */
  availabilityNow(quantity: string): string;
  /** A later part of a split: "7 ab 04.12." */
  availabilityFrom(quantity: string, day: string): string;
  /** What cannot be promised at all: "2 nicht lieferbar". */
  availabilityShortfall(quantity: string): string;
  /** Nothing can be promised and the product is not discontinued: "Derzeit nicht lieferbar". */
  availabilityNone: string;
  /** A discontinued product with nothing left: "Nicht mehr lieferbar – Ersatz: LM-1004" (`null`: no replacement). */
  availabilityDiscontinued(replacementSku: string | null): string;
  /** A quantity the promise cannot be asked for (0, negative, not whole, too large); `max` formatted. */
  availabilityInvalidQuantity(max: string): string;
}

/** The strings of <kontor-checkout>. */
export interface CheckoutStrings {
  /** Accessible name of the checkout: "Kasse". */
  checkout: string;
  checkoutStep(step: 'delivery' | 'payment' | 'review' | 'confirmation'): string;
  /** "Schritt 2 von 3". */
  stepOf(step: number, of: number): string;
  checkoutSteps: string;
  deliveryAddress: string;
  savedAddress: string;
  newAddress: string;
  addressField(field: 'name' | 'addition' | 'street' | 'postcode' | 'city' | 'country'): string;
  saveAddress: string;
  addressLabel: string;
  /** Hint under the date: "Frühestens Do, 26.11., Mo–Fr außer Feiertage" */
  earliestDeliveryHint(day: string): string;
  /** The button that takes the delivery day offered for a refused one: "Mo, 21.12. übernehmen". */
  useDeliveryDay(day: string): string;
  costCenter: string;
  comment: string;
  optional: string;
  next: string;
  back: string;
  edit: string;
  paymentMethod: string;
  paymentName(method: 'invoice' | 'prepayment' | 'sepa_debit'): string;
  /** "Verfügbarer Kreditrahmen: 1.234,00 €". */
  creditRemaining(amount: string): string;
  /** Why a payment method is not offered (`reason` from the server, e.g. `credit_limit`); `remaining`: the credit left, formatted. */
  paymentUnavailable(reason: string | null, remaining?: string): string;
  bankDetailsIntro: string;
  accountHolder: string;
  iban: string;
  bic: string;
  bank: string;
  transferReference: string;
  mandateAccept: string;
  mandateReference: string;
  placeOrder: string;
  placing: string;
  orderPlaced: string;
  /** Announced when the order is placed: "Bestellung K-2026-000123 aufgegeben." */
  orderPlacedAnnouncement(number: string): string;
  /** Prepayment after placing: "Bitte überweisen Sie 1.190,00 € mit dem Verwendungszweck K-2026-000123 auf:" */
  transferRequest(gross: string, number: string): string;
  /** Prepayment before placing: the bank details come with the order confirmation. */
  prepaymentHint: string;
  cartChanged: string;
  /** One change of a stale cart: "NYM-J 3x1,5: Preis 12,00 € → 13,50 €". */
  cartDrift(kind: 'price' | 'availability' | 'removed' | 'added' | 'quantity' | 'not_orderable', name: string, before: string, after: string): string;
  updateCart: string;
  /** "Die Bestellung übersteigt Ihren Kreditrahmen; verfügbar sind noch 500,00 €. …" */
  creditLimitExceeded(remaining: string): string;
  /** A placement whose outcome is unknown (no answer): retrying is safe. */
  placeUncertain: string;
  placeFailed: string;
  cartNotOrderable: string;
  nothingToOrder: string;
  /** After the confirmation, when the cart has lines again. */
  checkoutAgain: string;
}

/** Order facts shared by checkout, order history and order status. */
export interface OrderInfoStrings {
  purchaseOrderNumber: string;
  orderNumber: string;
  requestedDeliveryDate: string;
  promisedDelivery: string;
  noDate: string;
  linesOrdered: string;
  showAllLines(count: number): string;
  orderStatusName(status: 'placed' | 'confirmed' | 'in_fulfilment' | 'shipped' | 'delivered' | 'cancelled'): string;
}

/** The strings of <kontor-order-history>. */
export interface OrderHistoryStrings {
  orderHistory: string;
  status: string;
  allStatuses: string;
  dateFrom: string;
  dateTo: string;
  loadMoreOrders: string;
  /** Field error of an order search whose "to" date is before its "from" date. */
  datesInverted: string;
  searchOrders: string;
  orderDate: string;
  gross: string;
  orderDetails(number: string): string;
  noOrders: string;
  ordersShown(count: number): string;
  /** Announced when an order placed on the page joins the list: "Neue Bestellung K-2026-000123 oben in der Liste." */
  orderAdded(number: string): string;
  filters: string;
}

/** The strings of <kontor-order-status>. */
export interface OrderStatusStrings {
  orderStatus: string;
  /** "Bestellt am 24.11.2026, 10:15 von Eva Einkauf". */
  placedOnBy(when: string, name: string): string;
  timeline: string;
  tracking: string;
  /** Link text: "Sendung 00340434 bei DHL verfolgen". */
  trackShipment(carrier: string, number: string): string;
  /** Without a known tracking page: "DHL, Sendungsnummer 00340434". */
  shipmentOf(carrier: string, number: string): string;
  refresh: string;
  updated: string;
}

/**
 * Every string of every element, in one language: what `de` and `en` export. Elements carry only
 * the slices they show (see `strings()` in `translations/strings.ts`).
 */
export interface Translation
  extends CommonStrings,
    PriceStrings,
    QuantityStrings,
    ProductListStrings,
    CartStrings,
    TotalsStrings,
    AddToCartStrings,
    CartCountStrings,
    QuickOrderStrings,
    AvailabilityStrings,
    CheckoutStrings,
    OrderInfoStrings,
    OrderHistoryStrings,
    OrderStatusStrings {}
