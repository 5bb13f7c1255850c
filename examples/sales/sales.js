// The wholesaler's sales-rep page: offer requests in, offers out — built only on Kontor's seller
// SDK (@kontor/core's seller offers client, in one file for a plain script tag). The page owns
// its DOM and writes every value as text (textContent, never innerHTML with data).
import {
  compareVersions,
  createHttpClient,
  createSellerOffersClient,
  daysLeft,
  formatMoney,
  isFinalOfferStatus,
  isKontorError,
  newIdempotencyKey,
} from '/kontor/core/kontor-seller.bundle.js';

const params = new URLSearchParams(location.search);
// The demo server (scripts/demo.mjs) says where the API listens; `?api=` wins.
const demo = await fetch('/demo/config.json')
  .then((r) => (r.ok ? r.json() : {}))
  .catch(() => ({}));
const api = params.get('api') ?? `${location.protocol}//${location.hostname}:${demo.apiPort ?? 8787}`;

// ── texts ────────────────────────────────────────────────────────────────────────────────────
// The page's own texts in English, keyed by their German (index.html and below).
const english = {
  'Hansen Elektrogroßhandel – Vertrieb: Angebote': 'Hansen Elektrogroßhandel – Sales: offers',
  'Zum Inhalt springen': 'Skip to content',
  Vertrieb: 'Sales',
  'Angebote für unsere Geschäftskunden': 'Offers for our business customers',
  Hauptnavigation: 'Main navigation',
  'Online-Katalog': 'Online catalogue',
  Angebote: 'Offers',
  Sprache: 'Language',
  'E-Mail': 'Email',
  Passwort: 'Password',
  Anmelden: 'Sign in',
  Abmelden: 'Sign out',
  'Angebote im Vertrieb': 'Offers in sales',
  'Bitte melden Sie sich als Vertriebsmitarbeiter an. Demo-Zugänge (Passwort': 'Please sign in as a sales rep. Demo logins (password',
  '(Freigabegrenze 10 %)': '(approval limit 10 %)',
  '(5 %)': '(5 %)',
  'Offene Anfragen': 'Open requests',
  Aktualisieren: 'Refresh',
  Status: 'Status',
  Auswahl: 'Selection',
  'Wählen Sie links eine Anfrage oder ein Angebot.': 'Pick a request or an offer on the left.',
};

