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
  /** Legend of the brand filter and the brand in a product's details. */
  brand: string;
  /** The disclosure of a product's details. */
  details: string;
  ean: string;
  orderQuantities: string;
  /** "ab 50 m, in Schritten von 50 m". */
  quantityRule(min: string, step: string, unit: string): string;
}

/** The strings of <kontor-cart>. */
export interface CartStrings {
  cart: string;
  /** The button that asks the page for a standing order of the cart ("Regelmäßig bestellen"). */
  orderRegularly: string;
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
  cancel: string;
  close: string;
  savedAs(name: string): string;
  rename: string;
  renamed(name: string): string;
  /** Announced after switching saved carts: "„Baustelle“ ist jetzt der aktuelle Warenkorb." */
  nowCurrent(name: string): string;
  handOff: string;
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
  readOnly: string;
  cartProblems(count: number): string;
  /** A cart line whose promise is being asked for: "Lieferzeit wird geprüft …". */
  availabilityChecking: string;
  /** Before the reason why a cart shows no delivery promises: "Lieferzeiten sind gerade nicht verfügbar." */
  availabilityFailed: string;
}

/** The cart's name and hand-off dialogs and its history: loaded with them, on demand (cart.manage.ts). */
export interface CartManageStrings {
  cartName: string;
  save: string;
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
  historyKind(kind: 'created' | 'changed' | 'renamed' | 'activated' | 'handed_off' | 'claimed'): string;
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
  /** The button in an expanded order that asks the page for a standing order of it ("Regelmäßig bestellen"). */
  orderThisRegularly: string;
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

/** Standing-order facts shared by the list and the detail of standing orders. */
export interface StandingOrderInfoStrings {
  /** The standing order's name, or "Dauerauftrag" for one without. */
  standingOrderName(name: string | null): string;
  /** "Aktiv", "Pausiert bis 01.03.2027", "Pausiert bis auf Weiteres", "Beendet", "Storniert". */
  standingOrderStatus(status: 'active' | 'paused' | 'ended' | 'cancelled', pausedUntil: string | null): string;
  /** A run's day with its weekday and year: "Mo, 01.02.2027". */
  runDay(day: string): string;
  /** A plain day with its year: "01.03.2027". */
  fullDay(day: string): string;
  /** Why a run is not on the rule's day: "verschoben von Mo, 25.05. (Pfingstmontag)"; `requested`: moved for this run by the buyer. */
  movedFrom(day: string, reasons: readonly string[], requested: boolean): string;
  closedReason(reason: 'weekend' | 'holiday'): string;
  /** "NYM-J-3x1.5 × 100, KL-1001 × 10 und 2 weitere". */
  linesSummary(lines: readonly { sku: string; quantity: number }[]): string;
  runStatus(status: 'placed' | 'held' | 'failed' | 'missed' | 'skipped'): string;
  /** Link text of an order a run placed: "Bestellung K-2026-000123". */
  runOrder(number: string): string;
  nextRun: string;
  noNextRun: string;
  scheduleLabel: string;
  linesLabel: string;
  statusLabel: string;
}

/** The strings of <kontor-standing-orders>. */
export interface StandingOrdersStrings {
  standingOrders: string;
  nameLabel: string;
  lastResult: string;
  noRunYet: string;
  noStandingOrders: string;
  loadMoreStandingOrders: string;
  /** Announced after a load: "3 Daueraufträge angezeigt." */
  standingOrdersShown(count: number): string;
}

/** The strings of <kontor-reorder>. */
export interface ReorderStrings {
  reorder: string;
  dueProducts: string;
  recentOrders: string;
  topProducts: string;
  /** "Bestellung K-2026-000123 vom 04.05.2026". */
  orderHeading(number: string, day: string): string;
  reorderWholeOrder: string;
  /** Checkbox label of a line: "1234 auswählen". */
  pick(name: string): string;
  /** "zuletzt 12 Stk am 30.03.2026". */
  lastOrdered(quantity: string, day: string): string;
  /** Today's price against the one paid: "+0,05 € seit damals" / "−0,10 €"; `null` unchanged. */
  priceChange(change: string, up: boolean): string;
  priceUnchanged: string;
  todayStatus(status: 'orderable' | 'later' | 'discontinued' | 'not_orderable', day: string | null, replacementSku: string | null): string;
  bucket(bucket: 'overdue' | 'due_soon' | 'on_track' | 'not_predictable'): string;
  target: string;
  targetCart: string;
  targetNewCart: string;
  targetOrder: string;
  /** Button: "Auswahl nachbestellen (3)". */
  reorderSelection(count: number): string;
  working: string;
  noReorderHistory: string;
  resultHeading: string;
  /** "3 hinzugefügt, 1 zusammengeführt, 1 später, 1 abgelehnt". */
  resultSummary(counts: { added: number; merged: number; later: number; refused: number }): string;
  outcome(outcome: 'added' | 'merged' | 'later' | 'refused', quantity: string, cartQuantity: string | null): string;
  replacedBy(sku: string): string;
  repriced(before: string, after: string): string;
  availableOn(day: string): string;
  /** Straight to an order: "Bestellung K-2026-000124 aufgegeben." */
  reorderOrderPlaced(number: string): string;
  savedCart(name: string): string;
  nothingWent: string;
}

/** The strings of <kontor-standing-order>. */
export interface StandingOrderStrings {
  newStandingOrder: string;
  /** Where a new standing order's lines come from. */
  sourceHint(kind: 'cart' | 'order'): string;
  /** Without `standing-order-id`, `from-cart` or `source-order-id`. */
  nothingChosen: string;
  nameField: string;
  nameOptional: string;
  /** The group of schedule fields. */
  scheduleBuilder: string;
  /** Label of the interval field ("Alle"). */
  every: string;
  /** Label of the unit select. */
  unitLabel: string;
  unitName(unit: 'day' | 'week' | 'month'): string;
  onWeekdays: string;
  weekdayName(code: 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU'): string;
  onMonthDay: string;
  monthDayOption: string;
  lastDayOption: string;
  nthWeekdayOption: string;
  /** Label of the day-of-month field. */
  dayOfMonth: string;
  /** "1.", "2.", … "letzten". */
  nthName(nth: -1 | 1 | 2 | 3 | 4): string;
  nthLabel: string;
  weekdayLabel: string;
  startLabel: string;
  endLabel: string;
  endNone: string;
  endUntil: string;
  endCount: string;
  untilLabel: string;
  countLabel: string;
  rruleLabel: string;
  /** Under the RRULE field. */
  rruleHint: string;
  editAsRrule: string;
  editWithForm: string;
  /** Said when the loaded schedule is one the form cannot show. */
  rruleOnly: string;
  summaryLabel: string;
  previewTitle: string;
  upcomingTitle: string;
  /** Announced when the next runs are shown: "12 nächste Ausführungen angezeigt." */
  runsShown(count: number): string;
  noRuns: string;
  upcomingStatus(status: 'scheduled' | 'skipped' | 'paused'): string;
  /** When a coming run's order would arrive, the day already formatted: "Lieferung voraussichtlich Do, 02.07.2026". */
  arrivesOn(day: string): string;
  skipRun: string;
  unskipRun: string;
  /** Accessible names: "Ausführung am Mo, 01.02.2027 auslassen". */
  skipRunOf(day: string): string;
  unskipRunOf(day: string): string;
  changedForRun: string;
  actions: string;
  pause: string;
  pauseOpen: string;
  pauseUntil: string;
  pauseUntilDate: string;
  resume: string;
  orderNow: string;
  /** The confirmation of order now, with the next run's day (or `null`). */
  orderNowConfirm(day: string | null): string;
  confirmOrderNow: string;
  cancelStandingOrder: string;
  cancelConfirm: string;
  confirmCancel: string;
  keepStandingOrder: string;
  back: string;
  edit: string;
  save: string;
  saving: string;
  create: string;
  creating: string;
  scopeLabel: string;
  scopeFromNext: string;
  scopeOneRun: string;
  runLabel: string;
  deliveryAddress: string;
  paymentLabel: string;
  paymentName(method: 'invoice' | 'prepayment' | 'sepa_debit'): string;
  /** A direct debit kept as it is: "Lastschrift von DE89 **** 3000". */
  keepDirectDebit(iban: string | null): string;
  removeLine(sku: string): string;
  addLine: string;
  newLineSku: string;
  history: string;
  noHistory: string;
  /** Field errors before anything was sent or as the server named them. */
  checkFields: string;
  /** A stale version (409): the current state is shown instead of the change. */
  staleShown: string;
  created(name: string): string;
  saved: string;
  paused(until: string | null): string;
  resumed: string;
  skipped(day: string): string;
  unskipped(day: string): string;
  ordered(number: string): string;
  cancelled: string;
}

/** Shared by <kontor-offers> and <kontor-offer>: statuses, validity, the offer's facts. */
export interface OfferInfoStrings {
  offerStatus(status: 'draft' | 'sent' | 'changes_requested' | 'accepted' | 'rejected' | 'expired' | 'withdrawn'): string;
  /** The countdown from core's `daysLeft`: "noch 5 Tage", "noch heute", "abgelaufen". */
  daysLeftText(days: number): string;
  /** "gültig bis 31.12.2026". */
  validUntilText(day: string): string;
  offerNumberLabel: string;
  validityLabel: string;
  offerStatusLabel: string;
  totalLabel: string;
  repLabel: string;
  /** "Version 2". */
  versionName(number: number): string;
}

/** The strings of <kontor-offers>. */
export interface OffersStrings {
  offers: string;
  statusFilter: string;
  allStatuses: string;
  noOffers: string;
  loadMoreOffers: string;
  /** Announced after a load: "3 Angebote angezeigt." */
  offersShown(count: number): string;
}

/** The strings of <kontor-offer>. */
export interface OfferStrings {
  /** Heading: "Angebot ANG-2026-000001". */
  offerTitle(number: string): string;
  noOfferChosen: string;
  productLabel: string;
  listPriceLabel: string;
  offeredPriceLabel: string;
  discountLabel: string;
  /** A discount in basis points, signed: "−12,5 %"; above list "+3 %". */
  discountText(bp: number): string;
  lineNetLabel: string;
  /** A unit price per price unit: "0,46 € / m", "45,67 € / 100 m". */
  offerPricePer(price: string, priceUnit: number, unit: string): string;
  extrasLabel: string;
  extraKind(kind: 'freight' | 'setup' | 'other'): string;
  /** The whole offer's discount on the product lines: "Rabatt auf das Angebot". */
  wholeDiscountLabel: string;
  listNetLabel: string;
  linesNetLabel: string;
  savingsLabel: string;
  extrasNetLabel: string;
  netLabel: string;
  /** "MwSt. 19 %". */
  taxLabel(rateBp: number): string;
  grossLabel: string;
  paymentTermsLabel: string;
  deliveryTermsLabel: string;
  repCommentLabel: string;
  /** "Preise fest bis 31.12.2026 (Dauerauftrag)". */
  priceValidUntilText(day: string): string;
  /** "Änderungen zur Anfrage" / "Änderungen zu Version 1". */
  differencesTo(from: number): string;
  diffChangeLabel: string;
  noDifferences: string;
  /** "2 Positionen unverändert". */
  unchangedLines(count: number): string;
  diffKind(kind: 'added' | 'removed' | 'changed' | 'unchanged'): string;
  /** "10 → 20". */
  quantityChange(before: string, after: string): string;
  /** "1,20 € → 1,10 €" (before may be missing: a request has no price). */
  offerPriceChange(before: string | null, after: string): string;
  /** A row of the differences: the gross total before and after. */
  grossChange(before: string, after: string): string;
  /** The validity before and after. */
  validityChange(before: string, after: string): string;
  accept: string;
  /** "Angenommen: Bestellung K-2026-000123." */
  acceptedInto(orderNumber: string | null): string;
  acceptedStandingOrder: string;
  /** The link to what an accepted offer became. */
  resultOrder(number: string): string;
  resultStandingOrder: string;
  reject: string;
  rejected: string;
  askChanges: string;
  changesSent: string;
  offerWorking: string;
  /** A required text left empty. */
  fieldRequired: string;
  /** A stale version (409 conflict): the current offer is shown. */
  offerStaleShown: string;
  /** Why the offer cannot be answered now (`validUntil` for an expired one, `text` the rep's or buyer's words). */
  notAnswerable(status: 'changes_requested' | 'accepted' | 'rejected' | 'expired' | 'withdrawn', validUntil: string | null, text: string | null): string;
  offerHistory: string;
  historyEvent(kind: 'created' | 'sent' | 'changes_requested' | 'accepted' | 'rejected' | 'expired' | 'withdrawn' | 'approved', version: number | null): string;
  /** "Jana Petersen, 07.12.2026, 14:05". */
  historyBy(name: string | null, at: string): string;
}

/** The strings of <kontor-offer>'s answer forms (loaded with them). */
export interface OfferAnswerStrings {
  acceptTitle: string;
  intoLabel: string;
  intoOrder: string;
  intoStandingOrder: string;
  deliveryAddress: string;
  noSavedAddress: string;
  paymentLabel: string;
  offerPaymentName(method: 'invoice' | 'prepayment'): string;
  offerDeliveryDate: string;
  offerPoNumber: string;
  offerStandingOrderName: string;
  offerSchedule: string;
  scheduleChoice(kind: 'weekly' | 'biweekly' | 'fourweekly' | 'monthly'): string;
  firstRun: string;
  /** Under the standing-order choice: the prices are the offer's until `day`, when it ends. */
  standingOrderPrices(day: string): string;
  confirmAccept: string;
  confirmStandingOrder: string;
  accepting: string;
  rejectReason: string;
  confirmReject: string;
  changesComment: string;
  sendChanges: string;
  cancel: string;
  addressesLoading: string;
  rejectTitle: string;
  changesTitle: string;
  answerSending: string;
}

/** The strings of <kontor-chatbot> before the chat is opened: its launcher and its loading state. */
export interface ChatbotStrings {
  /** The panel's heading and the launcher's text. */
  chatTitle: string;
  closeChat: string;
  /** The chat's code or strings could not be fetched. */
  chatLoadFailed: string;
}

/** The chat panel of <kontor-chatbot>: loaded with it, on demand (chatbot.panel.ts). */
export interface ChatbotPanelStrings {
  /** Name of the message log. */
  messages: string;
  you: string;
  assistant: string;
  welcome: string;
  /** Quick replies offered before the first message. */
  starters: readonly string[];
  quickReplies: string;
  inputLabel: string;
  inputHint: string;
  send: string;
  /** Shown while the assistant answers. */
  thinking: string;
  newChat: string;
  historyFailed: string;
  /** "Bestellung K-2026-000123". */
  orderHeading(number: string): string;
  /** "bestellt am 03.12.2026". */
  placedOn(date: string): string;
  orderStatus: string;
  deliveryExpected: string;
  /** "DHL, Sendungsnummer 00340434…" (carrier may be missing). */
  trackingNumber(carrier: string | null, number: string): string;
  /** The tracking link's text: "Sendung bei DHL verfolgen". */
  trackShipment(carrier: string | null): string;
  grossTotal: string;
  /** "50 m NYM-J 3x1,5". */
  quantityOf(quantity: string, unit: string, name: string): string;
  /** "Lieferung am Do, 10.12." */
  deliveryOn(day: string): string;
  notDeliverable: string;
  inStock(available: string, unit: string): string;
  notInStock: string;
  /** "0,46 € / m netto". */
  pricePerUnit(price: string, unit: string): string;
  addToCart: string;
  adding: string;
  /** "1 m im Warenkorb." */
  addedToCart(quantity: string, unit: string): string;
  /** "Nächste Ausführung: Di, 15.12." */
  nextRunOn(day: string): string;
  noNextRun: string;
  standingOrderStatus(status: 'active' | 'paused' | 'ended' | 'cancelled'): string;
  /** "Gültig bis 14:35 Uhr". */
  validUntil(time: string): string;
  confirming: string;
  confirmed: string;
  handoffHeading: string;
}

/** The strings of <kontor-request-offer>. */
export interface RequestOfferStrings {
  requestOffer: string;
  requestOfferTitle: string;
  requestMessage: string;
  desiredDate: string;
  sendRequest: string;
  requestSending: string;
  /** The cart has no lines. */
  requestNeedsCart: string;
  /** "Ihre Anfrage orq_… ist eingegangen …". */
  requestSent(id: string, lines: number): string;
  requestCancel: string;
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
    OrderStatusStrings,
    StandingOrderInfoStrings,
    StandingOrdersStrings,
    StandingOrderStrings,
    ReorderStrings,
    OfferInfoStrings,
    OffersStrings,
    OfferStrings,
    OfferAnswerStrings,
    RequestOfferStrings,
    ChatbotStrings {}
