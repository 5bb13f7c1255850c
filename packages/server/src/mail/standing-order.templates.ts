import { describeMove, messageIn, ordersIssues, quantityIssues, standingOrdersIssues, unitLabel, validationIssues, availabilityIssues, type ErrorIssue } from '@kontor/core';
import { standingOrderServerIssues } from '../standing-orders/messages.js';
import type { ReminderMailData, RunFailedMailData } from '../standing-orders/mails.js';
import { STYLE, addressHtml, addressLines, day, esc, factTable, isHttpUrl, money, page, textFacts, textSignOff, type MailContent, type MailLocale, type MailParty } from './templates.js';

// The mails of standing orders, in German and English, HTML and text: the reminder before a run
// (what it will order, at what price, arriving when, what is short, with the one-click links) and
// the notice of a run that placed no order. Every value goes through esc(); links only when http(s).

const T = {
  de: {
    reminderSubject: (name: string, d: string) => `Dauerauftrag ${name}: Bestellung am ${d}`,
    reminderIntro: (name: string, d: string) => `am ${d} bestellt Ihr Dauerauftrag „${name}“ automatisch. So sieht die Bestellung nach heutigem Stand aus:`,
    failedSubject: (name: string, d: string) => `Dauerauftrag ${name}: keine Bestellung am ${d}`,
    heldSubject: (name: string, d: string) => `Dauerauftrag ${name}: Bestellung am ${d} zurückgehalten`,
    failedIntro: (name: string, d: string) => `die Ausführung Ihres Dauerauftrags „${name}“ am ${d} hat keine Bestellung ausgelöst.`,
    sellerIntro: (company: string, number: string) => `Kunde ${company} (${number}):`,
    unnamed: 'ohne Namen',
    runDay: 'Ausführung',
    moved: 'Hinweis',
    arrives: 'Voraussichtliche Lieferung',
    arrivesUnknown: 'noch offen',
    prices: 'Preise',
    current: 'aktuelle Preise am Tag der Ausführung',
    fixed: 'vereinbarte Festpreise',
    po: 'Ihre Bestellnummer (PO)',
    payment: 'Zahlung',
    methods: { invoice: 'Auf Rechnung', prepayment: 'Vorkasse', sepa_debit: 'SEPA-Lastschrift' },
    lines: 'Positionen',
    item: 'Artikel',
    quantity: 'Menge',
    unitPrice: 'Einzelpreis',
    amount: 'Betrag',
    net: 'Summe netto',
    gross: 'Gesamtbetrag',
    short: 'Nicht vollständig verfügbar',
    shortLine: (sku: string, available: number, quantity: number) => `${sku}: ${available} von ${quantity} sofort verfügbar`,
    warnings: 'Bitte beachten',
    deliveryAddress: 'Lieferadresse',
    skip: 'Diese Ausführung auslassen',
    pause: 'Dauerauftrag pausieren',
    linksNote: 'Die Links gelten nur für diese Ausführung, je einmal, bis zu ihrem Beginn. Ändern können Sie den Dauerauftrag jederzeit im Shop.',
    nothingToDo: 'Wenn alles so passt, müssen Sie nichts tun.',
    reason: 'Grund',
    notices: 'Hinweise',
    failedNext: 'Die weiteren Ausführungen laufen wie geplant. Bei Fragen antworten Sie einfach auf diese Nachricht.',
  },
  en: {
    reminderSubject: (name: string, d: string) => `Standing order ${name}: order on ${d}`,
    reminderIntro: (name: string, d: string) => `on ${d} your standing order “${name}” orders automatically. As things stand today, the order looks like this:`,
    failedSubject: (name: string, d: string) => `Standing order ${name}: no order on ${d}`,
    heldSubject: (name: string, d: string) => `Standing order ${name}: order on ${d} held`,
    failedIntro: (name: string, d: string) => `the run of your standing order “${name}” on ${d} placed no order.`,
    sellerIntro: (company: string, number: string) => `Customer ${company} (${number}):`,
    unnamed: 'unnamed',
    runDay: 'Run',
    moved: 'Note',
    arrives: 'Expected delivery',
    arrivesUnknown: 'not known yet',
    prices: 'Prices',
    current: 'current prices on the day of the run',
    fixed: 'agreed fixed prices',
    po: 'Your PO number',
    payment: 'Payment',
    methods: { invoice: 'On account', prepayment: 'Prepayment', sepa_debit: 'SEPA direct debit' },
    lines: 'Items',
    item: 'Item',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    amount: 'Amount',
    net: 'Net total',
    gross: 'Total',
    short: 'Not fully available',
    shortLine: (sku: string, available: number, quantity: number) => `${sku}: ${available} of ${quantity} available now`,
    warnings: 'Please note',
    deliveryAddress: 'Delivery address',
    skip: 'Skip this run',
    pause: 'Pause the standing order',
    linksNote: 'The links work for this run only, once each, until it starts. You can change the standing order in the shop at any time.',
    nothingToDo: 'If all is well, there is nothing to do.',
    reason: 'Reason',
    notices: 'Notices',
    failedNext: 'The further runs go ahead as planned. If you have questions, just reply to this mail.',
  },
} as const;

