// Every slice, per language behind a dynamic import: an element loads the slices it shows in the
// page's language only (translations/strings.ts). Bundlers drop the slices no element imports.
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
  TotalsStrings,
} from './translation.js';
import type { Slice } from './strings.js';

export const addToCart: Slice<AddToCartStrings> = {
  de: () => import('./de/addToCart.js').then((m) => m.addToCart),
  en: () => import('./en/addToCart.js').then((m) => m.addToCart),
};
export const availability: Slice<AvailabilityStrings> = {
  de: () => import('./de/availability.js').then((m) => m.availability),
  en: () => import('./en/availability.js').then((m) => m.availability),
};
export const cart: Slice<CartStrings> = {
  de: () => import('./de/cart.js').then((m) => m.cart),
  en: () => import('./en/cart.js').then((m) => m.cart),
};
export const cartCount: Slice<CartCountStrings> = {
  de: () => import('./de/cartCount.js').then((m) => m.cartCount),
  en: () => import('./en/cartCount.js').then((m) => m.cartCount),
};
export const checkout: Slice<CheckoutStrings> = {
  de: () => import('./de/checkout.js').then((m) => m.checkout),
  en: () => import('./en/checkout.js').then((m) => m.checkout),
};
export const common: Slice<CommonStrings> = {
  de: () => import('./de/common.js').then((m) => m.common),
  en: () => import('./en/common.js').then((m) => m.common),
};
export const orderHistory: Slice<OrderHistoryStrings> = {
  de: () => import('./de/orderHistory.js').then((m) => m.orderHistory),
  en: () => import('./en/orderHistory.js').then((m) => m.orderHistory),
};
export const orderInfo: Slice<OrderInfoStrings> = {
  de: () => import('./de/orderInfo.js').then((m) => m.orderInfo),
  en: () => import('./en/orderInfo.js').then((m) => m.orderInfo),
};
export const orderStatus: Slice<OrderStatusStrings> = {
  de: () => import('./de/orderStatus.js').then((m) => m.orderStatus),
  en: () => import('./en/orderStatus.js').then((m) => m.orderStatus),
};
export const price: Slice<PriceStrings> = {
  de: () => import('./de/price.js').then((m) => m.price),
  en: () => import('./en/price.js').then((m) => m.price),
};
export const productList: Slice<ProductListStrings> = {
  de: () => import('./de/productList.js').then((m) => m.productList),
  en: () => import('./en/productList.js').then((m) => m.productList),
};
export const quantity: Slice<QuantityStrings> = {
  de: () => import('./de/quantity.js').then((m) => m.quantity),
  en: () => import('./en/quantity.js').then((m) => m.quantity),
};
export const quickOrder: Slice<QuickOrderStrings> = {
  de: () => import('./de/quickOrder.js').then((m) => m.quickOrder),
  en: () => import('./en/quickOrder.js').then((m) => m.quickOrder),
};
export const totals: Slice<TotalsStrings> = {
  de: () => import('./de/totals.js').then((m) => m.totals),
  en: () => import('./en/totals.js').then((m) => m.totals),
};
