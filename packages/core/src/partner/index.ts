// The partner's server-side helper (Node): never imported by elements or any browser bundle.
export * from './partner.schema.js';
export { createPartnerClient, type PartnerClient, type PartnerClientOptions } from './partner.client.js';
export { partnerRoutes, type PartnerRouteId } from '../api/partner.routes.js';
