// Every slice in both languages. Elements import the slices they show; bundlers drop the rest
// (plain objects, no side effects).
import type {
  AddToCartStrings,
  AvailabilityStrings,
  CartStrings,
  CartCountStrings,
  CheckoutStrings,
  CommonStrings,
  OrderHistoryStrings,
  OrderInfoStrings,
  OrderStatusStrings,
  PriceStrings,
  ProductListStrings,
  QuantityStrings,
  QuickOrderStrings,
  ReorderStrings,
  StandingOrderInfoStrings,
  StandingOrderStrings,
  StandingOrdersStrings,
  TotalsStrings,
} from './translation.js';
import type { Slice } from './strings.js';
import { addToCart as deAddToCart } from './de/addToCart.js';
import { addToCart as enAddToCart } from './en/addToCart.js';
import { availability as deAvailability } from './de/availability.js';
import { availability as enAvailability } from './en/availability.js';
import { cart as deCart } from './de/cart.js';
import { cart as enCart } from './en/cart.js';
import { cartCount as deCartCount } from './de/cartCount.js';
import { cartCount as enCartCount } from './en/cartCount.js';
import { checkout as deCheckout } from './de/checkout.js';
import { checkout as enCheckout } from './en/checkout.js';
import { common as deCommon } from './de/common.js';
import { common as enCommon } from './en/common.js';
import { orderHistory as deOrderHistory } from './de/orderHistory.js';
import { orderHistory as enOrderHistory } from './en/orderHistory.js';
import { orderInfo as deOrderInfo } from './de/orderInfo.js';
import { orderInfo as enOrderInfo } from './en/orderInfo.js';
import { orderStatus as deOrderStatus } from './de/orderStatus.js';
import { orderStatus as enOrderStatus } from './en/orderStatus.js';
import { price as dePrice } from './de/price.js';
import { price as enPrice } from './en/price.js';
import { productList as deProductList } from './de/productList.js';
import { productList as enProductList } from './en/productList.js';
import { quantity as deQuantity } from './de/quantity.js';
import { quantity as enQuantity } from './en/quantity.js';
import { quickOrder as deQuickOrder } from './de/quickOrder.js';
import { quickOrder as enQuickOrder } from './en/quickOrder.js';
import { reorder as deReorder } from './de/reorder.js';
import { reorder as enReorder } from './en/reorder.js';
import { standingOrder as deStandingOrder } from './de/standingOrder.js';
import { standingOrder as enStandingOrder } from './en/standingOrder.js';
import { standingOrderInfo as deStandingOrderInfo } from './de/standingOrderInfo.js';
import { standingOrderInfo as enStandingOrderInfo } from './en/standingOrderInfo.js';
import { standingOrders as deStandingOrders } from './de/standingOrders.js';
import { standingOrders as enStandingOrders } from './en/standingOrders.js';
import { totals as deTotals } from './de/totals.js';
import { totals as enTotals } from './en/totals.js';

export const addToCart: Slice<AddToCartStrings> = { de: deAddToCart, en: enAddToCart };
export const availability: Slice<AvailabilityStrings> = { de: deAvailability, en: enAvailability };
export const cart: Slice<CartStrings> = { de: deCart, en: enCart };
export const cartCount: Slice<CartCountStrings> = { de: deCartCount, en: enCartCount };
export const checkout: Slice<CheckoutStrings> = { de: deCheckout, en: enCheckout };
export const common: Slice<CommonStrings> = { de: deCommon, en: enCommon };
export const orderHistory: Slice<OrderHistoryStrings> = { de: deOrderHistory, en: enOrderHistory };
export const orderInfo: Slice<OrderInfoStrings> = { de: deOrderInfo, en: enOrderInfo };
export const orderStatus: Slice<OrderStatusStrings> = { de: deOrderStatus, en: enOrderStatus };
export const price: Slice<PriceStrings> = { de: dePrice, en: enPrice };
export const productList: Slice<ProductListStrings> = { de: deProductList, en: enProductList };
export const quantity: Slice<QuantityStrings> = { de: deQuantity, en: enQuantity };
export const quickOrder: Slice<QuickOrderStrings> = { de: deQuickOrder, en: enQuickOrder };
export const reorder: Slice<ReorderStrings> = { de: deReorder, en: enReorder };
export const standingOrder: Slice<StandingOrderStrings> = { de: deStandingOrder, en: enStandingOrder };
export const standingOrderInfo: Slice<StandingOrderInfoStrings> = { de: deStandingOrderInfo, en: enStandingOrderInfo };
export const standingOrders: Slice<StandingOrdersStrings> = { de: deStandingOrders, en: enStandingOrders };
export const totals: Slice<TotalsStrings> = { de: deTotals, en: enTotals };
