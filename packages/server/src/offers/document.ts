import { formatMoney, unitLabel, type Lang, type Offer, type OfferVersion } from '@kontor/core';
import type { FastifyReply } from 'fastify';
import { esc } from '../mail/templates.js';

// The printable offer: one HTML page with a print stylesheet (A4, no buttons), the seller's
// letterhead from configuration, the version and its validity. Every value is escaped; the page
// loads nothing (CSP `default-src 'none'`), so a browser's "print to PDF" makes the document.

/** The seller's letterhead: its name and the lines under it (address, phone, register, VAT id …). */
export interface Letterhead {
  name: string;
  lines: string[];
}

const T = {
  de: {
    offer: 'Angebot', draft: 'Entwurf', version: 'Version', date: 'Datum', validUntil: 'Gültig bis', priceValidUntil: 'Preise fest bis', customer: 'Kunde',
    pos: 'Pos.', sku: 'Art.-Nr.', item: 'Artikel', quantity: 'Menge', list: 'Listenpreis', unitPrice: 'Einzelpreis', discount: 'Rabatt', amount: 'Betrag',
    extras: 'Zusatzpositionen', wholeDiscount: 'Gesamtrabatt', net: 'Summe netto', vat: (r: string) => `USt. ${r}`, gross: 'Gesamtbetrag',
    payment: 'Zahlungsbedingungen', delivery: 'Lieferbedingungen', comment: 'Anmerkungen', rep: 'Ihr Ansprechpartner', per: (n: number, u: string) => `je ${n} ${u}`,
  },
  en: {
    offer: 'Offer', draft: 'Draft', version: 'Version', date: 'Date', validUntil: 'Valid until', priceValidUntil: 'Prices fixed until', customer: 'Customer',
    pos: 'No.', sku: 'SKU', item: 'Item', quantity: 'Quantity', list: 'List price', unitPrice: 'Unit price', discount: 'Discount', amount: 'Amount',
    extras: 'Extra lines', wholeDiscount: 'Discount on the offer', net: 'Net total', vat: (r: string) => `VAT ${r}`, gross: 'Total',
    payment: 'Payment terms', delivery: 'Delivery terms', comment: 'Notes', rep: 'Your contact', per: (n: number, u: string) => `per ${n} ${u}`,
  },
} as const;

const dayText = (d: string, lang: Lang) => new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
const pct = (bp: number, lang: Lang) => `${(bp / 100).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 2 })} %`;

