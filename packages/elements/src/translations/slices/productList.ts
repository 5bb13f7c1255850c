import type { ProductListStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { productList as de } from '../de/productList.js';
import { productList as en } from '../en/productList.js';

export const productList: Slice<ProductListStrings> = { de, en };
