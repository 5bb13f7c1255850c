/**
 * Registers every Kontor element (`<kontor-shop>` first, so elements inside it find their
 * configuration on upgrade) and re-exports everything from the main entry.
 */
import './components/shop/kontor-shop.js';
import './components/price/kontor-price.js';
import './components/quantity/kontor-quantity.js';
import './components/availability/kontor-availability.js';
import './components/product-list/kontor-product-list.js';
import './components/add-to-cart/kontor-add-to-cart.js';
import './components/cart-count/kontor-cart-count.js';
import './components/cart/kontor-cart.js';
import './components/quick-order/kontor-quick-order.js';
import './components/checkout/kontor-checkout.js';
import './components/order-status/kontor-order-status.js';
import './components/order-history/kontor-order-history.js';
import './components/standing-orders/kontor-standing-orders.js';
import './components/standing-order/kontor-standing-order.js';
import './components/reorder/kontor-reorder.js';
import './components/offers/kontor-offers.js';
import './components/offer/kontor-offer.js';
import './components/request-offer/kontor-request-offer.js';
import './components/chatbot/kontor-chatbot.js';

export * from './index.js';