const STYLE =
  'body{font-family:Arial,Helvetica,sans-serif;color:#1d2329;margin:0;padding:32px;font-size:13px;line-height:1.4}' +
  'header{display:flex;justify-content:space-between;border-bottom:2px solid #0b5cad;padding-bottom:12px;margin-bottom:24px}' +
  '.seller{font-size:18px;font-weight:bold}.muted{color:#5a6570;font-size:11px}h1{font-size:22px;margin:0 0 12px}' +
  'table{border-collapse:collapse;width:100%;margin:12px 0}th{text-align:left;border-bottom:2px solid #dde1e6;padding:6px;font-size:11px;color:#5a6570}' +
  'td{border-bottom:1px solid #eef0f2;padding:6px;vertical-align:top}.num{text-align:right;white-space:nowrap}.totals td{border:0}.totals .gross td{font-weight:bold;border-top:2px solid #1d2329}' +
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}dt{color:#5a6570}dd{margin:0}.draft{color:#b00020;font-weight:bold}' +
  '@page{size:A4;margin:18mm}@media print{body{padding:0}a{color:inherit;text-decoration:none}}';

/** The offer document of `version` in `lang`. */
export function offerDocument(offer: Pick<Offer, 'number' | 'company' | 'rep'>, version: OfferVersion, letterhead: Letterhead, lang: Lang): string {
  const t = T[lang];
  const m = (x: { amount: number; currency: string }) => esc(formatMoney(x, lang));
  const draft = version.sentAt === null;
  const title = `${t.offer} ${offer.number} · ${t.version} ${version.number}`;
  const facts: [string, string][] = [
    [t.customer, `${offer.company.name} (${offer.company.customerNumber})`],
    [t.date, dayText((version.sentAt ?? version.createdAt).slice(0, 10), lang)],
    [t.version, String(version.number)],
    [t.validUntil, dayText(version.validUntil, lang)],
    ...(version.priceValidUntil !== version.validUntil ? [[t.priceValidUntil, dayText(version.priceValidUntil, lang)] as [string, string]] : []),
    [t.rep, `${offer.rep.name} · ${offer.rep.email}`],
  ];
  const rows = version.lines
    .map((l, i) => {
      const unit = l.priceUnit > 1 ? ` ${t.per(l.priceUnit, unitLabel(l.unit, l.priceUnit, lang))}` : '';
      return `<tr><td>${i + 1}</td><td>${esc(l.sku)}</td><td>${esc(l.name[lang] || l.name.de)}</td><td class="num">${esc(`${l.quantity.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB')} ${unitLabel(l.unit, l.quantity, lang)}`)}</td>` +
        `<td class="num">${m(l.listUnitPrice)}</td><td class="num">${m(l.unitPrice)}${esc(unit)}</td><td class="num">${l.discountBp > 0 ? esc(pct(l.discountBp, lang)) : ''}</td><td class="num">${m(l.net)}</td></tr>`;
    })
    .join('');
  const extras = version.extras.length
    ? `<h2 style="font-size:14px">${esc(t.extras)}</h2><table><tbody>${version.extras.map((e) => `<tr><td>${esc(e.label)}</td><td class="num">${m(e.amount)}</td></tr>`).join('')}</tbody></table>`
    : '';
  const totals =
    `<table class="totals"><tbody>` +
    (version.discountBp > 0 ? `<tr><td>${esc(t.wholeDiscount)}</td><td class="num">${esc(pct(version.discountBp, lang))}</td></tr>` : '') +
    `<tr><td>${esc(t.net)}</td><td class="num">${m(version.totals.net)}</td></tr>` +
    version.totals.taxes.map((x) => `<tr><td>${esc(t.vat(pct(x.rate, lang)))}</td><td class="num">${m(x.tax)}</td></tr>`).join('') +
    `<tr class="gross"><td>${esc(t.gross)}</td><td class="num">${m(version.totals.gross)}</td></tr></tbody></table>`;
  const terms: [string, string | null][] = [[t.payment, version.paymentTerms], [t.delivery, version.deliveryTerms], [t.comment, version.comment]];
  const body =
    `<header><div><div class="seller">${esc(letterhead.name)}</div>${letterhead.lines.map((l) => `<div class="muted">${esc(l)}</div>`).join('')}</div></header>` +
    `<h1>${esc(title)}${draft ? ` <span class="draft">(${esc(t.draft)})</span>` : ''}</h1>` +
    `<dl>${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>` +
    `<table><thead><tr><th>${esc(t.pos)}</th><th>${esc(t.sku)}</th><th>${esc(t.item)}</th><th class="num">${esc(t.quantity)}</th><th class="num">${esc(t.list)}</th>` +
    `<th class="num">${esc(t.unitPrice)}</th><th class="num">${esc(t.discount)}</th><th class="num">${esc(t.amount)}</th></tr></thead><tbody>${rows}</tbody></table>` +
    extras + totals +
    terms.filter(([, v]) => v).map(([k, v]) => `<h2 style="font-size:14px">${esc(k)}</h2><p style="white-space:pre-line">${esc(v)}</p>`).join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex">` +
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** The document's headers: not cached, nothing loaded but its own inline style, never framed by another site. */
export const documentHeaders = (reply: FastifyReply) =>
  void reply
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'")
    .header('x-content-type-options', 'nosniff');
