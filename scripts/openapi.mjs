// Writes the OpenAPI 3.1 document built from core's route table (the same one the server serves
// at /openapi.json) to docs/openapi.json, for Redocly lint and for readers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { assistantRoutes, buildOpenApi, offerRoutes, reorderRoutes, routes, sellerOfferRoutes, standingOrderRoutes } from '../packages/core/src/api/index.ts';

const doc = buildOpenApi({ ...routes, ...standingOrderRoutes, ...reorderRoutes, ...offerRoutes, ...sellerOfferRoutes, ...assistantRoutes }, {
  title: 'Kontor API',
  version: '0.1.0',
  description: 'The Kontor HTTP API: catalogue, prices, identity. Every error is `{ status, code, message, issues? }`.',
});
mkdirSync('docs', { recursive: true });
writeFileSync('docs/openapi.json', JSON.stringify(doc, null, 2) + '\n');
console.log(`docs/openapi.json: ${Object.keys(doc.paths).length} paths`);
