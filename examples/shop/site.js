// The wholesaler's own page code: sign-in box and where the Kontor API lives.
// Kontor itself needs only the script tag and <kontor-shop>.
const params = new URLSearchParams(location.search);
// The demo server (scripts/demo.mjs) says on which ports the API and the partner portal listen;
// `?api=` and `?portal=` win. Served some other way, the page assumes the default ports.
const demo = await fetch('/demo/config.json')
  .then((r) => (r.ok ? r.json() : {}))
  .catch(() => ({}));
const at = (port) => `${location.protocol}//${location.hostname}:${port}`;
const api = params.get('api') ?? at(demo.apiPort ?? 8787);
// Where a buyer's partner continues a handed-off cart (the demo's partner portal).
const portal = params.get('portal') ?? at(demo.portalPort ?? 8081);
// How often delivery promises are asked again: short in the demo, so an ERP stock update shows within seconds.
const refresh = params.get('refresh') ?? '10';

// The site's own texts in English, keyed by their German (index.html and mount() below). Kontor's
// elements translate themselves: they follow the `lang` of <kontor-shop>.
const english = {
  'Hansen Elektrogroßhandel – Online-Katalog': 'Hansen Elektrogroßhandel – Online catalogue',
  'Zum Inhalt springen': 'Skip to content',
  'Seit 1952 · Hamburg · Kiel · Lübeck': 'Since 1952 · Hamburg · Kiel · Lübeck',
  Hauptnavigation: 'Main navigation',
  Unternehmen: 'Company',
  'Online-Katalog': 'Online catalogue',
  Kontakt: 'Contact',
  Abmelden: 'Sign out',
  'Ihr Ansprechpartner': 'Your contact',
  'Innendienst Elektro': 'Electrical sales desk',
  'Mo–Fr 7:00–17:00': 'Mon–Fri 7:00–17:00',
  Hinweise: 'Good to know',
  'Alle Preise netto zzgl. MwSt.': 'All prices net, plus VAT.',
  'Staffelpreise gelten pro Position.': 'Volume prices apply per line.',
  'Kabel werden in Schritten der Verpackungseinheit geliefert.': 'Cables are delivered in steps of their pack size.',
  'Lieferzeiten live aus den Lagern Hamburg und München; sie folgen Ihrer Menge.': 'Delivery times live from our Hamburg and Munich warehouses; they follow your quantity.',
  'Demo-Zugänge (Passwort': 'Demo logins (password',
  '(Sonderpreise)': '(special prices)',
  'Bestand aus der Warenwirtschaft:': 'Stock from the ERP:',
  'mit dem ERP-Schlüssel aus der Konsole – die Lieferzeiten folgen binnen 10 Sekunden.': 'with the ERP key from the console – delivery times follow within 10 seconds.',
  'Ihre persönlichen Preise, Staffeln, Mindestmengen und Liefertermine – live aus unserem Warenwirtschaftssystem.':
    'Your own prices, volume prices, minimum quantities and delivery dates – live from our ERP system.',
  'Impressum · Datenschutz · AGB': 'Legal notice · Privacy · Terms',
  Katalog: 'Catalogue',
  Schnellerfassung: 'Quick order',
  Warenkorb: 'Cart',
  'Zur Kasse': 'Checkout',
  'Meine Bestellungen': 'My orders',
  Daueraufträge: 'Standing orders',
  Nachbestellen: 'Reorder',
  Angebote: 'Offers',
  Sprache: 'Language',
  'E-Mail': 'Email',
  Passwort: 'Password',
  Anmelden: 'Sign in',
  'Bitte melden Sie sich an, um Ihre Preise zu sehen.': 'Please sign in to see your prices.',
};
const pageTitle = document.title;

