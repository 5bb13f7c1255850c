/**
 * The closed list of error codes Kontor uses, on the wire and in the SDK.
 * A code is stable: integrators may branch on it. Add new codes, never rename.
 */
export const ErrorCode = {
  /** Input did not match the schema or a business rule; see `issues`. */
  validation: 'validation',
  /** No or an invalid/expired bearer token. */
  unauthorized: 'unauthorized',
  /** The caller is known but may not do this (e.g. wrong role). */
  forbidden: 'forbidden',
  /** Nothing with that id exists in the caller's scope. */
  not_found: 'not_found',
  /** The resource changed since the caller saw it, or the idempotency key was reused. */
  conflict: 'conflict',
  /** Too many requests; retry after the indicated time. */
  rate_limited: 'rate_limited',
  /** Request body too large. */
  payload_too_large: 'payload_too_large',
  /** Any other HTTP error the server answered. */
  http: 'http',
  /** The server could not be reached. */
  network: 'network',
  /** No answer in time. */
  timeout: 'timeout',
  /** The caller aborted the request (AbortSignal). */
  aborted: 'aborted',
  /** The server answered with something that does not match the schema. */
  invalid_response: 'invalid_response',
  /** The SDK or an element is not configured (no endpoint). */
  not_configured: 'not_configured',
  /** A bug on the server. */
  internal: 'internal',
  /** The offer is past its validity (or the expiry job marked it expired): it can no longer be accepted or answered. */
  offer_expired: 'offer_expired',
  /** The offer (or this version of it) cannot be accepted: withdrawn, rejected, already accepted, not sent yet, superseded by a newer version, or a line is no longer orderable. */
  offer_not_acceptable: 'offer_not_acceptable',
  /** The offer's draft is below the sales rep's approval threshold: a second rep must approve it before it can be sent. */
  offer_approval_required: 'offer_approval_required',
  /** The offer's status does not allow this step (e.g. withdrawing an accepted offer, sending without a draft). */
  offer_invalid_transition: 'offer_invalid_transition',
  /** An action the assistant proposed is past its expiry: ask again for a fresh one. */
  action_expired: 'action_expired',
  /** An action the assistant proposed was confirmed before: it runs once. */
  action_used: 'action_used',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Where in the input an issue is: `['lines', 3, 'quantity']`. */
export type IssuePath = (string | number)[];

/** One problem with an input, as a machine and a human would want it. */
export interface ErrorIssue {
  /** Where in the input. Empty for the input as a whole. */
  path: IssuePath;
  /** A stable issue code, e.g. `required`, `invalid_type`, `min_quantity`, `step`. */
  code: string;
  /** A human message in the requested language. */
  message: string;
  /** Values the message is built from (`min`, `max`, `step`, …). */
  params?: Record<string, unknown>;
  /** Valid values close to the rejected one, e.g. the nearest valid quantities. */
  suggestions?: (string | number)[];
}

const BRAND = Symbol.for('kontor.error');

export interface KontorErrorOptions {
  cause?: unknown;
  status?: number;
  issues?: ErrorIssue[];
  details?: Record<string, unknown>;
}

/**
 * Base class of every error the SDK throws and the server answers with.
 * Check with {@link isKontorError} rather than `instanceof` when the error may come from another
 * realm (an iframe, a second copy of the bundle).
 *
 * @example
 * ```ts
 * try { await client.pricing.quote({ lines }) }
 * catch (e) { if (isKontorError(e) && e.code === 'validation') showIssues(e.issues) }
 * ```
 */
export class KontorError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** The HTTP status that goes with this error. */
  readonly status: number;
  /** Validation issues, empty for other errors. */
  readonly issues: ErrorIssue[];
  /** Extra structured data (e.g. the current state on `conflict`). */
  readonly details: Record<string, unknown> | undefined;
  declare readonly cause: unknown;

  constructor(code: ErrorCode, message: string, options: KontorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KontorError';
    this.code = code;
    this.status = options.status ?? defaultStatus(code);
    this.issues = options.issues ?? [];
    this.details = options.details;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The JSON body the server sends for this error. */
  toJSON(): { status: number; code: ErrorCode; message: string; issues?: ErrorIssue[]; details?: Record<string, unknown> } {
    return {
      status: this.status,
      code: this.code,
      message: this.message,
      ...(this.issues.length ? { issues: this.issues } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** True for any Kontor error, also across realms and duplicate bundles. */
export function isKontorError(value: unknown): value is KontorError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** The HTTP status that a code maps to when nothing more specific is known. */
export function defaultStatus(code: ErrorCode): number {
  switch (code) {
    case 'validation':
      return 422;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
    case 'offer_expired':
    case 'offer_not_acceptable':
    case 'offer_approval_required':
    case 'offer_invalid_transition':
    case 'action_expired':
    case 'action_used':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'rate_limited':
      return 429;
    case 'timeout':
      return 504;
    case 'network':
    case 'aborted':
    case 'not_configured':
      return 0;
    case 'invalid_response':
      return 502;
    default:
      return 500;
  }
}
