import type { IssueMessages } from '../messages.js';

/** Availability and the ERP stock update (server: PUT /v1/erp/stock). */
export const availabilityIssues: IssueMessages = {
  en: {
    unsupported_destination: (p) => (Array.isArray(p.supported) && p.supported.length ? `We do not deliver to ${p.country}; we deliver to ${p.supported.join(', ')}.` : `We do not deliver to ${p.country}.`),
    unknown_warehouse: (p) => (Array.isArray(p.supported) && p.supported.length ? `There is no warehouse ${p.warehouseId}; warehouses: ${p.supported.join(', ')}.` : `There is no warehouse ${p.warehouseId}.`),
    duplicate_position: (p) => `${p.sku} in ${p.warehouseId} is already in this update (position ${p.first}).`,
  },
  de: {
    unsupported_destination: (p) => (Array.isArray(p.supported) && p.supported.length ? `Wir liefern nicht nach ${p.country}; Lieferländer: ${p.supported.join(', ')}.` : `Wir liefern nicht nach ${p.country}.`),
    unknown_warehouse: (p) => (Array.isArray(p.supported) && p.supported.length ? `Es gibt kein Lager ${p.warehouseId}; Lager: ${p.supported.join(', ')}.` : `Es gibt kein Lager ${p.warehouseId}.`),
    duplicate_position: (p) => `${p.sku} in ${p.warehouseId} ist bereits in dieser Meldung enthalten (Position ${p.first}).`,
  },
};