/** Puts the page's own texts ([data-t] text, [data-t-label] aria-label) in `lang`; German is the page's own. */
function translate(lang) {
  const say = (german) => (lang === 'en' ? (english[german] ?? german) : german);
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = say((el.dataset.t ||= el.textContent));
  for (const el of document.querySelectorAll('[data-t-label]')) el.setAttribute('aria-label', say((el.dataset.tLabel ||= el.getAttribute('aria-label'))));
  document.querySelector('kontor-cart-count')?.setAttribute('label', say('Warenkorb'));
  document.title = say(pageTitle);
  document.documentElement.lang = lang;
}

// The language switch in the header: the buyer's choice (for this tab, or `?lang=`) wins over the
// signed-in buyer's own language; without either the page is German.
const langKey = 'hansen.lang';
const isLang = (value) => value === 'de' || value === 'en';
let chosenLang = [params.get('lang'), sessionStorage.getItem(langKey)].find(isLang) ?? null;
const langButtons = [...document.querySelectorAll('.lang-switch [data-lang]')];

/** The page and every Kontor element in `lang`: <kontor-shop>'s lang and the page's. */
function useLang(lang) {
  shop.lang = lang;
  translate(lang);
  for (const button of langButtons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
}

await customElements.whenDefined('kontor-shop');
const shop = document.getElementById('shop');
const form = document.getElementById('login');
const signedIn = document.getElementById('signed-in');
const who = document.getElementById('who');
const note = document.getElementById('signed-out-note');
const errorBox = document.getElementById('login-error');

shop.endpoint = api;

// The Kontor elements exist only while someone is signed in, so they never ask the API without a token.
const catalogue = document.getElementById('catalogue');
const cartLink = document.getElementById('cart-link');
let mounted = false;

function section(id, title, ...elements) {
  const wrapper = document.createElement('section');
  wrapper.id = id;
  wrapper.className = 'panel';
  const heading = document.createElement('h2');
  heading.dataset.t = title;
  heading.textContent = title;
  wrapper.append(heading, ...elements);
  return wrapper;
}

function mount() {
  const list = document.createElement('kontor-product-list');
  list.setAttribute('page-size', '24');
  list.setAttribute('availability-refresh-seconds', refresh);
  const quick = document.createElement('kontor-quick-order');
  const cart = document.createElement('kontor-cart');
  cart.setAttribute('heading-level', '3');
  cart.setAttribute('handoff-url', `${portal}/?handoff={code}`);
  cart.setAttribute('availability-refresh-seconds', refresh);
  cart.setAttribute('standing-orders', '');
  // Checkout and order history: the same cart store, so the checkout sees what the cart shows.
  const checkout = document.createElement('kontor-checkout');
  checkout.setAttribute('heading-level', '3');
  // A new order shows up at the top of the history by itself (the two share the page's orders store).
  const orders = document.createElement('kontor-order-history');
  orders.setAttribute('page-size', '10');
  orders.setAttribute('standing-orders', '');
  // Standing orders: the list, and one of them (or a new one from the cart or an order) below it.
  const standing = document.createElement('div');
  const standingList = document.createElement('kontor-standing-orders');
  standing.append(standingList);
  const open = (attribute, value) => {
    const detail = document.createElement('kontor-standing-order');
    detail.setAttribute('heading-level', '3');
    detail.setAttribute(attribute, value);
    standing.querySelector('kontor-standing-order')?.remove();
    standing.append(detail);
    detail.scrollIntoView({ block: 'start' });
  };
  standingList.addEventListener('kontor-standing-order-select', (e) => open('standing-order-id', e.detail.standingOrder.id));
  catalogue.addEventListener('kontor-standing-order-request', (e) => ('cartId' in e.detail ? open('from-cart', e.detail.cartId) : open('source-order-id', e.detail.orderId)));
  standing.addEventListener('kontor-standing-order-change', () => standingList.reload());
  // Reorder: recent orders, what the company orders most and what is due; into the cart above
  // (the same cart store), a new saved cart, or straight to an order.
  // Offers: ask for one from the cart (beside it), the company's offers, and the one chosen below
  // them — its versions' differences, accept into an order or a standing order, reject, ask for changes.
  const requestOffer = document.createElement('kontor-request-offer');
  const offers = document.createElement('div');
  const offerList = document.createElement('kontor-offers');
  offerList.setAttribute('page-size', '10');
  offers.append(offerList);
  offerList.addEventListener('kontor-offer-select', (e) => {
    const detail = document.createElement('kontor-offer');
    detail.setAttribute('offer-id', e.detail.offerId);
    offers.querySelector('kontor-offer')?.remove();
    offers.append(detail);
    detail.scrollIntoView({ block: 'start' });
  });
  // An answer changes the offer's status in the list; an accepted one may be a new standing order.
  for (const type of ['kontor-offer-accept', 'kontor-offer-reject', 'kontor-offer-change-request']) offers.addEventListener(type, () => offerList.reload());
  offers.addEventListener('kontor-offer-accept', (e) => e.detail.standingOrderId && standingList.reload());
  const reorder = document.createElement('kontor-reorder');
  reorder.setAttribute('allow-order', '');
  catalogue.addEventListener('kontor-order-placed', () => reorder.reload());
  catalogue.append(
    section('katalog', 'Katalog', list),
    section('schnellerfassung', 'Schnellerfassung', quick),
    section('warenkorb', 'Warenkorb', cart, requestOffer),
    section('kasse', 'Zur Kasse', checkout),
    section('bestellungen', 'Meine Bestellungen', orders),
    section('angebote', 'Angebote', offers),
    section('dauerauftraege', 'Daueraufträge', standing),
    section('nachbestellen', 'Nachbestellen', reorder),
  );
  // The shop assistant: a launcher in the window's corner; the chat (order status, delivery days,
  // reorder, standing orders) loads when it opens. Tracking links only to the carriers' own pages.
  // Inside the catalogue, so an order it places reaches the reorder list as the checkout's does.
  const chat = document.createElement('kontor-chatbot');
  chat.setAttribute('floating', '');
  chat.setAttribute('allowed-hosts', 'www.dhl.de tracking.dpd.de www.ups.com gls-group.com www.myhermes.de');
  catalogue.append(chat);
  const count = document.createElement('kontor-cart-count');
  count.setAttribute('href', '#warenkorb');
  count.setAttribute('label', 'Warenkorb');
  cartLink.append(count);
  mounted = true;
}

function unmount() {
  catalogue.replaceChildren();
  cartLink.replaceChildren();
  mounted = false;
}

function show(session) {
  const signed = Boolean(session);
  form.hidden = signed;
  signedIn.hidden = !signed;
  note.hidden = signed;
  if (signed && !mounted) mount();
  else if (!signed && mounted) unmount();
  if (signed) who.textContent = `${session.user.name} · ${session.company.name}`;
  // The chosen language, else the buyer's own for Kontor's elements and the page's texts; signed out, German.
  useLang(chosenLang ?? session?.user.locale ?? 'de');
}

for (const button of langButtons) {
  button.addEventListener('click', () => {
    chosenLang = button.dataset.lang;
    sessionStorage.setItem(langKey, chosenLang);
    useLang(chosenLang);
  });
}

const saved = sessionStorage.getItem('hansen.session');
if (saved) {
  const session = JSON.parse(saved);
  shop.token = session.token;
  show(session);
} else {
  show(null);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  errorBox.textContent = '';
  const data = new FormData(form);
  try {
    const session = await shop.login(String(data.get('email')), String(data.get('password')));
    sessionStorage.setItem('hansen.session', JSON.stringify(session));
    show(session);
  } catch (error) {
    errorBox.textContent = error.message; // rendered as text, never HTML
  }
});

document.getElementById('logout').addEventListener('click', async () => {
  try {
    await shop.client?.identity.logout();
  } catch {
    // The session may already be gone; signing out locally is what matters.
  }
  sessionStorage.removeItem('hansen.session');
  shop.token = '';
  show(null);
});

// A token that expired: sign in again.
shop.addEventListener('kontor-token-expired', () => {
  sessionStorage.removeItem('hansen.session');
  shop.token = '';
  show(null);
});