/** An issue's message in the recipient's language (issues keep their code and params). */
export function issueText(issue: Pick<ErrorIssue, 'code' | 'params' | 'message'>, lang: MailLocale): string {
  const tables = [standingOrderServerIssues, standingOrdersIssues, ordersIssues, quantityIssues, availabilityIssues, validationIssues];
  return tables.some((t) => t[lang][issue.code]) ? messageIn(tables, issue.code, issue.params ?? {}, lang) : issue.message;
}

const nameOf = (data: { standingOrder: { name: string | null } }, lang: MailLocale) => data.standingOrder.name ?? T[lang].unnamed;

const button = (url: string, label: string) =>
  `<a href="${esc(url)}" style="display:inline-block;background:#0b5cad;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none;margin:0 8px 8px 0">${esc(label)}</a>`;

/** The reminder N days before a run: the dry run's order, prices, delivery day, shortages and the one-click links. */
export function reminderMail(data: ReminderMailData, to: MailParty, sender: string, links: { skip: string; pause: string }): MailContent {
  const lang = to.locale;
  const t = T[lang];
  const name = nameOf(data, lang);
  const runDay = day(data.occurrence.day, lang);
  const subject = t.reminderSubject(name, runDay);
  const move = describeMove(data.occurrence, lang);
  const facts: [string, string][] = [
    [t.runDay, runDay],
    ...(move ? [[t.moved, move] as [string, string]] : []),
    [t.arrives, data.arrives ? day(data.arrives, lang) : t.arrivesUnknown],
    [t.prices, data.priceMode === 'fixed' ? t.fixed : t.current],
    ...(data.purchaseOrderNumber ? [[t.po, data.purchaseOrderNumber] as [string, string]] : []),
    [t.payment, t.methods[data.payment]],
  ];
  const lineName = (l: ReminderMailData['lines'][number]) => l.name[lang] || l.name.de;
  const qty = (l: { quantity: number; unit: ReminderMailData['lines'][number]['unit'] }) => `${l.quantity.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB')} ${unitLabel(l.unit, l.quantity, lang)}`;
  const totals: [string, string][] = [[t.net, money(data.totals.net, lang)], [t.gross, money(data.totals.gross, lang)]];
  const short = data.short.map((s) => t.shortLine(s.sku, s.available, s.quantity));
  const warnings = [...data.warnings, ...data.notices].map((w) => issueText(w, lang));
  const urls = { skip: isHttpUrl(links.skip) ? links.skip : null, pause: isHttpUrl(links.pause) ? links.pause : null };

  const text = [
    `${lang === 'de' ? 'Guten Tag' : 'Hello'} ${to.name},`,
    '',
    t.reminderIntro(name, runDay),
    '',
    textFacts(facts),
    '',
    `${t.lines}:`,
    ...data.lines.map((l, i) => `${String(i + 1).padStart(3)}. ${l.sku}  ${lineName(l)}\n     ${qty(l)} × ${money(l.unitPrice, lang)} = ${money(l.net, lang)}`),
    '',
    textFacts(totals),
    ...(short.length ? ['', `${t.short}:`, ...short.map((s) => `  ${s}`)] : []),
    ...(warnings.length ? ['', `${t.warnings}:`, ...warnings.map((w) => `  ${w}`)] : []),
    '',
    `${t.deliveryAddress}:`,
    ...addressLines(data.address, lang).map((x) => `  ${x}`),
    '',
    t.nothingToDo,
    ...(urls.skip ? [`${t.skip}: ${urls.skip}`] : []),
    ...(urls.pause ? [`${t.pause}: ${urls.pause}`] : []),
    t.linksNote,
    ...textSignOff(lang, sender),
  ].join('\n');

  const linesHtml =
    `<table style="${STYLE.table}"><thead><tr><th style="${STYLE.th}">${esc(t.item)}</th><th style="${STYLE.th};${STYLE.num}">${esc(t.quantity)}</th>` +
    `<th style="${STYLE.th};${STYLE.num}">${esc(t.unitPrice)}</th><th style="${STYLE.th};${STYLE.num}">${esc(t.amount)}</th></tr></thead><tbody>` +
    data.lines
      .map(
        (l) =>
          `<tr><td style="${STYLE.td}">${esc(lineName(l))}<br><span style="${STYLE.muted}">${esc(l.sku)}</span></td>` +
          `<td style="${STYLE.td};${STYLE.num}">${esc(qty(l))}</td><td style="${STYLE.td};${STYLE.num}">${esc(money(l.unitPrice, lang))}</td>` +
          `<td style="${STYLE.td};${STYLE.num}">${esc(money(l.net, lang))}</td></tr>`,
      )
      .join('') +
    `</tbody></table>` +
    factTable(totals);
  const html = page(
    lang,
    subject,
    `<h1 style="${STYLE.h1}">${esc(subject)}</h1><p>${esc(`${lang === 'de' ? 'Guten Tag' : 'Hello'} ${to.name},`)}</p><p>${esc(t.reminderIntro(name, runDay))}</p>` +
      factTable(facts) +
      `<h2 style="${STYLE.h2}">${esc(t.lines)}</h2>${linesHtml}` +
      (short.length ? `<h2 style="${STYLE.h2}">${esc(t.short)}</h2><ul>${short.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>` : '') +
      (warnings.length ? `<h2 style="${STYLE.h2}">${esc(t.warnings)}</h2><ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '') +
      `<h2 style="${STYLE.h2}">${esc(t.deliveryAddress)}</h2>${addressHtml(data.address, lang)}` +
      `<p style="margin-top:16px">${esc(t.nothingToDo)}</p>` +
      `<p>${urls.skip ? button(urls.skip, t.skip) : ''}${urls.pause ? button(urls.pause, t.pause) : ''}</p>` +
      `<p style="${STYLE.muted}">${esc(t.linksNote)}</p>`,
    sender,
  );
  return { subject, text, html };
}

/** A run that placed no order (failed or held), to the buyer and the seller's address: why, and what it would have ordered. */
export function runFailedMail(data: RunFailedMailData, to: MailParty, sender: string, options: { seller?: boolean } = {}): MailContent {
  const lang = to.locale;
  const t = T[lang];
  const name = nameOf(data, lang);
  const runDay = day(data.run.day, lang);
  const subject = (data.run.status === 'held' ? t.heldSubject : t.failedSubject)(name, runDay);
  const reason = issueText(data.run.reason, lang);
  const notices = data.run.notices.map((n) => issueText(n, lang));
  const facts: [string, string][] = [[t.runDay, runDay], [t.reason, reason]];
  const intro = t.failedIntro(name, runDay);
  const lineText = (l: RunFailedMailData['lines'][number]) => `${l.quantity.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB')} ${unitLabel(l.unit, l.quantity, lang)}  ${l.sku}  ${l.name[lang] || l.name.de}`;
  const greeting = options.seller ? t.sellerIntro(data.company.name, data.company.customerNumber) : `${lang === 'de' ? 'Guten Tag' : 'Hello'} ${to.name},`;
  const text = [
    greeting,
    '',
    intro,
    '',
    textFacts(facts),
    ...(notices.length ? ['', `${t.notices}:`, ...notices.map((n) => `  ${n}`)] : []),
    '',
    `${t.lines}:`,
    ...data.lines.map((l) => `  ${lineText(l)}`),
    '',
    `${t.deliveryAddress}:`,
    ...addressLines(data.address, lang).map((x) => `  ${x}`),
    '',
    t.failedNext,
    ...textSignOff(lang, sender),
  ].join('\n');
  const html = page(
    lang,
    subject,
    `<h1 style="${STYLE.h1}">${esc(subject)}</h1><p>${esc(greeting)}</p><p>${esc(intro)}</p>` +
      factTable(facts) +
      (notices.length ? `<h2 style="${STYLE.h2}">${esc(t.notices)}</h2><ul>${notices.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '') +
      `<h2 style="${STYLE.h2}">${esc(t.lines)}</h2><ul>${data.lines.map((l) => `<li>${esc(lineText(l))}</li>`).join('')}</ul>` +
      `<h2 style="${STYLE.h2}">${esc(t.deliveryAddress)}</h2>${addressHtml(data.address, lang)}<p>${esc(t.failedNext)}</p>`,
    sender,
  );
  return { subject, text, html };
}
