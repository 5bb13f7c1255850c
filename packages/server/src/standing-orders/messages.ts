import { messageIn, type ErrorIssue, type IssueMessages, type IssuePath, type Lang } from '@kontor/core';

/** Issue codes only the server's standing orders give (the rest are core's). */
export const standingOrderServerIssues: IssueMessages = {
  en: {
    owner_gone: () => 'The user (or partner portal) this standing order places its orders as is no longer there; nothing was ordered.',
    unknown_warehouse: (p) => `There is no warehouse ${p.warehouseId}.`,
    warehouse_not_serving: (p) => `Warehouse ${p.warehouseId} does not deliver to ${p.country}.`,
    admin_only: () => 'Only an admin of the company may do this.',
    lines_required: () => 'The standing order needs lines: give them, or a cart or past order to take them from.',
    address_required: () => 'The standing order needs a delivery address: give one, or a past order (or a company default address) to take it from.',
    payment_required: () => 'The standing order needs a payment: give one, or a past order to take it from.',
    mandate_missing: (p) => `The order ${p.orderId} has no SEPA mandate to take the account from; please give the IBAN.`,
    run_missed: (p) => `The run of ${p.day} did not happen in time (the server was not running); by the catch-up policy it is not run late.`,
    run_skipped: (p) => `The run of ${p.day} was skipped.`,
  },
  de: {
    owner_gone: () => 'Die Person (oder das Partnerportal), für die dieser Dauerauftrag bestellt, gibt es nicht mehr; es wurde nichts bestellt.',
    unknown_warehouse: (p) => `Ein Lager ${p.warehouseId} gibt es nicht.`,
    warehouse_not_serving: (p) => `Das Lager ${p.warehouseId} liefert nicht nach ${p.country}.`,
    admin_only: () => 'Das darf nur ein Administrator des Unternehmens.',
    lines_required: () => 'Der Dauerauftrag braucht Positionen: bitte angeben oder einen Warenkorb oder eine frühere Bestellung als Vorlage nennen.',
    address_required: () => 'Der Dauerauftrag braucht eine Lieferadresse: bitte angeben oder eine frühere Bestellung (oder eine Standardadresse) als Vorlage nennen.',
    payment_required: () => 'Der Dauerauftrag braucht eine Zahlungsart: bitte angeben oder eine frühere Bestellung als Vorlage nennen.',
    mandate_missing: (p) => `Zur Bestellung ${p.orderId} gibt es kein SEPA-Mandat, aus dem sich das Konto übernehmen ließe; bitte die IBAN angeben.`,
    run_missed: (p) => `Die Ausführung vom ${p.day} fand nicht rechtzeitig statt (der Server lief nicht); laut Nachhol-Regel wird sie nicht nachgeholt.`,
    run_skipped: (p) => `Die Ausführung vom ${p.day} wurde ausgelassen.`,
  },
};

/** An issue with its message in `lang`, from the server's table (or the one given). */
export function serverIssue(path: IssuePath, code: string, params: Record<string, unknown>, lang: Lang, table: IssueMessages = standingOrderServerIssues): ErrorIssue {
  return { path, code, message: messageIn([table], code, params, lang), ...(Object.keys(params).length ? { params } : {}) };
}
