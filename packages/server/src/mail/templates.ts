import { formatMoney, unitLabel, type Money, type Order } from '@kontor/core';

/**
 * The order mails in German and English, as HTML and text. No template library: every value
 * goes through `esc()` into the HTML, links only when they are http(s).
 */

export type MailLocale = 'de' | 'en';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** Escapes text for HTML element content and (double-quoted) attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}



const T = {
  de: {
    confirmationSubject: (n: string) => `Bestellbestätigung ${n}`,
    shippedSubject: (n: string) => `Ihre Bestellung ${n} ist unterwegs`,
    hello: (name: string) => `Guten Tag ${name},`,
    thanks: 'vielen Dank für Ihre Bestellung. Wir haben sie erhalten und bearbeiten sie.',
    shippedIntro: (n: string) => `Ihre Bestellung ${n} wurde versandt.`,
    order: 'Bestellnummer',
    date: 'Bestelldatum',
    po: 'Ihre Bestellnummer (PO)',
    costCenter: 'Kostenstelle',
    requested: 'Wunschliefertermin',
    promised: 'Voraussichtliche Lieferung',
    lines: 'Positionen',
    pos: 'Pos.',
    sku: 'Art.-Nr.',
    item: 'Artikel',
    quantity: 'Menge',
    unitPrice: 'Einzelpreis',
    amount: 'Betrag',
    per: (n: number, unit: string) => ` je ${n} ${unit}`,
    net: 'Summe netto',
    vat: (rate: string, base: string) => `zzgl. ${rate} USt. auf ${base}`,
    gross: 'Gesamtbetrag',
    deliveryAddress: 'Lieferadresse',
    payment: 'Zahlung',
    invoice: 'Auf Rechnung (Zahlungsziel laut Ihren Konditionen).',
    prepayment: (gross: string) => `Vorkasse: Bitte überweisen Sie ${gross} auf folgendes Konto. Wir liefern nach Zahlungseingang.`,
    accountHolder: 'Kontoinhaber',
    bank: 'Bank',
    reference: 'Verwendungszweck',
    sepa: 'SEPA-Lastschrift: Wir ziehen den Betrag von Ihrem Konto ein.',
    mandate: 'Mandatsreferenz',
    comment: 'Ihr Kommentar',
    carrier: 'Versanddienstleister',
    tracking: 'Sendungsnummer',
    trackingLink: 'Sendung verfolgen',
    shippedLines: 'Versandte Positionen',
    cancelledSubject: (n: string) => `Ihre Bestellung ${n} wurde storniert`,
    cancelledIntro: (n: string) => `Ihre Bestellung ${n} wurde storniert; sie wird nicht geliefert.`,
    cancelledLines: 'Stornierte Positionen',
    reason: 'Grund',
    creditor: 'Zahlungsempfänger',
    creditorId: 'Gläubiger-ID',
    footer: 'Diese E-Mail wurde automatisch erstellt. Bei Fragen antworten Sie einfach auf diese Nachricht.',
    closing: 'Mit freundlichen Grüßen',
  },
  en: {
    confirmationSubject: (n: string) => `Order confirmation ${n}`,
    shippedSubject: (n: string) => `Your order ${n} has shipped`,
    hello: (name: string) => `Hello ${name},`,
    thanks: 'thank you for your order. We have received it and are processing it.',
    shippedIntro: (n: string) => `Your order ${n} has shipped.`,
    order: 'Order number',
    date: 'Order date',
    po: 'Your PO number',
    costCenter: 'Cost center',
    requested: 'Requested delivery date',
    promised: 'Expected delivery',
    lines: 'Items',
    pos: 'No.',
    sku: 'SKU',
    item: 'Item',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    amount: 'Amount',
    per: (n: number, unit: string) => ` per ${n} ${unit}`,
    net: 'Net total',
    vat: (rate: string, base: string) => `VAT ${rate} on ${base}`,
    gross: 'Total',
    deliveryAddress: 'Delivery address',
    payment: 'Payment',
    invoice: 'On account (invoice, within your payment terms).',
    prepayment: (gross: string) => `Prepayment: please transfer ${gross} to the account below. We deliver once the payment has arrived.`,
    accountHolder: 'Account holder',
    bank: 'Bank',
    reference: 'Reference',
    sepa: 'SEPA direct debit: we collect the amount from your account.',
    mandate: 'Mandate reference',
    comment: 'Your comment',
    carrier: 'Carrier',
    tracking: 'Tracking number',
    trackingLink: 'Track your parcel',
    shippedLines: 'Items shipped',
    cancelledSubject: (n: string) => `Your order ${n} has been cancelled`,
    cancelledIntro: (n: string) => `Your order ${n} has been cancelled; it will not be delivered.`,
    cancelledLines: 'Cancelled items',
    reason: 'Reason',
    creditor: 'Payee',
    creditorId: 'Creditor ID',
    footer: 'This e-mail was sent automatically. If you have questions, just reply to it.',
    closing: 'Kind regards',
  },
} as const;

