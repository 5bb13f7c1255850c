import * as z from 'zod/mini';
import { ErrorBodySchema } from '../errors/error-body.schema.js';
import { defaultStatus } from '../errors/kontor-error.js';
import { routeDocs, type RouteDoc } from './route-docs.js';
import { DEFAULT_BODY_LIMIT, MAX_PATH_PARAM_LENGTH, type RouteDef } from './routes.js';

/** A JSON Schema / OpenAPI object. */
export type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema => {
  const s = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete s.$schema;
  return s;
};

const describeStatus: Record<number, string> = {
  400: 'Malformed request (bad URL, bad JSON, wrong types)',
  401: 'Missing, invalid or expired token',
  403: 'Not allowed for this caller',
  404: 'Not found in the caller’s scope',
  409: 'Conflict with the current state',
  414: `A path parameter longer than ${MAX_PATH_PARAM_LENGTH} characters (code validation, issue param_too_long)`,
  422: 'Validation failed; see issues',
  429: 'Too many requests',
};

/** A body limit for people: `16 MiB (16,777,216 bytes)`. */
const sizeOf = (bytes: number) => `${bytes % 1048576 === 0 ? `${bytes / 1048576} MiB` : `${bytes / 1024} KiB`} (${bytes.toLocaleString('en-GB')} bytes)`;

/**
 * Builds the OpenAPI 3.1 document of a route table from its zod schemas, so the document
 * can never drift from what the server validates.
 */
export function buildOpenApi(
  table: Record<string, RouteDef>,
  info: { title: string; version: string; description?: string },
  serverUrl?: string,
  docs: Record<string, RouteDoc> = routeDocs,
): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  const docOf = (id: string): RouteDoc => {
    const doc = docs[id];
    if (!doc) throw new Error(`route ${id} has no documentation`);
    return doc;
  };
  for (const [id, r] of Object.entries(table)) {
    const { summary, tag, errors } = docOf(id);
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      const js = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
      for (const [name, prop] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: prop });
      }
    }
    if (r.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Makes a retry safe: a repeated key answers with the first answer (header Idempotent-Replayed: true) and has no second effect; the same key with another body is a 422. Keys live 24 h.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      });
    }
    const responses: Record<string, unknown> = {};
    responses[String(r.status)] = r.response
      ? { description: summary, content: { [r.contentType ?? 'application/json']: { schema: toSchema(r.response, 'output') } } }
      : { description: 'No content' };
    const statuses = new Set<number>();
    for (const code of errors) statuses.add(defaultStatus(code));
    // The router refuses a bad URL component on any route, before the route's own validation.
    statuses.add(400);
    if (r.params) statuses.add(414);
    // Every method but GET may carry a body, and each route has its limit.
    const bodyLimit = r.bodyLimit ?? DEFAULT_BODY_LIMIT;
    if (r.method !== 'GET') statuses.add(413);
    for (const status of [...statuses].sort()) {
      const description = status === 413 ? `Body larger than ${sizeOf(bodyLimit)} (code payload_too_large)` : (describeStatus[status] ?? 'Error');
      responses[String(status)] = { description, content: { 'application/json': { schema: errorRef } } };
    }
    responses.default = { description: 'Unexpected error', content: { 'application/json': { schema: errorRef } } };
    const op: Record<string, unknown> = {
      operationId: id,
      summary,
      tags: [tag],
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, description: `At most ${sizeOf(bodyLimit)}.`, content: { 'application/json': { schema: toSchema(r.body, 'input') } } } } : {}),
      responses,
      security: r.auth === 'none' ? [] : [{ bearer: [] }],
    };
    (paths[r.path] ??= {})[r.method.toLowerCase()] = op;
  }
  const tags = [...new Set(Object.keys(table).map((id) => docOf(id).tag))].sort().map((name) => ({ name, description: `${name} routes` }));
  return {
    openapi: '3.1.0',
    info: { ...info, license: { name: 'MIT', identifier: 'MIT' } },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : { servers: [{ url: '/' }] }),
    tags,
    paths,
    components: {
      schemas: { Error: toSchema(ErrorBodySchema, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Session token, partner API key or customer JWT' } },
    },
  };
}
