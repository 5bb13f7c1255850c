/**
 * Registers every Kontor element (`<kontor-shop>` first, so elements inside it find their
 * configuration on upgrade) and re-exports everything from the main entry.
 */
import './components/shop/kontor-shop.js';
import './components/price/kontor-price.js';
import './components/quantity/kontor-quantity.js';
import './components/product-list/kontor-product-list.js';

export * from './index.js';