/** Texts made by the page with values, per language. */
const T = {
  de: {
    who: (name, limit) => `${name} · Freigabegrenze ${limit}`,
    all: 'Alle',
    statusLabel: 'Status',
    status: { draft: 'Entwurf', sent: 'Gesendet', changes_requested: 'Änderungswunsch', accepted: 'Angenommen', rejected: 'Abgelehnt', expired: 'Abgelaufen', withdrawn: 'Zurückgezogen' },
    event: { created: 'Entwurf angelegt', sent: 'Gesendet', changes_requested: 'Änderungswunsch', accepted: 'Angenommen', rejected: 'Abgelehnt', expired: 'Abgelaufen', withdrawn: 'Zurückgezogen', approved: 'Freigegeben' },
    noRequests: 'Keine offenen Anfragen.',
    noOffers: 'Keine Angebote in diesem Status.',
    lines: (n) => (n === 1 ? '1 Position' : `${n} Positionen`),
    request: 'Anfrage',
    requestOf: (company) => `Anfrage von ${company}`,
    requestedBy: 'Angefragt von',
    requestedAt: 'Angefragt am',
    desiredDate: 'Wunschtermin',
    message: 'Nachricht',
    sku: 'Artikel',
    quantity: 'Menge',
    note: 'Hinweis',
    draftFromRequest: 'Angebot entwerfen',
    drafted: (n) => `Angebot ${n} als Entwurf angelegt.`,
    offerTitle: (n, company) => `Angebot ${n} · ${company}`,
    rep: 'Vertrieb',
    currentVersion: 'Aktuelle Version',
    none: '–',
    validUntil: 'Gültig bis',
    daysLeft: (d) => (d < 0 ? 'abgelaufen' : d === 0 ? 'letzter Tag' : d === 1 ? 'noch 1 Tag' : `noch ${d} Tage`),
    changeRequest: 'Änderungswunsch des Kunden',
    changeRequestBy: (name, v) => `${name} zu Version ${v}:`,
    wishedLines: 'Gewünschte Positionen',
    applyWished: 'Gewünschte Mengen übernehmen',
    history: 'Verlauf',
    versions: 'Gesendete Versionen',
    versionLine: (v, at, gross, until) => `Version ${v} · gesendet ${at} · ${gross} · gültig bis ${until}`,
    draftHeading: (v) => `Entwurf der Version ${v}`,
    name: 'Bezeichnung',
    listPrice: 'Listenpreis',
    unitPrice: 'Angebotspreis',
    discount: 'Rabatt',
    net: 'Netto',
    listNet: 'Summe Liste netto',
    linesNet: 'Positionen netto',
    savings: 'Ersparnis',
    offerDiscount: 'Rabatt auf das Angebot',
    extrasNet: 'Zusatzpositionen netto',
    totalNet: 'Summe netto',
    tax: 'MwSt.',
    gross: 'Gesamtbetrag',
    perUnit: (n, unit) => (n === 1 ? '' : ` je ${n} ${unit}`),
    approvalNeeded: (d, l) => `Rabatt ${d} liegt über Ihrer Freigabegrenze von ${l}: Eine zweite Person im Vertrieb muss den Entwurf freigeben, bevor er gesendet werden kann.`,
    approvalNeededOther: (author, d, l) => `Rabatt ${d} liegt über der Freigabegrenze von ${author} (${l}): Ihre Freigabe ist nötig.`,
    approvedBy: (name) => `Freigegeben von ${name}.`,
    noApproval: (d, l) => `Rabatt ${d} – innerhalb der Freigabegrenze (${l}).`,
    diffHeading: (v) => `Änderungen gegenüber Version ${v}`,
    diff: {
      added: (sku, q) => `${sku}: neu, Menge ${q}`,
      removed: (sku) => `${sku}: entfernt`,
      changed: (sku, parts) => `${sku}: ${parts.join(', ')}`,
      quantity: (a, b) => `Menge ${a} → ${b}`,
      price: (a, b) => `Preis ${a} → ${b}`,
      unchanged: (n) => (n === 1 ? '1 Position unverändert' : `${n} Positionen unverändert`),
      gross: (a, b) => `Gesamtbetrag ${a} → ${b}`,
    },
    send: 'An den Kunden senden',
    sent: (n, v) => `Angebot ${n}, Version ${v} wurde gesendet; der Kunde erhält eine E-Mail.`,
    approve: 'Entwurf freigeben',
    approved: (n) => `Entwurf von ${n} freigegeben.`,
    document: (v) => `Druckansicht der Version ${v}`,
    documentOf: (v) => `Dokument (Version ${v}) geöffnet.`,
    editHeading: (v) => `Version ${v} bearbeiten`,
    editNext: (v) => `Nächste Version (${v}) entwerfen`,
    pricing: 'Preis',
    pricingKinds: { list: 'Listenpreis', unit_price: 'Stückpreis (€)', discount: 'Rabatt (%)' },
    value: 'Wert',
    remove: 'Entfernen',
    removeLine: (sku) => `Position ${sku} entfernen`,
    removeExtra: (label) => `Zusatzposition ${label || ''} entfernen`,
    addLine: 'Position hinzufügen',
    newSku: 'Artikelnummer',
    newQuantity: 'Menge',
    wholeDiscount: 'Rabatt auf das ganze Angebot (%)',
    extras: 'Zusatzpositionen (Fracht, Einrichtung …)',
    extraKind: 'Art',
    extraKinds: { freight: 'Fracht', setup: 'Einrichtung', other: 'Sonstiges' },
    extraLabel: 'Bezeichnung',
    extraAmount: 'Betrag netto (€)',
    taxClass: 'Steuer',
    taxClasses: { standard: '19 %', reduced: '7 %', zero: '0 %' },
    addExtra: 'Zusatzposition hinzufügen',
    priceValidUntil: 'Preise im Dauerauftrag fest bis',
    paymentTerms: 'Zahlungsbedingungen',
    deliveryTerms: 'Lieferbedingungen',
    comment: 'Kommentar an den Kunden',
    save: 'Entwurf speichern',
    saved: (v) => `Entwurf der Version ${v} gespeichert.`,
    withdrawHeading: 'Angebot zurückziehen',
    reason: 'Begründung (optional)',
    withdraw: 'Zurückziehen',
    withdrawn: (n) => `Angebot ${n} zurückgezogen.`,
    notYours: (name) => `Dieses Angebot betreut ${name}; Sie können es ansehen und einen Entwurf freigeben.`,
    final: 'Dieses Angebot ist abgeschlossen.',
    result: { order: (n) => `Bestellung ${n}`, standing_order: (id) => `Dauerauftrag ${id}` },
    resultLabel: 'Ergebnis',
    failed: 'Das hat nicht geklappt.',
    checkFields: 'Bitte prüfen Sie die markierten Angaben:',
    at: (iso, lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(iso)),
  },
  en: {
    who: (name, limit) => `${name} · approval limit ${limit}`,
    all: 'All',
    statusLabel: 'Status',
    status: { draft: 'Draft', sent: 'Sent', changes_requested: 'Changes requested', accepted: 'Accepted', rejected: 'Rejected', expired: 'Expired', withdrawn: 'Withdrawn' },
    event: { created: 'Draft created', sent: 'Sent', changes_requested: 'Changes requested', accepted: 'Accepted', rejected: 'Rejected', expired: 'Expired', withdrawn: 'Withdrawn', approved: 'Approved' },
    noRequests: 'No open requests.',
    noOffers: 'No offers in this status.',
    lines: (n) => (n === 1 ? '1 line' : `${n} lines`),
    request: 'Request',
    requestOf: (company) => `Request from ${company}`,
    requestedBy: 'Requested by',
    requestedAt: 'Requested on',
    desiredDate: 'Desired date',
    message: 'Message',
    sku: 'Item',
    quantity: 'Quantity',
    note: 'Note',
    draftFromRequest: 'Draft an offer',
    drafted: (n) => `Offer ${n} drafted.`,
    offerTitle: (n, company) => `Offer ${n} · ${company}`,
    rep: 'Sales rep',
    currentVersion: 'Current version',
    none: '–',
    validUntil: 'Valid until',
    daysLeft: (d) => (d < 0 ? 'expired' : d === 0 ? 'last day' : d === 1 ? '1 day left' : `${d} days left`),
    changeRequest: "The customer's change request",
    changeRequestBy: (name, v) => `${name} on version ${v}:`,
    wishedLines: 'Lines wished for',
    applyWished: 'Take the quantities wished for',
    history: 'History',
    versions: 'Versions sent',
    versionLine: (v, at, gross, until) => `Version ${v} · sent ${at} · ${gross} · valid until ${until}`,
    draftHeading: (v) => `Draft of version ${v}`,
    name: 'Description',
    listPrice: 'List price',
    unitPrice: 'Offer price',
    discount: 'Discount',
    net: 'Net',
    listNet: 'List total, net',
    linesNet: 'Lines, net',
    savings: 'Savings',
    offerDiscount: 'Discount on the offer',
    extrasNet: 'Extra lines, net',
    totalNet: 'Net total',
    tax: 'VAT',
    gross: 'Total',
    perUnit: (n, unit) => (n === 1 ? '' : ` per ${n} ${unit}`),
    approvalNeeded: (d, l) => `A discount of ${d} is above your approval limit of ${l}: a second person in sales must approve the draft before it can be sent.`,
    approvalNeededOther: (author, d, l) => `A discount of ${d} is above ${author}'s approval limit (${l}): your approval is needed.`,
    approvedBy: (name) => `Approved by ${name}.`,
    noApproval: (d, l) => `Discount ${d} – within the approval limit (${l}).`,
    diffHeading: (v) => `Changes against version ${v}`,
    diff: {
      added: (sku, q) => `${sku}: new, quantity ${q}`,
      removed: (sku) => `${sku}: removed`,
      changed: (sku, parts) => `${sku}: ${parts.join(', ')}`,
      quantity: (a, b) => `quantity ${a} → ${b}`,
      price: (a, b) => `price ${a} → ${b}`,
      unchanged: (n) => (n === 1 ? '1 line unchanged' : `${n} lines unchanged`),
      gross: (a, b) => `total ${a} → ${b}`,
    },
    send: 'Send to the customer',
    sent: (n, v) => `Offer ${n}, version ${v} was sent; the customer gets an email.`,
    approve: 'Approve the draft',
    approved: (n) => `Draft of ${n} approved.`,
    document: (v) => `Printable document of version ${v}`,
    documentOf: (v) => `Document (version ${v}) opened.`,
    editHeading: (v) => `Edit version ${v}`,
    editNext: (v) => `Draft the next version (${v})`,
    pricing: 'Price',
    pricingKinds: { list: 'List price', unit_price: 'Unit price (€)', discount: 'Discount (%)' },
    value: 'Value',
    remove: 'Remove',
    removeLine: (sku) => `Remove line ${sku}`,
    removeExtra: (label) => `Remove extra line ${label || ''}`,
    addLine: 'Add a line',
    newSku: 'Item number',
    newQuantity: 'Quantity',
    wholeDiscount: 'Discount on the whole offer (%)',
    extras: 'Extra lines (freight, setup …)',
    extraKind: 'Kind',
    extraKinds: { freight: 'Freight', setup: 'Setup', other: 'Other' },
    extraLabel: 'Description',
    extraAmount: 'Net amount (€)',
    taxClass: 'Tax',
    taxClasses: { standard: '19 %', reduced: '7 %', zero: '0 %' },
    addExtra: 'Add an extra line',
    priceValidUntil: 'Prices fixed in a standing order until',
    paymentTerms: 'Payment terms',
    deliveryTerms: 'Delivery terms',
    comment: 'Comment to the customer',
    save: 'Save the draft',
    saved: (v) => `Draft of version ${v} saved.`,
    withdrawHeading: 'Withdraw the offer',
    reason: 'Reason (optional)',
    withdraw: 'Withdraw',
    withdrawn: (n) => `Offer ${n} withdrawn.`,
    notYours: (name) => `${name} handles this offer; you can view it and approve a draft.`,
    final: 'This offer is closed.',
    result: { order: (n) => `Order ${n}`, standing_order: (id) => `Standing order ${id}` },
    resultLabel: 'Result',
    failed: 'That did not work.',
    checkFields: 'Please check the marked fields:',
    at: (iso, lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(iso)),
  },
};
const STATUSES = ['draft', 'sent', 'changes_requested', 'accepted', 'rejected', 'expired', 'withdrawn'];

