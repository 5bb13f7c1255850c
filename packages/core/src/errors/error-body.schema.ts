import * as z from 'zod/mini';
import { ErrorCode } from './kontor-error.js';

/** One issue in an error body. */
export const ErrorIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
  params: z.optional(z.record(z.string(), z.unknown())),
  suggestions: z.optional(z.array(z.union([z.string(), z.number()]))),
});

/** The one JSON shape of every error the server answers. */
export const ErrorBodySchema = z.object({
  status: z.int(),
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  issues: z.optional(z.array(ErrorIssueSchema)),
  details: z.optional(z.record(z.string(), z.unknown())),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
