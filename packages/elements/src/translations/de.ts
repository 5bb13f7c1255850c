import type { Translation } from './translation.js';
import { common } from './de/common.js';
import { price } from './de/price.js';
import { quantity } from './de/quantity.js';
import { productList } from './de/productList.js';
import { cart } from './de/cart.js';
import { totals } from './de/totals.js';
import { addToCart } from './de/addToCart.js';
import { cartCount } from './de/cartCount.js';
import { quickOrder } from './de/quickOrder.js';
import { availability } from './de/availability.js';
import { checkout } from './de/checkout.js';
import { orderInfo } from './de/orderInfo.js';
import { orderHistory } from './de/orderHistory.js';
import { orderStatus } from './de/orderStatus.js';
import { standingOrderInfo } from './de/standingOrderInfo.js';
import { standingOrders } from './de/standingOrders.js';
import { standingOrder } from './de/standingOrder.js';
import { reorder } from './de/reorder.js';
import { offerInfo } from './de/offerInfo.js';
import { offers } from './de/offers.js';
import { offer } from './de/offer.js';
import { offerAnswer } from './de/offerAnswer.js';
import { requestOffer } from './de/requestOffer.js';
import { chatbot } from './de/chatbot.js';

/** German: every element's strings (each element imports only its own slices). */
export const de: Translation = {
  ...common,
  ...price,
  ...quantity,
  ...productList,
  ...cart,
  ...totals,
  ...addToCart,
  ...cartCount,
  ...quickOrder,
  ...availability,
  ...checkout,
  ...orderInfo,
  ...orderHistory,
  ...orderStatus,
  ...standingOrderInfo,
  ...standingOrders,
  ...standingOrder,
  ...reorder,
  ...offerInfo,
  ...offers,
  ...offer,
  ...offerAnswer,
  ...requestOffer,
  ...chatbot,
};
