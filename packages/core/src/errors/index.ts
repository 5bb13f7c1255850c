export { KontorError, isKontorError, defaultStatus, ErrorCode } from './kontor-error.js';
export type { ErrorIssue, IssuePath, KontorErrorOptions } from './kontor-error.js';
export { ValidationError } from './validation-error.js';
export { HttpError, type RequestInfo } from './http-error.js';
export { NetworkError } from './network-error.js';
export { TimeoutError } from './timeout-error.js';
export { errorMessage, issueMessage, resolveLang, type Lang, type MessageParams } from './messages.js';
export { issueFromZod, validationErrorFromZod, parseOrThrow, type ZodIssueLike } from './from-zod.js';
export { ErrorBodySchema, ErrorIssueSchema, type ErrorBody } from './error-body.schema.js';
