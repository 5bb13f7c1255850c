/**
 * `@kontor/elements` — Kontor's web components. This entry exports the classes and helpers and
 * registers nothing; import `@kontor/elements/kontor.js` (all) or one `kontor-*.js` to register tags.
 * @packageDocumentation
 */
export { KontorElement } from './internal/kontor-element.js';
export { componentStyles } from './internal/component-styles.js';
export { shopContext, type ShopContextValue } from './internal/shop-context.js';
export { KontorShop } from './components/shop/shop.component.js';
export { KontorProductList, ListStatus } from './components/product-list/product-list.component.js';
export { KontorPrice } from './components/price/price.component.js';
export { KontorQuantity } from './components/quantity/quantity.component.js';
export { KontorCart } from './components/cart/cart.component.js';
export { KontorAddToCart } from './components/add-to-cart/add-to-cart.component.js';
export { KontorQuickOrder } from './components/quick-order/quick-order.component.js';
export { KontorCartCount } from './components/cart-count/cart-count.component.js';
export { KontorAvailability } from './components/availability/availability.component.js';
export { KontorCheckout } from './components/checkout/checkout.component.js';
export { KontorOrderHistory } from './components/order-history/order-history.component.js';
export { KontorOrderStatus } from './components/order-status/order-status.component.js';
export { KontorStandingOrders } from './components/standing-orders/standing-orders.component.js';
export { KontorStandingOrder } from './components/standing-order/standing-order.component.js';
export { standingOrdersOf } from './internal/standing-orders-client.js';
export { KontorReorder } from './components/reorder/reorder.component.js';
export { reorderOf } from './internal/reorder-client.js';
export { KontorOffers } from './components/offers/offers.component.js';
export { KontorOffer } from './components/offer/offer.component.js';
export { KontorRequestOffer } from './components/request-offer/request-offer.component.js';
export { offersOf } from './internal/offers-client.js';
export { KontorChatbot } from './components/chatbot/chatbot.component.js';
export { cartStoreOf, CartController } from './internal/cart-controller.js';
export { availabilityBatcherOf, AvailabilityBatcher, type AvailabilityAsk, type AvailabilityAskOptions } from './internal/availability-batcher.js';
export { configure, onConfigure, configuredClient, type KontorConfig } from './configure.js';
export * from './events/index.js';
export { de, en, translations, type Translation } from './translations/index.js';
