// Every slice in both languages, one module each (slices/<name>.ts). Elements import each slice
// from its own module: a barrel like this one, reached by an element whose other code loads on
// demand, makes esbuild's code splitting put every slice that any chunk uses into the first load.
// This file is for tests, stories and integrators.
export { addToCart } from './slices/addToCart.js';
export { availability } from './slices/availability.js';
export { cart } from './slices/cart.js';
export { cartManage } from './slices/cartManage.js';
export { cartCount } from './slices/cartCount.js';
export { checkout } from './slices/checkout.js';
export { common } from './slices/common.js';
export { orderHistory } from './slices/orderHistory.js';
export { orderInfo } from './slices/orderInfo.js';
export { orderStatus } from './slices/orderStatus.js';
export { price } from './slices/price.js';
export { productList } from './slices/productList.js';
export { quantity } from './slices/quantity.js';
export { quickOrder } from './slices/quickOrder.js';
export { standingOrder } from './slices/standingOrder.js';
export { standingOrderInfo } from './slices/standingOrderInfo.js';
export { standingOrders } from './slices/standingOrders.js';
export { reorder } from './slices/reorder.js';
export { totals } from './slices/totals.js';
export { offerInfo } from './slices/offerInfo.js';
export { offers } from './slices/offers.js';
export { offer } from './slices/offer.js';
export { offerAnswer } from './slices/offerAnswer.js';
export { requestOffer } from './slices/requestOffer.js';
export { chatbot } from './slices/chatbot.js';
export { chatbotPanel } from './slices/chatbotPanel.js';
