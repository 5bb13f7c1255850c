export { routes, DEFAULT_BODY_LIMIT, MAX_PATH_PARAM_LENGTH, type RouteDef, type RouteId, type RouteAuth } from './routes.js';
export { standingOrderRoutes, type StandingOrderRouteId } from './standing-order.routes.js';
export { offerRoutes, sellerOfferRoutes, type OfferRouteId, type SellerOfferRouteId } from './offer.routes.js';
export { reorderRoutes, type ReorderRouteId } from './reorder.routes.js';
export { assistantRoutes, type AssistantRouteId } from './assistant.routes.js';
// The partner-key routes (a partner's server calls them through @kontor/core/partner, Node only).
export { partnerRoutes, type PartnerRouteId } from './partner.routes.js';
export { buildOpenApi, type JsonSchema } from './openapi.js';
export { routeDocs, type RouteDoc } from './route-docs.js';