// ── state ────────────────────────────────────────────────────────────────────────────────────
const sessionKey = 'hansen.sales.session';
const langKey = 'hansen.lang';
const isLang = (v) => v === 'de' || v === 'en';
let session = JSON.parse(sessionStorage.getItem(sessionKey) ?? 'null');
let chosenLang = [params.get('lang'), sessionStorage.getItem(langKey)].find(isLang) ?? null;
let lang = chosenLang ?? session?.user.locale ?? 'de';
/** What the detail shows: `{ kind: 'request' | 'offer', id }`. */
let selected = null;
/** The offer on screen and the editor's working copy of its next version. */
let offer = null;
let editor = null;
let requestsPage = [];
let offersPage = [];

const t = () => T[lang];
const http = createHttpClient({ endpoint: api, token: () => session?.token, lang: () => lang, onUnauthorized: () => session && signOutLocally() });
const rep = createSellerOffersClient(http);

// ── DOM helpers (text only) ──────────────────────────────────────────────────────────────────
const PROPS = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'type', 'min', 'max', 'step', 'required', 'name', 'id', 'htmlFor', 'tabIndex']);
/** An element with attributes/properties and children (strings become text nodes). */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (PROPS.has(k)) el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'object' ? c : String(c));
  return el;
}
let uid = 0;
/** A labelled control: `<label for>` + the control, wrapped. */
function field(label, control, hint) {
  control.id ||= `f${++uid}`;
  const wrap = h('div', { class: 'field' }, h('label', { htmlFor: control.id }, label), control);
  if (hint) {
    const id = `${control.id}-hint`;
    wrap.append(h('small', { id, class: 'muted' }, hint));
    control.setAttribute('aria-describedby', id);
  }
  return wrap;
}
const select = (options, value, props = {}) => h('select', props, ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
const money = (m) => formatMoney(m, lang);
const percent = (bp) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
const day = (d) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
const nameOf = (text) => text?.[lang] ?? text?.de ?? '';

const statusBox = document.getElementById('status');
const say = (text) => {
  statusBox.textContent = text;
};

/** An error as text, with its issues (path and message) listed; inputs at those paths are marked invalid. */
function showError(where, error) {
  const box = where.querySelector('.error') ?? where.appendChild(h('div', { class: 'error', role: 'alert' }));
  box.replaceChildren();
  for (const el of document.querySelectorAll('[aria-invalid=true]')) el.removeAttribute('aria-invalid');
  if (!isKontorError(error)) {
    box.append(h('p', {}, String(error?.message ?? error)));
    return;
  }
  // A validation error's own message names the request; the rep reads the issues at the fields.
  box.append(h('p', {}, error.code === 'validation' ? t().checkFields : error.message || t().failed));
  if (error.issues?.length) {
    box.append(h('ul', {}, ...error.issues.map((i) => h('li', { dataset: { code: i.code, issuePath: i.path.join('.') } }, i.message))));
    for (const issue of error.issues) {
      const path = issue.path.join('.');
      for (const el of where.querySelectorAll('[data-path]')) if (path && path.startsWith(el.dataset.path)) el.setAttribute('aria-invalid', 'true');
    }
    where.querySelector('[aria-invalid=true]')?.focus();
  }
}
const clearError = (where) => where.querySelector('.error')?.remove();

/** Runs an action of a button: busy while it runs, its error shown in `where`. */
async function act(button, where, work) {
  button.setAttribute('aria-busy', 'true');
  button.disabled = true;
  try {
    clearError(where);
    await work();
  } catch (error) {
    if (!where.isConnected) where = document.getElementById('detail');
    showError(where, error);
    if (!isKontorError(error)) console.error(error);
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

// ── page texts, language, sign-in ────────────────────────────────────────────────────────────
const pageTitle = document.title;
function translate() {
  const tr = (german) => (lang === 'en' ? (english[german] ?? german) : german);
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = tr((el.dataset.t ||= el.textContent));
  for (const el of document.querySelectorAll('[data-t-label]')) el.setAttribute('aria-label', tr((el.dataset.tLabel ||= el.getAttribute('aria-label'))));
  document.title = tr(pageTitle);
  document.documentElement.lang = lang;
  for (const b of document.querySelectorAll('.lang-switch [data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
}

const form = document.getElementById('login');
const desk = document.getElementById('desk');
const detail = document.getElementById('detail');
const filter = document.getElementById('status-filter');

function showSignedIn() {
  const signed = Boolean(session);
  form.hidden = signed;
  document.getElementById('signed-in').hidden = !signed;
  document.getElementById('signed-out-note').hidden = signed;
  desk.hidden = !signed;
  if (signed) document.getElementById('who').textContent = t().who(session.user.name, percent(session.user.approvalLimitBp));
}

function renderFilter() {
  const value = filter.value;
  filter.replaceChildren(h('option', { value: '' }, t().all), ...STATUSES.map((s) => h('option', { value: s }, t().status[s])));
  filter.value = value;
}

function useLang(next) {
  lang = next;
  translate();
  renderFilter();
  showSignedIn();
  if (session) {
    renderLists();
    renderDetail();
  }
}

function signOutLocally() {
  session = null;
  sessionStorage.removeItem(sessionKey);
  selected = offer = editor = null;
  showSignedIn();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const errorBox = document.getElementById('login-error');
  errorBox.textContent = '';
  const data = new FormData(form);
  try {
    session = await rep.login({ email: String(data.get('email')), password: String(data.get('password')) });
    sessionStorage.setItem(sessionKey, JSON.stringify(session));
    useLang(chosenLang ?? session.user.locale);
    await loadLists();
  } catch (error) {
    errorBox.textContent = error.message; // as text, never HTML
  }
});
document.getElementById('logout').addEventListener('click', async () => {
  try {
    await rep.logout();
  } catch {
    // Gone already: signing out here is what matters.
  }
  signOutLocally();
});
for (const button of document.querySelectorAll('.lang-switch [data-lang]')) {
  button.addEventListener('click', () => {
    chosenLang = button.dataset.lang;
    sessionStorage.setItem(langKey, chosenLang);
    useLang(chosenLang);
  });
}

// ── the lists ────────────────────────────────────────────────────────────────────────────────
const requestsList = document.getElementById('requests');
const offersList = document.getElementById('offers');

async function loadLists() {
  const status = filter.value || undefined;
  const [requests, offers] = await Promise.all([rep.requests({ status: 'open', limit: 50 }), rep.list({ ...(status ? { status } : {}), limit: 50 })]);
  requestsPage = requests.items;
  offersPage = offers.items;
  renderLists();
}

function renderLists() {
  requestsList.replaceChildren(
    ...(requestsPage.length
      ? requestsPage.map((r) =>
          h('li', { dataset: { requestId: r.id } },
            h('button', { type: 'button', class: 'item', 'aria-current': selected?.id === r.id ? 'true' : null, onclick: () => select_({ kind: 'request', id: r.id }) },
              h('strong', {}, r.company.name), h('span', {}, `${t().lines(r.lines.length)} · ${t().at(r.createdAt, lang)}`), h('span', { class: 'muted' }, r.requestedBy.name))))
      : [h('li', { class: 'muted' }, t().noRequests)]),
  );
  offersList.replaceChildren(
    ...(offersPage.length
      ? offersPage.map((o) =>
          h('li', { dataset: { offerId: o.id, status: o.status } },
            h('button', { type: 'button', class: 'item', 'aria-current': selected?.id === o.id ? 'true' : null, onclick: () => select_({ kind: 'offer', id: o.id }) },
              h('strong', {}, o.number), h('span', {}, o.company.name),
              h('span', { class: `badge status-${o.status}` }, t().status[o.status]),
              h('span', { class: 'muted' }, [o.rep.name, o.currentVersion ? `V${o.currentVersion}` : null, o.validUntil ? `${t().validUntil} ${day(o.validUntil)}` : null].filter(Boolean).join(' · ')))))
      : [h('li', { class: 'muted' }, t().noOffers)]),
  );
}

filter.addEventListener('change', () => loadLists().catch((e) => showError(detail, e)));
document.getElementById('reload').addEventListener('click', (e) => act(e.currentTarget, detail, async () => {
  await loadLists();
  if (selected?.kind === 'offer') await openOffer(selected.id, { keepEditor: false });
}));

async function select_(what) {
  selected = what;
  renderLists();
  try {
    if (what.kind === 'offer') await openOffer(what.id, { keepEditor: false });
    else renderDetail();
  } catch (error) {
    showError(detail, error);
  }
  detail.focus();
}

// ── the detail: a request ────────────────────────────────────────────────────────────────────
function renderDetail() {
  if (!selected) return;
  if (selected.kind === 'request') return renderRequest(requestsPage.find((r) => r.id === selected.id));
  if (offer) renderOffer();
}

function facts(pairs) {
  return h('dl', { class: 'facts' }, ...pairs.filter(([, v]) => v !== null && v !== undefined && v !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function renderRequest(r) {
  if (!r) return;
  const draftButton = h('button', { type: 'button', class: 'primary', onclick: (e) => act(e.currentTarget, detail, async () => {
    // One offer per request and per key: a double click drafts one.
    const key = (r.draftKey ??= newIdempotencyKey());
    const created = await rep.create({ from: { kind: 'request', requestId: r.id } }, { idempotencyKey: key });
    selected = { kind: 'offer', id: created.id };
    await showOffer(created, t().drafted(created.number));
  }) }, t().draftFromRequest);
  delete detail.dataset.offerId;
  detail.replaceChildren(
    h('h2', { id: 'detail-heading' }, t().requestOf(r.company.name)),
    facts([[t().requestedBy, r.requestedBy.name], [t().requestedAt, t().at(r.createdAt, lang)], [t().desiredDate, r.desiredDate ? day(r.desiredDate) : null], [t().message, r.message]]),
    h('table', { class: 'lines' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t().sku), h('th', { scope: 'col', class: 'num' }, t().quantity), h('th', { scope: 'col' }, t().note))),
      h('tbody', {}, ...r.lines.map((l) => h('tr', {}, h('td', {}, l.sku), h('td', { class: 'num' }, l.quantity), h('td', {}, l.note ?? ''))))),
    h('p', { class: 'actions' }, draftButton),
  );
}

// ── the detail: an offer ─────────────────────────────────────────────────────────────────────
/** Shows the offer an action answered with (the editor starts from it), says what happened, then refreshes the lists. */
async function showOffer(next, message) {
  offer = next;
  editor = editorFrom(next);
  renderOffer();
  say(message);
  await loadLists();
}

async function openOffer(id, { keepEditor }) {
  const next = await rep.get(id);
  const sameOffer = offer?.id === next.id;
  offer = next;
  if (!keepEditor || !sameOffer || !editor) editor = editorFrom(offer);
  renderOffer();
}

const isMine = () => offer.rep.id === session.user.id;
const canEdit = () => isMine() && !isFinalOfferStatus(offer.status);
const nextNumber = () => (offer.currentVersion ?? 0) + 1;
const lastChangeRequest = () => [...offer.history].reverse().find((e) => e.kind === 'changes_requested') ?? null;

/** The editor's working copy: from the draft, else the current version (the start of the next one). */
function editorFrom(o) {
  const v = o.draft ?? o.versions.at(-1);
  if (!v) return null;
  return {
    currency: v.currency,
    lines: v.lines.map((l) => ({
      sku: l.sku, name: nameOf(l.name), quantity: l.quantity, kind: l.pricing.kind,
      value: l.pricing.kind === 'unit_price' ? l.pricing.unitPrice.amount / 100 : l.pricing.kind === 'discount' ? l.pricing.discountBp / 100 : '',
      list: l.listUnitPrice, priceUnit: l.priceUnit, unit: l.unit,
    })),
    discount: v.discountBp ? v.discountBp / 100 : '',
    extras: v.extras.map((e) => ({ kind: e.kind, label: e.label, amount: e.amount.amount / 100, taxClass: e.taxClass })),
    validUntil: v.validUntil,
    priceValidUntil: v.priceValidUntil === v.validUntil ? '' : v.priceValidUntil,
    paymentTerms: v.paymentTerms ?? '',
    deliveryTerms: v.deliveryTerms ?? '',
    comment: v.comment ?? '',
    newSku: '',
    newQuantity: '',
  };
}

/** A number the rep typed, or NaN (the SDK's schema then says what is wrong, at its path). */
const num = (v) => (v === '' || v === null || v === undefined ? Number.NaN : Number(v));
const minor = (v) => Math.round(num(v) * 100);

/** The editor's content as core's OfferContentInput. */
function contentOf(e) {
  const content = {
    lines: e.lines.map((l) => ({
      sku: l.sku.trim(), quantity: num(l.quantity),
      pricing: l.kind === 'unit_price' ? { kind: 'unit_price', unitPrice: { amount: minor(l.value), currency: e.currency } }
        : l.kind === 'discount' ? { kind: 'discount', discountBp: minor(l.value) } : { kind: 'list' },
    })),
    extras: e.extras.map((x) => ({ kind: x.kind, label: x.label.trim(), amount: { amount: minor(x.amount), currency: e.currency }, taxClass: x.taxClass })),
    validUntil: e.validUntil,
  };
  if (e.discount !== '') content.discountBp = minor(e.discount);
  if (e.priceValidUntil) content.priceValidUntil = e.priceValidUntil;
  for (const k of ['paymentTerms', 'deliveryTerms', 'comment']) if (e[k].trim()) content[k] = e[k].trim();
  return content;
}

function renderOffer() {
  const o = offer;
  const current = o.versions.at(-1);
  const children = [
    h('h2', { id: 'detail-heading' }, t().offerTitle(o.number, o.company.name)),
    facts([
      [t().statusLabel, h('span', { class: `badge status-${o.status}`, dataset: { status: o.status } }, t().status[o.status])],
      [t().rep, o.rep.name],
      [t().currentVersion, o.currentVersion ?? t().none],
      [t().validUntil, o.validUntil ? `${day(o.validUntil)} (${t().daysLeft(daysLeft(o.validUntil, new Date()))})` : null],
      [t().resultLabel, o.result ? (o.result.kind === 'order' ? t().result.order(o.result.orderNumber) : t().result.standing_order(o.result.standingOrderId)) : null],
    ]),
  ];
  if (!isMine()) children.push(h('p', { class: 'note' }, t().notYours(o.rep.name)));
  if (isFinalOfferStatus(o.status)) children.push(h('p', { class: 'note' }, t().final));
  const change = o.status === 'changes_requested' ? lastChangeRequest() : null;
  if (change) children.push(changeRequestBox(change));
  if (o.draft) children.push(draftBox(o.draft, current));
  if (canEdit() && editor) children.push(editorForm());
  // The printable document of the current version and of the draft.
  const printable = [current?.number, o.draft?.number].filter(Boolean);
  if (printable.length) {
    children.push(h('p', { class: 'actions' }, ...printable.map((v) =>
      h('button', { type: 'button', class: 'secondary document', dataset: { version: String(v) }, onclick: (e) => openDocument(e.currentTarget, v) }, t().document(v)))));
  }
  if (canEdit()) children.push(withdrawForm());
  if (o.versions.length) {
    children.push(h('h3', {}, t().versions), h('ul', { class: 'versions' }, ...o.versions.map((v) => h('li', { dataset: { version: v.number } }, t().versionLine(v.number, t().at(v.sentAt, lang), money(v.totals.gross), day(v.validUntil))))));
  }
  children.push(h('h3', {}, t().history), h('ol', { class: 'history' }, ...o.history.map((e) =>
    h('li', { dataset: { kind: e.kind } }, `${t().at(e.at, lang)} · ${t().event[e.kind]}${e.versionNumber ? ` (V${e.versionNumber})` : ''}${e.by ? ` · ${e.by.name}` : ''}`, e.text ? h('q', {}, e.text) : null))));
  detail.replaceChildren(...children);
  detail.dataset.offerId = o.id;
}

function changeRequestBox(change) {
  const box = h('section', { class: 'change-request', 'aria-labelledby': 'change-heading' },
    h('h3', { id: 'change-heading' }, t().changeRequest),
    h('p', {}, t().changeRequestBy(change.by?.name ?? '', change.versionNumber)),
    h('blockquote', { class: 'comment' }, change.text ?? ''));
  if (change.lines?.length) {
    box.append(h('h4', {}, t().wishedLines), h('ul', { class: 'wished' }, ...change.lines.map((l) => h('li', { dataset: { sku: l.sku } }, `${l.sku}: ${l.quantity}${l.note ? ` – ${l.note}` : ''}`))));
    if (canEdit()) {
      box.append(h('button', { type: 'button', class: 'secondary apply-wished', onclick: () => {
        for (const w of change.lines) {
          const line = editor.lines.find((l) => l.sku === w.sku);
          if (line) line.quantity = w.quantity;
          else editor.lines.push({ sku: w.sku, name: '', quantity: w.quantity, kind: 'list', value: '', list: null, priceUnit: 1, unit: '' });
        }
        renderOffer();
        detail.querySelector('form.editor')?.focus();
      } }, t().applyWished));
    }
  }
  return box;
}

function draftBox(d, current) {
  const approval = offer.approval;
  const box = h('section', { class: 'draft', 'aria-labelledby': 'draft-heading' }, h('h3', { id: 'draft-heading' }, t().draftHeading(d.number)));
  box.append(h('table', { class: 'lines priced' },
    h('thead', {}, h('tr', {}, ...[t().sku, t().name, t().quantity, t().listPrice, t().unitPrice, t().discount, t().net].map((c, i) => h('th', { scope: 'col', class: i >= 2 ? 'num' : null }, c)))),
    h('tbody', {}, ...d.lines.map((l) => h('tr', { dataset: { sku: l.sku } },
      h('td', {}, l.sku), h('td', {}, nameOf(l.name)), h('td', { class: 'num' }, l.quantity),
      h('td', { class: 'num' }, money(l.listUnitPrice) + t().perUnit(l.priceUnit, l.unit)),
      h('td', { class: 'num', dataset: { part: 'unit-price' } }, money(l.unitPrice)),
      h('td', { class: 'num' }, percent(l.discountBp)), h('td', { class: 'num' }, money(l.net)))),
    ...d.extras.map((e) => h('tr', { class: 'extra' }, h('td', {}, t().extraKinds[e.kind]), h('td', {}, e.label), h('td', {}), h('td', {}), h('td', {}), h('td', {}), h('td', { class: 'num' }, money(e.amount))))),
  ));
  const totals = d.totals;
  box.append(facts([
    [t().listNet, money(totals.listNet)],
    [t().offerDiscount, d.discountBp ? percent(d.discountBp) : null],
    [t().linesNet, money(totals.linesNet)],
    [t().savings, `${money(totals.savings)} (${percent(totals.discountBp)})`],
    [t().extrasNet, totals.extrasNet.amount ? money(totals.extrasNet) : null],
    [t().totalNet, money(totals.net)],
    ...totals.taxes.map((x) => [`${t().tax} ${percent(x.rate)}`, money(x.tax)]),
    [t().gross, h('strong', { class: 'gross' }, money(totals.gross))],
    [t().validUntil, day(d.validUntil)],
  ]));
  if (approval) {
    const text = approval.approvedBy ? t().approvedBy(approval.approvedBy.name)
      : approval.needed ? (isMine() ? t().approvalNeeded(percent(approval.discountBp), percent(approval.limitBp)) : t().approvalNeededOther(offer.rep.name, percent(approval.discountBp), percent(approval.limitBp)))
      : t().noApproval(percent(approval.discountBp), percent(approval.limitBp));
    box.append(h('p', { class: `approval ${approval.needed && !approval.approvedBy ? 'needed' : 'ok'}`, dataset: { needed: String(approval.needed), approved: String(Boolean(approval.approvedBy)) } }, text));
  }
  if (current) {
    const cmp = compareVersions(current, d);
    const changed = cmp.lines.filter((l) => l.kind !== 'unchanged');
    const items = changed.map((l) => {
      if (l.kind === 'added') return t().diff.added(l.sku, l.after.quantity);
      if (l.kind === 'removed') return t().diff.removed(l.sku);
      const parts = [];
      if (l.quantityChanged) parts.push(t().diff.quantity(l.before.quantity, l.after.quantity));
      if (l.priceChanged) parts.push(t().diff.price(money(l.before.unitPrice), money(l.after.unitPrice)));
      return t().diff.changed(l.sku, parts);
    });
    const same = cmp.lines.length - changed.length;
    if (same) items.push(t().diff.unchanged(same));
    items.push(t().diff.gross(money(cmp.gross.before), money(cmp.gross.after)));
    box.append(h('h4', {}, t().diffHeading(current.number)), h('ul', { class: 'diff' }, ...items.map((i) => h('li', {}, i))));
  }
  const actions = h('p', { class: 'actions' });
  if (isMine()) {
    actions.append(h('button', { type: 'button', class: 'primary send', onclick: (e) => act(e.currentTarget, box, async () => {
      const sent = await rep.send(offer.id, offer.version);
      await showOffer(sent, t().sent(sent.number, sent.currentVersion));
    }) }, t().send));
  } else if (approval?.needed && !approval.approvedBy) {
    actions.append(h('button', { type: 'button', class: 'primary approve', onclick: (e) => act(e.currentTarget, box, async () => {
      const approved = await rep.approve(offer.id, offer.version);
      await showOffer(approved, t().approved(approved.number));
    }) }, t().approve));
  }
  if (actions.childNodes.length) box.append(actions);
  return box;
}

function editorForm() {
  const e = editor;
  const v = offer.draft ? offer.draft.number : nextNumber();
  const bind = (obj, key) => (ev) => {
    obj[key] = ev.currentTarget.type === 'checkbox' ? ev.currentTarget.checked : ev.currentTarget.value;
  };
  const lineRows = e.lines.map((l, i) => {
    const path = `content.lines.${i}`;
    const label = `${l.sku}${l.name ? ` ${l.name}` : ''}`;
    const kind = select(Object.entries(t().pricingKinds), l.kind, { 'aria-label': `${t().pricing} ${label}`, dataset: { path: `${path}.pricing.kind`, field: 'kind' }, onchange: (ev) => {
      l.kind = ev.currentTarget.value;
      l.value = '';
      renderOffer();
      detail.querySelector(`[data-line="${i}"] [data-field=value]`)?.focus();
    } });
    const value = h('input', { type: 'number', step: '0.01', min: '0', max: l.kind === 'discount' ? '100' : null, inputmode: 'decimal', value: String(l.value), hidden: l.kind === 'list',
      'aria-label': `${l.kind === 'discount' ? t().discount : t().unitPrice} ${label}`, dataset: { path: `${path}.pricing`, field: 'value' }, oninput: bind(l, 'value') });
    return h('tr', { dataset: { line: String(i), sku: l.sku } },
      h('td', {}, h('input', { type: 'text', value: l.sku, size: '10', 'aria-label': `${t().sku} ${i + 1}`, dataset: { path: `${path}.sku`, field: 'sku' }, oninput: bind(l, 'sku') }), l.name ? h('small', { class: 'muted' }, l.name) : null),
      h('td', { class: 'num' }, h('input', { type: 'number', min: '1', step: '1', value: String(l.quantity), 'aria-label': `${t().quantity} ${label}`, dataset: { path: `${path}.quantity`, field: 'quantity' }, oninput: bind(l, 'quantity') })),
      h('td', { class: 'num' }, l.list ? money(l.list) + t().perUnit(l.priceUnit, l.unit) : ''),
      h('td', {}, kind, value),
      h('td', {}, h('button', { type: 'button', class: 'link remove-line', 'aria-label': t().removeLine(l.sku), onclick: () => {
        e.lines.splice(i, 1);
        renderOffer();
      } }, t().remove)));
  });
  const addSku = h('input', { type: 'text', value: e.newSku, size: '10', dataset: { path: `content.lines.${e.lines.length}.sku` }, oninput: bind(e, 'newSku') });
  const addQty = h('input', { type: 'number', min: '1', step: '1', value: String(e.newQuantity), oninput: bind(e, 'newQuantity') });
  const extraRows = e.extras.map((x, i) => {
    const path = `content.extras.${i}`;
    return h('fieldset', { class: 'extra', dataset: { extra: String(i) } },
      h('legend', {}, `${t().extraKinds[x.kind]} ${i + 1}`),
      field(t().extraKind, select(Object.entries(t().extraKinds), x.kind, { dataset: { path: `${path}.kind` }, onchange: bind(x, 'kind') })),
      field(t().extraLabel, h('input', { type: 'text', value: x.label, maxlength: '200', dataset: { path: `${path}.label`, field: 'label' }, oninput: bind(x, 'label') })),
      field(t().extraAmount, h('input', { type: 'number', step: '0.01', min: '0', inputmode: 'decimal', value: String(x.amount), dataset: { path: `${path}.amount`, field: 'amount' }, oninput: bind(x, 'amount') })),
      field(t().taxClass, select(Object.entries(t().taxClasses), x.taxClass, { dataset: { path: `${path}.taxClass` }, onchange: bind(x, 'taxClass') })),
      h('button', { type: 'button', class: 'link', 'aria-label': t().removeExtra(x.label), onclick: () => {
        e.extras.splice(i, 1);
        renderOffer();
      } }, t().remove));
  });
  const form = h('form', { class: 'editor', novalidate: true, tabindex: '-1', 'aria-labelledby': 'editor-heading' },
    h('h3', { id: 'editor-heading' }, offer.draft ? t().editHeading(v) : t().editNext(v)),
    h('table', { class: 'lines edit' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t().sku), h('th', { scope: 'col', class: 'num' }, t().quantity), h('th', { scope: 'col', class: 'num' }, t().listPrice), h('th', { scope: 'col' }, t().pricing), h('td', {}))),
      h('tbody', {}, ...lineRows)),
    h('div', { class: 'row add-line' },
      field(t().newSku, addSku), field(t().newQuantity, addQty),
      h('button', { type: 'button', class: 'secondary', onclick: () => {
        if (!e.newSku.trim()) return addSku.focus();
        e.lines.push({ sku: e.newSku.trim().toUpperCase(), name: '', quantity: e.newQuantity === '' ? 1 : e.newQuantity, kind: 'list', value: '', list: null, priceUnit: 1, unit: '' });
        e.newSku = e.newQuantity = '';
        renderOffer();
      } }, t().addLine)),
    h('div', { class: 'row' },
      field(t().wholeDiscount, h('input', { type: 'number', step: '0.01', min: '0', max: '100', inputmode: 'decimal', name: 'discount', value: String(e.discount), dataset: { path: 'content.discountBp' }, oninput: bind(e, 'discount') })),
      field(t().validUntil, h('input', { type: 'date', name: 'validUntil', required: true, value: e.validUntil, dataset: { path: 'content.validUntil' }, oninput: bind(e, 'validUntil') })),
      field(t().priceValidUntil, h('input', { type: 'date', name: 'priceValidUntil', value: e.priceValidUntil, dataset: { path: 'content.priceValidUntil' }, oninput: bind(e, 'priceValidUntil') }))),
    h('fieldset', { class: 'extras' }, h('legend', {}, t().extras), ...extraRows,
      h('button', { type: 'button', class: 'secondary add-extra', onclick: () => {
        e.extras.push({ kind: 'freight', label: t().extraKinds.freight, amount: '', taxClass: 'standard' });
        renderOffer();
        detail.querySelector(`[data-extra="${e.extras.length - 1}"] [data-field=amount]`)?.focus();
      } }, t().addExtra)),
    h('div', { class: 'row' },
      field(t().paymentTerms, h('input', { type: 'text', name: 'paymentTerms', maxlength: '500', value: e.paymentTerms, dataset: { path: 'content.paymentTerms' }, oninput: bind(e, 'paymentTerms') })),
      field(t().deliveryTerms, h('input', { type: 'text', name: 'deliveryTerms', maxlength: '500', value: e.deliveryTerms, dataset: { path: 'content.deliveryTerms' }, oninput: bind(e, 'deliveryTerms') }))),
    field(t().comment, h('textarea', { name: 'comment', rows: '3', maxlength: '4000', dataset: { path: 'content.comment' }, oninput: bind(e, 'comment') }, e.comment)),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary save' }, t().save)),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    act(form.querySelector('button.save'), form, async () => {
      const saved = await rep.updateDraft(offer.id, { version: offer.version, content: contentOf(e) });
      await showOffer(saved, t().saved(saved.draft.number));
      detail.querySelector('#draft-heading')?.focus();
    });
  });
  return form;
}

