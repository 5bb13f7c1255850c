import { KontorError } from './kontor-error.js';
import type { RequestInfo } from './http-error.js';

/** No answer within the client's timeout. */
export class TimeoutError extends KontorError {
  readonly request: RequestInfo;
  readonly timeoutMs: number;
  constructor(request: RequestInfo, timeoutMs: number, cause?: unknown) {
    super('timeout', `${request.method} ${request.url} timed out after ${timeoutMs} ms`, { cause });
    this.name = 'TimeoutError';
    this.request = request;
    this.timeoutMs = timeoutMs;
  }
}
