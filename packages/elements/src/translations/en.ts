import type { Translation } from './translation.js';
import { common } from './en/common.js';
import { price } from './en/price.js';
import { quantity } from './en/quantity.js';
import { productList } from './en/productList.js';
import { cart } from './en/cart.js';
import { totals } from './en/totals.js';
import { addToCart } from './en/addToCart.js';
import { cartCount } from './en/cartCount.js';
import { quickOrder } from './en/quickOrder.js';
import { availability } from './en/availability.js';
import { checkout } from './en/checkout.js';
import { orderInfo } from './en/orderInfo.js';
import { orderHistory } from './en/orderHistory.js';
import { orderStatus } from './en/orderStatus.js';
import { standingOrderInfo } from './en/standingOrderInfo.js';
import { standingOrders } from './en/standingOrders.js';
import { standingOrder } from './en/standingOrder.js';
import { reorder } from './en/reorder.js';
import { offerInfo } from './en/offerInfo.js';
import { offers } from './en/offers.js';
import { offer } from './en/offer.js';
import { offerAnswer } from './en/offerAnswer.js';
import { requestOffer } from './en/requestOffer.js';
import { chatbot } from './en/chatbot.js';

/** English: every element's strings (each element imports only its own slices). */
export const en: Translation = {
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
