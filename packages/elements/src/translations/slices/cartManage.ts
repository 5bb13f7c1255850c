import type { CartManageStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { cartManage as de } from '../de/cartManage.js';
import { cartManage as en } from '../en/cartManage.js';

export const cartManage: Slice<CartManageStrings> = { de, en };
