import * as z from 'zod/mini';
import { InstantSchema, pageOf } from '../internal/schema-helpers.js';
import { OrderNumberSchema } from './order.schema.js';

/**
 * The outbox as the seller's ERP sees it: every delivery of an order event to a target (`mail`,
 * `webhook:<name>`), so dead ones (retries used up) can be found and sent again.
 */
export const OutboxDeliveryStatusSchema = z.enum(['pending', 'delivered', 'dead']);
export type OutboxDeliveryStatus = z.infer<typeof OutboxDeliveryStatusSchema>;

/** Every kind of outbox event: the order events (also sent to webhooks) and the mail-only kinds of the other domains. */
export const OutboxEventTypeSchema = z.enum(['order.placed', 'order.status_changed', 'standing_order.reminder', 'standing_order.run_failed', 'offer.sent', 'offer.withdrawn', 'offer.answered', 'reorder.reminder', 'assistant.handoff']);
export type OutboxEventType = z.infer<typeof OutboxEventTypeSchema>;

export const OutboxDeliverySchema = z.object({
  eventId: z.string(),
  /** `mail` or `webhook:<name>`. */
  target: z.string(),
  status: OutboxDeliveryStatusSchema,
  /** Attempts made so far. */
  attempts: z.int(),
  nextAttemptAt: InstantSchema,
  lastError: z.nullable(z.string()),
  deliveredAt: z.nullable(InstantSchema),
  event: z.object({
    /** Order events; the mails of standing orders (a run's reminder, a failed run), offers and reorder reminders go through the outbox too, to `mail` only. */
    type: OutboxEventTypeSchema,
    /** The order's id (a standing order's for its mails). */
    orderId: z.string(),
    orderNumber: z.nullable(OrderNumberSchema),
    /** The event's number among its order's events, from 1. */
    sequence: z.int(),
    occurredAt: InstantSchema,
  }),
});
export type OutboxDelivery = z.infer<typeof OutboxDeliverySchema>;
export const OutboxDeliveryPageSchema = pageOf(OutboxDeliverySchema);
export type OutboxDeliveryPage = z.infer<typeof OutboxDeliveryPageSchema>;

/** Deliveries newest event first; default the dead ones. */
export const OutboxDeliveryListQuerySchema = z.object({
  status: z.optional(OutboxDeliveryStatusSchema),
  cursor: z.optional(z.string().check(z.maxLength(300))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
});

/** Send one delivery again, from now on, with a fresh set of attempts (also a delivered one: a replay). */
export const OutboxRetryRequestSchema = z.object({
  eventId: z.string().check(z.minLength(1), z.maxLength(100)),
  target: z.string().check(z.minLength(1), z.maxLength(100)),
});
export type OutboxRetryRequest = z.infer<typeof OutboxRetryRequestSchema>;