/** Intl's no-break spaces as plain ones, so the text part lines up and reads the same everywhere. */
const plainSpaces = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');
export const money = (m: Money, lang: MailLocale) => plainSpaces(formatMoney(m, lang));

const LOCALE: Record<MailLocale, string> = { de: 'de-DE', en: 'en-GB' };
const percentFormat = {
  de: new Intl.NumberFormat(LOCALE.de, { style: 'percent', maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(LOCALE.en, { style: 'percent', maximumFractionDigits: 2 }),
};
/** A tax rate in basis points (1900 = 19 %) as the shop shows it: `19 %` / `19%`, `5,5 %` / `5.5%`. */
const percent = (basisPoints: number, lang: MailLocale) => plainSpaces(percentFormat[lang].format(basisPoints / 10_000));

// Days as the shop elements show them (`deliveryDay` in elements/src/translations), with the
// year: `Mi, 09.12.2026` (no dot after the weekday) / `Wed 9 Dec 2026`.
const weekdayFormat = {
  de: new Intl.DateTimeFormat(LOCALE.de, { weekday: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { weekday: 'short', timeZone: 'UTC' }),
};
const dateFormat = {
  de: new Intl.DateTimeFormat(LOCALE.de, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};
const instantFormat = {
  de: new Intl.DateTimeFormat(LOCALE.de, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }),
};
/** `2026-12-09` → `Mi, 09.12.2026` / `Wed 9 Dec 2026` (a `YYYY-MM-DD` day as midnight UTC, so no time zone moves it). */
export const day = (d: string, lang: MailLocale) => {
  const at = new Date(`${d}T00:00:00Z`);
  const weekday = weekdayFormat[lang].format(at).replace(/\.$/, '');
  return plainSpaces(`${weekday}${lang === 'de' ? ',' : ''} ${dateFormat[lang].format(at)}`);
};
const instant = (iso: string, lang: MailLocale) => instantFormat[lang].format(new Date(iso));

const countryNames = {
  de: new Intl.DisplayNames([LOCALE.de], { type: 'region' }),
  en: new Intl.DisplayNames([LOCALE.en], { type: 'region' }),
};
/** `DE` → `Deutschland` / `Germany`; a code Intl does not know stays as it is. */
const countryName = (code: string, lang: MailLocale) => {
  try {
    return countryNames[lang].of(code) ?? code;
  } catch {
    return code;
  }
};

const quantity = (line: Order['lines'][number], lang: MailLocale) => `${line.quantity.toLocaleString(LOCALE[lang])} ${unitLabel(line.unit, line.quantity, lang)}`;
const unitPrice = (line: Order['lines'][number], lang: MailLocale) =>
  money(line.unitPrice, lang) + (line.priceUnit > 1 ? T[lang].per(line.priceUnit, unitLabel(line.unit, line.priceUnit, lang)) : '');

export const isHttpUrl = (url: string | null | undefined): url is string => !!url && /^https?:\/\//i.test(url);

export const addressLines = (a: Order['deliveryAddress'], lang: MailLocale) =>
  [a.name, a.addition, a.street, `${a.postcode} ${a.city}`, countryName(a.country, lang)].filter((x): x is string => !!x);

/** The facts of an order as label/value pairs (only those that are set). */
function facts(order: Order, lang: MailLocale): [string, string][] {
  const t = T[lang];
  const rows: [string, string | null][] = [
    [t.order, order.number],
    [t.date, instant(order.placedAt, lang)],
    [t.po, order.purchaseOrderNumber],
    [t.costCenter, order.costCenter],
    [t.requested, order.requestedDeliveryDate && day(order.requestedDeliveryDate, lang)],
    [t.promised, order.promisedDelivery && day(order.promisedDelivery, lang)],
  ];
  return rows.filter((r): r is [string, string] => !!r[1]);
}

/** Who collects a SEPA direct debit (the seller's profile): named in the mail with the mandate. */
export interface Creditor {
  name: string;
  creditorId: string;
}

function paymentParts(order: Order, lang: MailLocale, creditor: Creditor | null): { intro: string; rows: [string, string][] } {
  const t = T[lang];
  const p = order.payment;
  if (p.method === 'prepayment') {
    const b = p.bankDetails;
    return {
      intro: t.prepayment(money(order.totals.gross, lang)),
      rows: b
        ? [
            [t.accountHolder, b.accountHolder],
            ['IBAN', b.iban],
            ['BIC', b.bic],
            [t.bank, b.bank],
            [t.reference, b.reference || order.number],
          ]
        : [[t.reference, order.number]],
    };
  }
  if (p.method === 'sepa_debit') {
    const rows: [string, string | null][] = [
      [t.creditor, creditor?.name ?? null],
      [t.creditorId, creditor?.creditorId ?? null],
      [t.mandate, p.mandateReference],
      [t.accountHolder, p.accountHolder],
      ['IBAN', p.ibanMasked],
    ];
    return { intro: t.sepa, rows: rows.filter((r): r is [string, string] => !!r[1]) };
  }
  return { intro: t.invoice, rows: [] };
}

// ---------------------------------------------------------------- HTML building blocks

export const STYLE = {
  body: 'margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1d2329;font-size:14px;line-height:1.45',
  card: 'max-width:680px;margin:0 auto;background:#ffffff;border:1px solid #dde1e6;border-radius:6px;padding:24px',
  h1: 'font-size:20px;margin:0 0 16px',
  h2: 'font-size:15px;margin:24px 0 8px',
  table: 'border-collapse:collapse;width:100%',
  th: 'text-align:left;border-bottom:2px solid #dde1e6;padding:6px 8px;font-size:12px;color:#5a6570',
  td: 'border-bottom:1px solid #eef0f2;padding:6px 8px;vertical-align:top',
  num: 'text-align:right;white-space:nowrap',
  muted: 'color:#5a6570;font-size:12px',
};

export const factTable = (rows: [string, string][]) =>
  `<table style="${STYLE.table}" role="presentation">${rows
    .map(([k, v]) => `<tr><td style="${STYLE.td};width:40%;color:#5a6570">${esc(k)}</td><td style="${STYLE.td}">${esc(v)}</td></tr>`)
    .join('')}</table>`;

export const page = (lang: MailLocale, title: string, inner: string, sender: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head>` +
  `<body style="${STYLE.body}"><div style="${STYLE.card}">${inner}` +
  `<p style="margin-top:24px">${esc(T[lang].closing)}<br>${esc(sender)}</p>` +
  `<p style="${STYLE.muted}">${esc(T[lang].footer)}</p></div></body></html>`;

export const addressHtml = (a: Order['deliveryAddress'], lang: MailLocale) => `<p style="margin:0">${addressLines(a, lang).map(esc).join('<br>')}</p>`;

// ---------------------------------------------------------------- text building blocks

/** The text part's ending, as `page()` ends the HTML: the closing, the sender, the footer. */
export const textSignOff = (lang: MailLocale, sender: string) => ['', T[lang].closing, sender, '', T[lang].footer];

export const textFacts = (rows: [string, string][]) => {
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  return rows.map(([k, v]) => `${`${k}:`.padEnd(width)}${v}`).join('\n');
};

export interface MailParty {
  /** The recipient's name for the greeting. */
  name: string;
  locale: MailLocale;
}

/** The order confirmation, sent on `order.placed`; `creditor` is named with a SEPA mandate. */
export function orderConfirmationMail(order: Order, to: MailParty, sender: string, creditor: Creditor | null = null): MailContent {
  const lang = to.locale;
  const t = T[lang];
  const subject = t.confirmationSubject(order.number);
  const f = facts(order, lang);
  const pay = paymentParts(order, lang, creditor);
  const lineName = (l: Order['lines'][number]) => l.name[lang] || l.name.de;
  const totals: [string, string][] = [
    [t.net, money(order.totals.net, lang)],
    ...order.totals.taxes.map((x): [string, string] => [t.vat(percent(x.rate, lang), money(x.net, lang)), money(x.tax, lang)]),
    [t.gross, money(order.totals.gross, lang)],
  ];

  const text = [
    t.hello(to.name),
    '',
    t.thanks,
    '',
    textFacts(f),
    '',
    `${t.lines}:`,
    ...order.lines.map(
      (l, i) => `${String(i + 1).padStart(3)}. ${l.sku}  ${lineName(l)}\n     ${quantity(l, lang)} × ${unitPrice(l, lang)} = ${money(l.net, lang)}`,
    ),
    '',
    textFacts(totals),
    '',
    `${t.deliveryAddress}:`,
    ...addressLines(order.deliveryAddress, lang).map((x) => `  ${x}`),
    '',
    `${t.payment}: ${pay.intro}`,
    ...(pay.rows.length ? [textFacts(pay.rows).replace(/^/gm, '  ')] : []),
    ...(order.comment ? ['', `${t.comment}:`, order.comment] : []),
    ...textSignOff(lang, sender),
  ].join('\n');

  const linesHtml =
    `<table style="${STYLE.table}"><thead><tr>` +
    `<th style="${STYLE.th}">${esc(t.pos)}</th><th style="${STYLE.th}">${esc(t.item)}</th>` +
    `<th style="${STYLE.th};${STYLE.num}">${esc(t.quantity)}</th><th style="${STYLE.th};${STYLE.num}">${esc(t.unitPrice)}</th>` +
    `<th style="${STYLE.th};${STYLE.num}">${esc(t.amount)}</th></tr></thead><tbody>` +
    order.lines
      .map(
        (l, i) =>
          `<tr><td style="${STYLE.td}">${i + 1}</td>` +
          `<td style="${STYLE.td}">${esc(lineName(l))}<br><span style="${STYLE.muted}">${esc(t.sku)} ${esc(l.sku)}</span></td>` +
          `<td style="${STYLE.td};${STYLE.num}">${esc(quantity(l, lang))}</td>` +
          `<td style="${STYLE.td};${STYLE.num}">${esc(unitPrice(l, lang))}</td>` +
          `<td style="${STYLE.td};${STYLE.num}">${esc(money(l.net, lang))}</td></tr>`,
      )
      .join('') +
    `</tbody></table>` +
    `<table style="${STYLE.table};margin-top:8px">${totals
      .map(
        ([k, v], i) =>
          `<tr><td style="padding:3px 8px;text-align:right${i === totals.length - 1 ? ';font-weight:bold' : ''}">${esc(k)}</td>` +
          `<td style="padding:3px 8px;${STYLE.num};width:120px${i === totals.length - 1 ? ';font-weight:bold' : ''}">${esc(v)}</td></tr>`,
      )
      .join('')}</table>`;

  const html = page(
    lang,
    subject,
    `<h1 style="${STYLE.h1}">${esc(subject)}</h1>` +
      `<p>${esc(t.hello(to.name))}</p><p>${esc(t.thanks)}</p>` +
      factTable(f) +
      `<h2 style="${STYLE.h2}">${esc(t.lines)}</h2>${linesHtml}` +
      `<h2 style="${STYLE.h2}">${esc(t.deliveryAddress)}</h2>${addressHtml(order.deliveryAddress, lang)}` +
      `<h2 style="${STYLE.h2}">${esc(t.payment)}</h2><p>${esc(pay.intro)}</p>${pay.rows.length ? factTable(pay.rows) : ''}` +
      (order.comment ? `<h2 style="${STYLE.h2}">${esc(t.comment)}</h2><p style="white-space:pre-wrap">${esc(order.comment)}</p>` : ''),
    sender,
  );
  return { subject, text, html };
}

/** The shipping confirmation, sent on `order.status_changed` to `shipped`. */
export function shippingConfirmationMail(order: Order, to: MailParty, sender: string): MailContent {
  return statusMail(order, to, sender, 'shipped');
}

/** The cancellation, sent on `order.status_changed` to `cancelled`, with the ERP's note as the reason. */
export function cancellationMail(order: Order, to: MailParty, sender: string): MailContent {
  return statusMail(order, to, sender, 'cancelled');
}

/** A mail about a status the buyer must hear of: the order's facts, its lines and where it goes. */
function statusMail(order: Order, to: MailParty, sender: string, status: 'shipped' | 'cancelled'): MailContent {
  const lang = to.locale;
  const t = T[lang];
  const shipped = status === 'shipped';
  const subject = shipped ? t.shippedSubject(order.number) : t.cancelledSubject(order.number);
  const intro = shipped ? t.shippedIntro(order.number) : t.cancelledIntro(order.number);
  const linesTitle = shipped ? t.shippedLines : t.cancelledLines;
  const tracking = shipped ? order.tracking : null;
  const reason = shipped ? null : ([...order.timeline].reverse().find((e) => e.status === 'cancelled')?.note ?? null);
  const shipFacts: [string, string][] = [
    [t.order, order.number],
    ...(order.purchaseOrderNumber ? [[t.po, order.purchaseOrderNumber] as [string, string]] : []),
    ...(tracking ? [[t.carrier, tracking.carrier] as [string, string], [t.tracking, tracking.trackingNumber] as [string, string]] : []),
    ...(reason ? [[t.reason, reason] as [string, string]] : []),
  ];
  const url = isHttpUrl(tracking?.url) ? tracking.url : null;
  const lineName = (l: Order['lines'][number]) => l.name[lang] || l.name.de;

  const text = [
    t.hello(to.name),
    '',
    intro,
    '',
    textFacts(shipFacts),
    ...(url ? ['', `${t.trackingLink}: ${url}`] : []),
    '',
    `${linesTitle}:`,
    ...order.lines.map((l) => `  ${quantity(l, lang).padStart(12)}  ${l.sku}  ${lineName(l)}`),
    '',
    `${t.deliveryAddress}:`,
    ...addressLines(order.deliveryAddress, lang).map((x) => `  ${x}`),
    ...textSignOff(lang, sender),
  ].join('\n');

  const html = page(
    lang,
    subject,
    `<h1 style="${STYLE.h1}">${esc(subject)}</h1>` +
      `<p>${esc(t.hello(to.name))}</p><p>${esc(intro)}</p>` +
      factTable(shipFacts) +
      (url
        ? `<p style="margin:16px 0"><a href="${esc(url)}" style="display:inline-block;background:#0b5cad;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none">${esc(t.trackingLink)}</a></p>`
        : '') +
      `<h2 style="${STYLE.h2}">${esc(linesTitle)}</h2>` +
      `<table style="${STYLE.table}">${order.lines
        .map(
          (l) =>
            `<tr><td style="${STYLE.td};${STYLE.num};width:90px">${esc(quantity(l, lang))}</td>` +
            `<td style="${STYLE.td}">${esc(lineName(l))}<br><span style="${STYLE.muted}">${esc(t.sku)} ${esc(l.sku)}</span></td></tr>`,
        )
        .join('')}</table>` +
      `<h2 style="${STYLE.h2}">${esc(t.deliveryAddress)}</h2>${addressHtml(order.deliveryAddress, lang)}`,
    sender,
  );
  return { subject, text, html };
}