function withdrawForm() {
  const reason = h('input', { type: 'text', name: 'reason', maxlength: '1000', dataset: { path: 'reason' } });
  const form = h('form', { class: 'withdraw', 'aria-labelledby': 'withdraw-heading' },
    h('h3', { id: 'withdraw-heading' }, t().withdrawHeading), field(t().reason, reason), h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, t().withdraw)));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    act(form.querySelector('button'), form, async () => {
      const withdrawn = await rep.withdraw(offer.id, offer.version, reason.value.trim() || undefined);
      await showOffer(withdrawn, t().withdrawn(withdrawn.number));
    });
  });
  return form;
}

/**
 * The printable document (the server's HTML, every value escaped there) in a new tab: fetched
 * with the rep's token, shown from a blob URL. The tab opens on the click, before the fetch, so
 * no popup blocker stops it.
 */
async function openDocument(button, version) {
  const tab = window.open('', '_blank');
  await act(button, detail, async () => {
    try {
      const html = await rep.document(offer.id, { lang, version });
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      if (tab) tab.location.href = url;
      else location.assign(url);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      say(t().documentOf(version));
    } catch (error) {
      tab?.close();
      throw error;
    }
  });
}

// ── start ────────────────────────────────────────────────────────────────────────────────────
useLang(lang);
if (session) {
  try {
    session.user = await rep.me();
    useLang(chosenLang ?? lang);
    await loadLists();
  } catch (error) {
    if (session) showError(detail, error);
  }
}
