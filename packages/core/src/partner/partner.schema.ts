import * as z from 'zod/mini';
import { CompanyIdSchema } from '../identity/identity.schema.js';
import { InstantSchema } from '../internal/schema-helpers.js';
import { OrderIdSchema } from '../orders/order.schema.js';

/** The path of a partner route about one of its customer companies. */
export const PartnerCustomerParamsSchema = z.object({ companyId: CompanyIdSchema });
export type PartnerCustomerParams = z.infer<typeof PartnerCustomerParamsSchema>;

/** The path of one order of one of the partner's customer companies. */
export const PartnerCustomerOrderParamsSchema = z.object({ companyId: CompanyIdSchema, orderId: OrderIdSchema });
export type PartnerCustomerOrderParams = z.infer<typeof PartnerCustomerOrderParamsSchema>;

/**
 * What revoking a customer's tokens answers: every customer token the partner minted for the
 * company before `revokedBefore` is refused from now on (401 `token_revoked`); tokens minted
 * afterwards work.
 */
export const CustomerTokenRevocationSchema = z.object({
  companyId: CompanyIdSchema,
  revokedBefore: InstantSchema,
});
export type CustomerTokenRevocation = z.infer<typeof CustomerTokenRevocationSchema>;
