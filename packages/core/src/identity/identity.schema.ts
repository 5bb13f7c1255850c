import * as z from 'zod/mini';
import { idSchema, InstantSchema } from '../internal/schema-helpers.js';

export const RoleSchema = z.enum(['buyer', 'approver', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** How a caller reached us; stored on carts and orders. */
export const ChannelSchema = z.enum(['web', 'partner', 'sales_rep', 'chat', 'api']);
export type Channel = z.infer<typeof ChannelSchema>;

export const CompanyIdSchema = idSchema('cmp');
export const UserIdSchema = idSchema('usr');
export const PartnerIdSchema = idSchema('ptn');

export const LoginRequestSchema = z.object({
  email: z.email().check(z.maxLength(254)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const UserSchema = z.object({
  id: UserIdSchema,
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  locale: z.enum(['de', 'en']),
});
export type User = z.infer<typeof UserSchema>;

export const CompanySchema = z.object({
  id: CompanyIdSchema,
  name: z.string(),
  customerNumber: z.string(),
});
export type Company = z.infer<typeof CompanySchema>;

export const PartnerSchema = z.object({ id: PartnerIdSchema, name: z.string() });
export type Partner = z.infer<typeof PartnerSchema>;

/** What a successful login returns. Keep `token` like a password. */
export const SessionSchema = z.object({
  token: z.string(),
  expiresAt: InstantSchema,
  user: UserSchema,
  company: CompanySchema,
});
export type Session = z.infer<typeof SessionSchema>;

/** Who the server thinks the caller is. */
export const CallerSchema = z.object({
  /** `erp`: the seller's ERP key (server to server). */
  kind: z.enum(['user', 'customer', 'partner', 'erp']),
  channel: ChannelSchema,
  user: z.nullable(UserSchema),
  company: z.nullable(CompanySchema),
  partner: z.nullable(PartnerSchema),
  /** When the token stops working, if it expires. */
  expiresAt: z.nullable(InstantSchema),
  /** A customer token's reference to the partner's own user (`externalUserRef` when minted); absent otherwise. */
  externalUserRef: z.optional(z.nullable(z.string())),
});
export type Caller = z.infer<typeof CallerSchema>;

/** A partner's server asks for a short-lived token for one of its customer companies. */
export const CustomerTokenRequestSchema = z.object({
  companyId: CompanyIdSchema,
  /** Lifetime in seconds, 60–3600; default 900. */
  ttlSeconds: z.optional(z.int().check(z.minimum(60), z.maximum(3600))),
  /** The partner's own id of the person, kept for audit. */
  externalUserRef: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type CustomerTokenRequest = z.infer<typeof CustomerTokenRequestSchema>;

export const CustomerTokenSchema = z.object({
  token: z.string(),
  expiresAt: InstantSchema,
  companyId: CompanyIdSchema,
});
export type CustomerToken = z.infer<typeof CustomerTokenSchema>;

/** A partner's customer companies. */
export const PartnerCompanyListSchema = z.object({ items: z.array(CompanySchema) });
