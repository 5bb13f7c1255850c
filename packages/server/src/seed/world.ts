import type { QuantityRules, TaxClass, Unit, Warehouse } from '@kontor/core';
import { createPrng, type Prng } from './prng.js';

/** The demo and test world as plain data; {@link seed} writes it. */
export interface World {
  /** `origins`: the browser origins the partner's portal runs on (its customer tokens work from these only). */
  partners: { id: string; name: string; apiKey: string; origins?: string[] }[];
  companies: {
    id: string;
    name: string;
    customerNumber: string;
    priceListId: string | null;
    partnerId: string | null;
    /** Buying on account up to this many minor units; `null`: no invoice. */
    creditLimit: number | null;
  }[];
  users: { id: string; companyId: string; email: string; name: string; role: 'buyer' | 'approver' | 'admin'; locale: 'de' | 'en'; password: string }[];
  /**
   * The seller's staff (sales reps): they sign in at /v1/seller/auth/login, belong to the seller and
   * to no company; offers saving more than `approvalLimitBp` of list need a second rep's approval.
   */
  sellerUsers?: { id: string; email: string; name: string; locale: 'de' | 'en'; password: string; approvalLimitBp: number }[];
  categories: { slug: string; name: { de: string; en: string } }[];
  products: WorldProduct[];
  priceLists: { id: string; companyId: string | null; currency: string; tiers: { sku: string; minQuantity: number; amount: number }[] }[];
  warehouses: Warehouse[];
  /** Stock per warehouse and SKU; receipts arrive `inDays` calendar days after the day of seeding. */
  stock: WorldStock[];
  /** The seller's ERP keys (stored hashed). */
  erpKeys: { name: string; apiKey: string }[];
  /** Saved delivery addresses of the companies (one default each). */
  addresses: WorldAddress[];
  /** The seller: SEPA creditor id and the bank account prepayments go to. */
  seller: { name: string; creditorId: string; bank: { accountHolder: string; iban: string; bic: string; bank: string } };
}

export interface WorldAddress {
  id: string;
  companyId: string;
  label: string;
  name: string;
  addition: string | null;
  street: string;
  postcode: string;
  city: string;
  country: string;
  isDefault: boolean;
}

export interface WorldStock {
  warehouseId: string;
  sku: string;
  onHand: number;
  reserved: number;
  receipts: { inDays: number; quantity: number }[];
}

export interface WorldProduct {
  id: string;
  sku: string;
  name: { de: string; en: string };
  description: { de: string; en: string };
  category: string;
  brand: string | null;
  ean: string | null;
  unit: Unit;
  packSize: number;
  priceUnit: number;
  taxClass: TaxClass;
  status: 'active' | 'discontinued';
  replacementSku: string | null;
  quantityRules: QuantityRules;
  visibility: 'public' | 'restricted';
  /** Companies that see a restricted product. */
  visibleTo: string[];
  /** Business days to procure it when nothing is in stock or incoming; `null`: cannot be procured. */
  leadTimeDays: number | null;
}

export const DEMO_PASSWORD = 'kontor-demo';
export { BASE_PRICE_LIST } from '../db/schema.js';
import { BASE_PRICE_LIST } from '../db/schema.js';
export const CURRENCY = 'EUR';

/** A catalogue line before it gets a SKU. `price` is cents per `priceUnit`; null = price on request. */
interface Draft {
  de: string;
  en: string;
  descDe: string;
  descEn: string;
  brand: string | null;
  unit: Unit;
  packSize: number;
  priceUnit: number;
  rules: QuantityRules;
  price: number | null;
  taxClass?: TaxClass;
  ean?: boolean;
}

const CATEGORIES = [
  { slug: 'leuchtmittel', prefix: 'LM', de: 'Leuchtmittel', en: 'Lamps & bulbs' },
  { slug: 'kabel-leitungen', prefix: 'KL', de: 'Kabel & Leitungen', en: 'Cables & wires' },
  { slug: 'schalter-steckdosen', prefix: 'SS', de: 'Schalter & Steckdosen', en: 'Switches & sockets' },
  { slug: 'sicherungen-schutzschalter', prefix: 'SI', de: 'Sicherungen & Schutzschalter', en: 'Fuses & circuit breakers' },
  { slug: 'verteiler', prefix: 'VT', de: 'Verteiler', en: 'Distribution boards' },
  { slug: 'installationsmaterial', prefix: 'IM', de: 'Installationsmaterial', en: 'Installation material' },
  { slug: 'werkzeug', prefix: 'WZ', de: 'Werkzeug', en: 'Tools' },
  { slug: 'fachliteratur', prefix: 'FL', de: 'Fachliteratur', en: 'Technical books' },
] as const;

const piece = (packSize = 1): Pick<Draft, 'unit' | 'packSize' | 'priceUnit' | 'rules'> => ({ unit: 'piece', packSize, priceUnit: 1, rules: { min: 1, step: 1, max: null } });
const dec = (s: string) => s.replace('.', ',');

function drafts(r: Prng): Record<string, Draft[]> {
  const out: Record<string, Draft[]> = {};
  const lm: Draft[] = (out.leuchtmittel = []);
  for (const brand of ['Osram', 'Philips']) for (const [w, lm_] of [[5.9, 470], [8.5, 806], [11, 1055], [14, 1521]] as const) for (const k of [2700, 4000]) {
    lm.push({ de: `LED-Lampe A60 E27 ${dec(String(w))} W ${lm_} lm ${k} K matt`, en: `LED bulb A60 E27 ${w} W ${lm_} lm ${k} K frosted`,
      descDe: `Ersatz für ${Math.round(lm_ / 13)}-W-Glühlampe, ${k === 2700 ? 'warmweiß' : 'neutralweiß'}, nicht dimmbar, 15.000 h.`,
      descEn: `Replaces a ${Math.round(lm_ / 13)} W incandescent bulb, ${k === 2700 ? 'warm white' : 'neutral white'}, not dimmable, 15,000 h.`,
      brand, ...piece(10), price: Math.round(180 + w * 32 + r.int(0, 60)) });
  }
  for (const brand of ['Osram', 'Philips', 'Ledvance']) for (const [w, l] of [[2.5, 250], [4.9, 470]] as const) {
    lm.push({ de: `LED-Kerze B35 E14 ${dec(String(w))} W ${l} lm 2700 K klar`, en: `LED candle B35 E14 ${w} W ${l} lm 2700 K clear`,
      descDe: 'Filament-Optik, warmweiß, für Kronleuchter und Wandleuchten.', descEn: 'Filament look, warm white, for chandeliers and wall lights.', brand, ...piece(10), price: 290 + Math.round(w * 40) });
  }
  for (const [w, l] of [[3.6, 350], [4.7, 400], [6.9, 575]] as const) for (const k of [2700, 4000]) {
    lm.push({ de: `LED-Reflektor PAR16 GU10 ${dec(String(w))} W ${l} lm ${k} K 36°`, en: `LED reflector PAR16 GU10 ${w} W ${l} lm ${k} K 36°`,
      descDe: 'Abstrahlwinkel 36°, 230 V, für Einbaustrahler.', descEn: '36° beam angle, 230 V, for recessed spotlights.', brand: 'Ledvance', ...piece(10), price: 310 + Math.round(w * 50) });
  }
  for (const len of [60, 120, 150]) for (const lc of ['840', '865']) {
    lm.push({ de: `LED-Röhre T8 G13 ${len} cm ${Math.round(len / 7.5)} W ${lc}`, en: `LED tube T8 G13 ${len} cm ${Math.round(len / 7.5)} W ${lc}`,
      descDe: 'Für KVG/VVG, Starter-Ersatz liegt bei.', descEn: 'For magnetic ballasts, replacement starter included.', brand: 'Philips', ...piece(10), price: 420 + len * 6 });
  }
  for (const brand of ['Ledvance', 'Sylvania']) for (const [size, w] of [['62x62 cm', 36], ['30x120 cm', 40]] as const) {
    lm.push({ de: `LED-Panel ${size} ${w} W 4000 K UGR<19`, en: `LED panel ${size} ${w} W 4000 K UGR<19`,
      descDe: 'Für Rasterdecken, blendfrei für Bildschirmarbeitsplätze.', descEn: 'For grid ceilings, glare-free for office workplaces.', brand, ...piece(4), price: 3900 + w * 40 });
  }

  const kl: Draft[] = (out['kabel-leitungen'] = []);
  const nym: [string, number][] = [['3x1,5', 6900], ['3x2,5', 10400], ['5x1,5', 11200], ['5x2,5', 16900], ['5x4', 27500], ['5x6', 39800], ['5x10', 66000], ['7x1,5', 15800]];
  for (const [x, p] of nym) {
    kl.push({ de: `Mantelleitung NYM-J ${x} mm² grau, Meterware`, en: `Sheathed cable NYM-J ${x.replace(',', '.')} mm² grey, by the metre`,
      descDe: 'Für feste Verlegung in trockenen und feuchten Räumen. Preis je 100 m, Abgabe in 50-m-Schritten.',
      descEn: 'For fixed installation in dry and damp rooms. Price per 100 m, sold in steps of 50 m.',
      brand: 'Lapp', unit: 'meter', packSize: 50, priceUnit: 100, rules: { min: 50, step: 50, max: 5000 }, price: p });
    kl.push({ de: `Mantelleitung NYM-J ${x} mm² grau, Ring 100 m`, en: `Sheathed cable NYM-J ${x.replace(',', '.')} mm² grey, 100 m coil`,
      descDe: 'Ring zu 100 m im Karton.', descEn: '100 m coil in a box.', brand: 'Lapp', unit: 'roll', packSize: 1, priceUnit: 1, rules: { min: 1, step: 1, max: null }, price: Math.round(p * 1.04) });
  }
  for (const [x, p] of [['1,5', 1900], ['2,5', 2900], ['4', 4600], ['6', 6700], ['10', 11200], ['16', 17800]] as const) for (const [c, ce] of [['schwarz', 'black'], ['blau', 'blue'], ['grün-gelb', 'green-yellow']]) {
    kl.push({ de: `Aderleitung H07V-K ${x} mm² ${c}, Ring 100 m`, en: `Single-core wire H07V-K ${x.replace(',', '.')} mm² ${ce}, 100 m coil`,
      descDe: 'Feindrähtig, für Verteilerverdrahtung.', descEn: 'Fine-stranded, for wiring distribution boards.', brand: 'Helukabel', unit: 'roll', packSize: 1, priceUnit: 1, rules: { min: 1, step: 1, max: null }, price: p });
  }
  for (const [x, p] of [['3x1,5', 9800], ['3x2,5', 13500], ['5x2,5', 21500], ['5x6', 49000], ['5x16', 118000]] as const) {
    kl.push({ de: `Erdkabel NYY-J ${x} mm² schwarz, Meterware`, en: `Underground cable NYY-J ${x.replace(',', '.')} mm² black, by the metre`,
      descDe: 'Für Verlegung in Erde und Wasser. Preis je 100 m, Zuschnitt in 10-m-Schritten ab 20 m.',
      descEn: 'For laying in soil and water. Price per 100 m, cut in 10 m steps from 20 m.', brand: 'Lapp', unit: 'meter', packSize: 10, priceUnit: 100, rules: { min: 20, step: 10, max: 1000 }, price: p });
  }
  for (const [x, p] of [['3G1,5', 7900], ['3G2,5', 11900], ['5G1,5', 12800]] as const) {
    kl.push({ de: `Schlauchleitung H05VV-F ${x} mm² weiß, Meterware`, en: `Flexible cord H05VV-F ${x.replace(',', '.')} mm² white, by the metre`,
      descDe: 'Für Geräteanschluss. Preis je 100 m.', descEn: 'For connecting appliances. Price per 100 m.', brand: 'Helukabel', unit: 'meter', packSize: 25, priceUnit: 100, rules: { min: 25, step: 25, max: null }, price: p });
  }
  for (const [t, p] of [['Cat.7 S/FTP 4x2xAWG23/1 Duplex', 23900], ['Cat.6a U/FTP 4x2xAWG23/1', 14900]] as const) {
    kl.push({ de: `Datenkabel ${t}, Meterware`, en: `Data cable ${t}, by the metre`, descDe: 'Halogenfrei (LSOH). Preis je 100 m, ab Trommel in 100-m-Schritten.',
      descEn: 'Halogen-free (LSOH). Price per 100 m, from the drum in 100 m steps.', brand: 'Draka', unit: 'meter', packSize: 100, priceUnit: 100, rules: { min: 100, step: 100, max: 1000 }, price: p });
  }

  const ss: Draft[] = (out['schalter-steckdosen'] = []);
  const series = [['Gira', 'E2', 'reinweiß glänzend', 'pure white glossy'], ['Jung', 'LS 990', 'alpinweiß', 'alpine white'], ['Busch-Jaeger', 'future linear', 'studioweiß', 'studio white'], ['Berker', 'S.1', 'polarweiß', 'polar white']] as const;
  const items = [['SCHUKO-Steckdose mit erhöhtem Berührungsschutz', 'SCHUKO socket with shutter', 690], ['Aus-/Wechselschalter-Einsatz mit Wippe', 'On/off two-way switch with rocker', 840],
    ['Serienschalter mit Doppelwippe', 'Series switch with double rocker', 1290], ['Taster mit Wippe', 'Push-button with rocker', 990], ['Abdeckrahmen 1-fach', 'Cover frame 1-gang', 290],
    ['Abdeckrahmen 2-fach', 'Cover frame 2-gang', 590], ['Abdeckrahmen 3-fach', 'Cover frame 3-gang', 890], ['USB-Ladesteckdose A/C 2,4 A', 'USB charging socket A/C 2.4 A', 3490]] as const;
  for (const [brand, line, cde, cen] of series) for (const [de, en, p] of items) {
    ss.push({ de: `${brand} ${line} ${de} ${cde}`, en: `${brand} ${line} ${en} ${cen}`, descDe: `Schalterprogramm ${line}, Farbe ${cde}.`, descEn: `${line} switch range, colour ${cen}.`,
      brand, ...piece(10), price: Math.round(p * (1 + r.int(-8, 12) / 100)) });
  }

  const si: Draft[] = (out['sicherungen-schutzschalter'] = []);
  for (const brand of ['Hager', 'ABB', 'Siemens']) for (const c of ['B6', 'B10', 'B13', 'B16', 'B20', 'B25', 'B32', 'C16', 'C20']) {
    si.push({ de: `Leitungsschutzschalter ${c} 1-polig 6 kA`, en: `Miniature circuit breaker ${c} 1-pole 6 kA`, descDe: 'Für Hutschiene, 1 TE, Schaltvermögen 6 kA.', descEn: 'DIN rail, 1 module, 6 kA breaking capacity.',
      brand, unit: 'piece', packSize: 12, priceUnit: 1, rules: { min: 1, step: 1, max: 600 }, price: 280 + r.int(0, 90) });
  }
  for (const brand of ['Hager', 'ABB']) for (const c of ['B16', 'B32', 'C32']) {
    si.push({ de: `Leitungsschutzschalter ${c} 3-polig 10 kA`, en: `Miniature circuit breaker ${c} 3-pole 10 kA`, descDe: 'Für Hutschiene, 3 TE.', descEn: 'DIN rail, 3 modules.', brand, ...piece(4), price: 2200 + r.int(0, 600) });
  }
  for (const brand of ['Hager', 'ABB', 'Siemens']) for (const a of [25, 40, 63]) {
    si.push({ de: `FI-Schutzschalter ${a} A 30 mA 4-polig Typ A`, en: `Residual current device (RCD) ${a} A 30 mA 4-pole type A`, descDe: 'Fehlerstromschutzschalter nach DIN VDE 0100-410.', descEn: 'RCD per DIN VDE 0100-410.',
      brand, ...piece(1), price: 2900 + a * 30 + r.int(0, 400) });
  }
  for (const brand of ['Siemens', 'ABB']) {
    si.push({ de: 'FI-Schutzschalter 40 A 30 mA 4-polig Typ B', en: 'Residual current device (RCD) 40 A 30 mA 4-pole type B', descDe: 'Allstromsensitiv, z. B. für Wallboxen.', descEn: 'AC/DC sensitive, e.g. for wall boxes.', brand, ...piece(1), price: 32900 + r.int(0, 4000) });
    si.push({ de: 'FI/LS-Schalter B16 30 mA Typ A 2-polig', en: 'RCBO B16 30 mA type A 2-pole', descDe: 'Fehlerstrom- und Leitungsschutz in einem Gerät.', descEn: 'Residual current and overcurrent protection in one device.', brand, ...piece(1), price: 4490 + r.int(0, 800) });
  }
  for (const brand of ['Dehn', 'OBO']) {
    si.push({ de: 'Kombi-Ableiter Typ 1+2 TN-C-S 4-polig', en: 'Combined arrester type 1+2 TN-C-S 4-pole', descDe: 'Blitz- und Überspannungsschutz für den Hausanschluss.', descEn: 'Lightning and surge protection at the service entrance.', brand, ...piece(1), price: 38900 + r.int(0, 5000) });
  }

  const vt: Draft[] = (out.verteiler = []);
  for (const brand of ['Hager', 'ABB', 'Spelsberg']) for (const rows of [1, 2, 3, 4]) {
    vt.push({ de: `Kleinverteiler Aufputz ${rows}-reihig ${rows * 12} TE IP65`, en: `Surface-mounted consumer unit ${rows} row${rows > 1 ? 's' : ''} ${rows * 12} modules IP65`,
      descDe: 'Mit N/PE-Klemmen und transparenter Tür.', descEn: 'With N/PE terminals and transparent door.', brand, ...piece(1), price: 2900 + rows * 2300 + r.int(0, 900) });
  }
  for (const brand of ['Hager', 'ABB']) for (const rows of [2, 3, 4]) {
    vt.push({ de: `Unterputzverteiler ${rows}-reihig ${rows * 12} TE`, en: `Flush-mounted distribution board ${rows} rows ${rows * 12} modules`,
      descDe: 'Für Massivwand, mit Stahlblechtür.', descEn: 'For solid walls, with sheet steel door.', brand, ...piece(1), price: 6900 + rows * 3100 + r.int(0, 1500) });
  }
  for (const [de, en] of [['Zählerschrank komplett 1 Zählerfeld + 1 Verteilerfeld', 'Meter cabinet complete 1 meter + 1 distribution field'], ['Zählerschrank komplett 2 Zählerfelder + APZ-Feld', 'Meter cabinet complete 2 meters + APZ field']] as const) {
    // Configured per order: price on request.
    vt.push({ de, en, descDe: 'Nach TAB 2023, anschlussfertig verdrahtet. Preis auf Anfrage.', descEn: 'Per TAB 2023, pre-wired. Price on request.', brand: 'Hager', ...piece(1), price: null });
  }

  const im: Draft[] = (out.installationsmaterial = []);
  for (const brand of ['Spelsberg', 'OBO', 'Hensel']) for (const size of ['80x80', '100x100']) {
    im.push({ de: `Abzweigdose Aufputz ${size} mm IP55 grau`, en: `Surface junction box ${size} mm IP55 grey`, descDe: 'Mit Steckdichtungen, halogenfrei.', descEn: 'With push-in seals, halogen-free.', brand, ...piece(10), price: 190 + r.int(0, 150) });
  }
  for (const [de, en] of [['Gerätedose UP Ø68 mm 42 mm tief', 'Flush device box Ø68 mm 42 mm deep'], ['Gerätedose UP Ø68 mm 61 mm tief', 'Flush device box Ø68 mm 61 mm deep'], ['Hohlwanddose Ø68 mm 47 mm tief', 'Cavity wall box Ø68 mm 47 mm deep']]) {
    im.push({ de: `${de}, Pack 25 Stück`, en: `${en}, pack of 25`, descDe: 'Schraubbar, mit Verbindungsstutzen.', descEn: 'Screwable, with connecting sockets.', brand: 'Kaiser', unit: 'pack', packSize: 25, priceUnit: 1, rules: { min: 1, step: 1, max: null }, price: 790 + r.int(0, 600) });
  }
  for (const size of ['100x2,5', '200x3,6', '200x4,8', '300x4,8', '370x7,6']) for (const [c, ce] of [['schwarz', 'black'], ['natur', 'natural']]) {
    im.push({ de: `Kabelbinder ${size} mm ${c}, Pack 100 Stück`, en: `Cable ties ${size.replace(',', '.')} mm ${ce}, pack of 100`, descDe: c === 'schwarz' ? 'UV-beständig, Polyamid 6.6.' : 'Polyamid 6.6, für Innenräume.',
      descEn: c === 'schwarz' ? 'UV resistant, polyamide 6.6.' : 'Polyamide 6.6, for indoor use.', brand: 'HellermannTyton', unit: 'pack', packSize: 100, priceUnit: 1, rules: { min: 1, step: 1, max: null }, price: 190 + r.int(0, 700) });
  }
  for (const [t, de, en, p] of [['221-412', '2-Leiter', '2-conductor', 1450], ['221-413', '3-Leiter', '3-conductor', 1690], ['221-415', '5-Leiter', '5-conductor', 2490], ['2273-202', '2-Leiter', '2-conductor', 1390], ['2273-203', '3-Leiter', '3-conductor', 1590], ['2273-204', '4-Leiter', '4-conductor', 1890], ['2273-205', '5-Leiter', '5-conductor', 2190]] as const) {
    const n = t.startsWith('221') ? 50 : 100;
    im.push({ de: `WAGO ${t} Verbindungsklemme ${de}, Box ${n} Stück`, en: `WAGO ${t} splicing connector ${en}, box of ${n}`, descDe: 'Für ein-, mehr- und feindrähtige Leiter.', descEn: 'For solid, stranded and fine-stranded conductors.',
      brand: 'WAGO', unit: 'box', packSize: n, priceUnit: 1, rules: { min: 1, step: 1, max: 200 }, price: p });
  }
  for (const [c, ce] of [['schwarz', 'black'], ['blau', 'blue'], ['grün-gelb', 'green-yellow'], ['braun', 'brown'], ['grau', 'grey']]) {
    im.push({ de: `Isolierband 15 mm x 10 m ${c}`, en: `Insulating tape 15 mm x 10 m ${ce}`, descDe: 'PVC, VDE-geprüft. Abgabe nur im 10er-Pack.', descEn: 'PVC, VDE approved. Sold in packs of 10 only.',
      brand: 'Tesa', unit: 'piece', packSize: 10, priceUnit: 1, rules: { min: 10, step: 10, max: null }, price: 89 + r.int(0, 30) });
  }
  for (const [m, p] of [['M16', 2900], ['M20', 3500], ['M25', 4900], ['M32', 7900]] as const) {
    im.push({ de: `Isolierrohr flexibel ${m} grau, Meterware`, en: `Flexible conduit ${m} grey, by the metre`, descDe: 'Preis je 100 m, Abgabe in Ringen zu 50 m.', descEn: 'Price per 100 m, sold in 50 m coils.',
      brand: 'Fränkische', unit: 'meter', packSize: 50, priceUnit: 100, rules: { min: 50, step: 50, max: null }, price: p });
  }

  const wz: Draft[] = (out.werkzeug = []);
  for (const [de, en, brands, p] of [
    ['Abisolierzange 160 mm VDE', 'Wire stripper 160 mm VDE', ['Knipex', 'Wiha', 'Weidmüller'], 2900],
    ['Seitenschneider 160 mm VDE', 'Diagonal cutter 160 mm VDE', ['Knipex', 'Wiha', 'Gedore'], 3100],
    ['Kombizange 180 mm VDE', 'Combination pliers 180 mm VDE', ['Knipex', 'Wiha', 'Gedore'], 3300],
    ['Crimpzange für Aderendhülsen 0,08–16 mm²', 'Crimping pliers for ferrules 0.08–16 mm²', ['Knipex', 'Weidmüller', 'Wiha'], 6900],
    ['Schraubendreher-Satz VDE 6-teilig', 'Screwdriver set VDE 6 pieces', ['Wera', 'Wiha', 'Gedore'], 3900],
    ['Spannungsprüfer zweipolig', 'Two-pole voltage tester', ['Fluke', 'Benning', 'Gossen'], 5900],
    ['Digital-Multimeter CAT III 600 V', 'Digital multimeter CAT III 600 V', ['Fluke', 'Benning', 'Gossen'], 14900],
    ['Kabelmesser mit Hakenklinge', 'Cable knife with hook blade', ['Knipex', 'Jokari', 'Weidmüller'], 2400],
  ] as const) for (const brand of brands) {
    wz.push({ de, en, descDe: `${brand}-Qualitätswerkzeug für Elektroinstallateure.`, descEn: `${brand} quality tool for electricians.`, brand, ...piece(1), price: Math.round(p * (1 + r.int(-15, 25) / 100)) });
  }

  const fl: Draft[] = (out.fachliteratur = []);
  for (const [de, en, brand, p] of [
    ['Tabellenbuch Elektrotechnik, 30. Auflage', 'Electrical engineering tables (German), 30th edition', 'Europa-Lehrmittel', 3990],
    ['Elektroinstallation nach DIN VDE 0100', 'Electrical installation per DIN VDE 0100 (German)', 'VDE Verlag', 4800],
    ['Prüfungen nach DIN VDE 0100-600 und 0105-100', 'Testing per DIN VDE 0100-600 and 0105-100 (German)', 'VDE Verlag', 3600],
    ['Photovoltaik-Anlagen planen und errichten', 'Planning and installing PV systems (German)', 'Hüthig', 4290],
    ['KNX-Gebäudesystemtechnik in der Praxis', 'KNX building automation in practice (German)', 'Hüthig', 5490],
    ['Der Elektro-Meister: Prüfungsvorbereitung', 'Master electrician exam preparation (German)', 'Europa-Lehrmittel', 2990],
  ] as const) {
    fl.push({ de, en, descDe: 'Fachbuch, Softcover.', descEn: 'Technical book, softcover.', brand, ...piece(1), price: p, taxClass: 'reduced' });
  }
  return out;
}

/**
 * Small parts in many sizes, as a wholesaler carries them by the thousand: the catalogue beyond
 * the hand-written drafts, for worlds larger than those (load tests, 1,000-line carts).
 * Deterministic and without randomness, so the default world is untouched.
 */
function bulkDrafts(): Draft[] {
  const out: Draft[] = [];
  const pack = (packSize: number, price: number) => ({ unit: 'pack' as const, packSize, priceUnit: 1, rules: { min: 1, step: 1, max: null }, price });
  for (const mm2 of [0.25, 0.34, 0.5, 0.75, 1, 1.5, 2.5, 4, 6, 10, 16, 25, 35, 50]) for (const len of [6, 8, 10, 12, 18]) for (const n of [100, 500]) {
    out.push({ de: `Aderendhülse isoliert ${dec(String(mm2))} mm² × ${len} mm, ${n} Stück`, en: `Insulated ferrule ${mm2} mm² × ${len} mm, pack of ${n}`,
      descDe: 'Nach DIN 46228-4, Farbcode DIN.', descEn: 'To DIN 46228-4, DIN colour code.', brand: 'Weidmüller', ...pack(n, Math.round((90 + mm2 * 40 + len * 6) * n / 100)) });
  }
  for (const len of [100, 140, 160, 200, 250, 300, 370, 450, 540, 750]) for (const w of [2.5, 3.6, 4.8, 7.6, 9]) for (const [c, ce] of [['natur', 'natural'], ['schwarz UV-beständig', 'black UV-resistant']]) {
    out.push({ de: `Kabelbinder ${len} × ${dec(String(w))} mm ${c}, 100 Stück`, en: `Cable tie ${len} × ${w} mm ${ce}, pack of 100`,
      descDe: 'Polyamid 6.6, halogenfrei.', descEn: 'Polyamide 6.6, halogen-free.', brand: 'HellermannTyton', ...pack(100, Math.round(150 + len * w * 0.9)) });
  }
  for (const d of [3, 3.5, 4, 4.5, 5, 6]) for (const len of [16, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 100, 120]) for (const [h, he] of [['Senkkopf', 'countersunk'], ['Linsenkopf', 'pan head']]) for (const [f, fe, k] of [['verzinkt', 'zinc-plated', 1], ['Edelstahl A2', 'stainless A2', 3]] as const) for (const drive of ['PZ', 'TX']) {
    if (len < d * 5) continue;
    out.push({ de: `Spanplattenschraube ${dec(String(d))} × ${len} mm ${h} ${drive} ${f}, 200 Stück`, en: `Chipboard screw ${d} × ${len} mm ${he} ${drive} ${fe}, pack of 200`,
      descDe: 'Teilgewinde ab 40 mm.', descEn: 'Partial thread from 40 mm.', brand: 'Spax', ...pack(200, Math.round((d * len * 2.2 + 190) * k)) });
  }
  for (const [t, te] of [['Nylon-Dübel S', 'Nylon plug S'], ['Universaldübel UX', 'Universal plug UX'], ['Rahmendübel', 'Frame plug'], ['Hohlraumdübel', 'Cavity plug']]) for (const size of [5, 6, 8, 10, 12, 14]) for (const n of [50, 100]) {
    out.push({ de: `${t} ${size} mm, ${n} Stück`, en: `${te} ${size} mm, pack of ${n}`, descDe: 'Für Beton, Mauerwerk und Platten.', descEn: 'For concrete, masonry and boards.',
      brand: 'fischer', ...pack(n, Math.round((size * 35 + 120) * n / 50)) });
  }
  for (const d of [1.6, 2.4, 3.2, 4.8, 6.4, 9.5, 12.7, 19, 25.4, 38]) for (const [c, ce] of [['schwarz', 'black'], ['rot', 'red'], ['blau', 'blue'], ['gelb', 'yellow'], ['grün-gelb', 'green-yellow'], ['transparent', 'clear']]) {
    out.push({ de: `Schrumpfschlauch 2:1 ${dec(String(d))} mm ${c}, 1 m`, en: `Heat-shrink tubing 2:1 ${d} mm ${ce}, 1 m`, descDe: 'Polyolefin, flammwidrig.', descEn: 'Polyolefin, flame-retardant.',
      brand: 'Panduit', unit: 'piece', packSize: 10, priceUnit: 1, rules: { min: 10, step: 10, max: null }, price: Math.round(40 + d * 18) });
  }
  for (const m of [4, 5, 6, 8, 10, 12, 16]) for (const [f, fe, k] of [['verzinkt', 'zinc-plated', 1], ['Edelstahl A2', 'stainless A2', 3]] as const) for (const [t, te, base] of [['Sechskantmutter DIN 934', 'Hex nut DIN 934', 4], ['Unterlegscheibe DIN 125', 'Washer DIN 125', 2], ['Gewindestange DIN 976 1 m', 'Threaded rod DIN 976 1 m', 90]] as const) {
    out.push({ de: `${t} M${m} ${f}`, en: `${te} M${m} ${fe}`, descDe: 'Festigkeitsklasse 4.8 bzw. A2-70.', descEn: 'Property class 4.8 or A2-70.', brand: 'Würth',
      ...(base > 10 ? piece(1) : { unit: 'piece' as const, packSize: 100, priceUnit: 100, rules: { min: 100, step: 100, max: null } }), price: Math.round(base * m * k * (base > 10 ? 3 : 25)) });
  }
  return out;
}

/** EAN-13 with a valid check digit, German prefix 40–44. */
function ean13(r: Prng): string {
  let digits = String(r.int(40, 44));
  while (digits.length < 12) digits += String(r.int(0, 9));
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return digits + String((10 - (sum % 10)) % 10);
}

/** Tier thresholds that make sense for a product's ordering step. */
function tierThresholds(rules: QuantityRules, count: number): number[] {
  const base = rules.step >= 10 ? rules.step : 1;
  const ladder = rules.step >= 10 ? [1, 10 * base, 20 * base, 50 * base] : [1, 10, 50, 100];
  return ladder.slice(0, count).filter((q) => rules.max == null || q <= rules.max);
}

/**
 * The demo/test world: three companies, two partners, a German electrical-wholesale catalogue.
 * Deterministic for a given `seed`; `products` caps the catalogue size (all categories keep a share).
 */
export function generateWorld(options: { products?: number; seed?: number } = {}): World {
  const r = createPrng(options.seed ?? 20260101);
  const byCategory = drafts(r);
  // SKUs are numbered per category before selection, so a SKU names the same product at any size.
  const pools = CATEGORIES.map((c) => (byCategory[c.slug] ?? []).map((d, i) => ({ d, sku: `${c.prefix}-${1001 + i}`, category: c.slug })));
  const wanted = options.products ?? 240;
  const chosen: (typeof pools)[number] = [];
  for (let i = 0; chosen.length < wanted && pools.some((p) => i < p.length); i++) {
    for (const pool of pools) if (i < pool.length && chosen.length < wanted) chosen.push(pool[i]!);
  }
  // Beyond the drafts: small parts, numbered after the installation material they belong to.
  if (chosen.length < wanted) {
    const im = pools[CATEGORIES.findIndex((c) => c.slug === 'installationsmaterial')]!;
    bulkDrafts().slice(0, wanted - chosen.length).forEach((d, i) => chosen.push({ d, sku: `IM-${1001 + im.length + i}`, category: 'installationsmaterial' }));
  }
  chosen.sort((a, b) => (a.sku < b.sku ? -1 : 1));

  const products: WorldProduct[] = chosen.map(({ d, sku, category }) => ({
    id: `prd_${sku.replace('-', '')}`,
    sku,
    name: { de: d.de, en: d.en },
    description: { de: d.descDe, en: d.descEn },
    category,
    brand: d.brand,
    ean: ean13(r),
    unit: d.unit,
    packSize: d.packSize,
    priceUnit: d.priceUnit,
    taxClass: d.taxClass ?? 'standard',
    status: 'active',
    replacementSku: null,
    quantityRules: d.rules,
    visibility: 'public',
    visibleTo: [],
    leadTimeDays: null,
  }));
  const prices = new Map(chosen.map(({ d, sku }) => [sku, d.price]));

  // Discontinued: per category, one older product replaced by its successor (the next SKU).
  const replaced = new Set<string>();
  for (const c of CATEGORIES) {
    const inCat = products.filter((p) => p.category === c.slug && prices.get(p.sku) != null);
    if (inCat.length < 4) continue;
    const i = r.int(0, inCat.length - 2);
    const old = inCat[i]!;
    const successor = inCat[i + 1]!;
    if (replaced.has(successor.sku)) continue;
    old.status = 'discontinued';
    old.replacementSku = successor.sku;
    replaced.add(old.sku);
  }
  // Restricted: special breakers and boards only Schmidt Haustechnik may buy.
  const restrictable = products.filter((p) => (p.category === 'sicherungen-schutzschalter' || p.category === 'verteiler') && p.status === 'active' && prices.get(p.sku) != null && ![...products].some((o) => o.replacementSku === p.sku));
  for (let k = 0; k < 4 && restrictable.length; k++) {
    const p = restrictable.splice(r.int(0, restrictable.length - 1), 1)[0]!;
    p.visibility = 'restricted';
    p.visibleTo = ['cmp_schmidt'];
  }

  const base: World['priceLists'][number] = { id: BASE_PRICE_LIST, companyId: null, currency: CURRENCY, tiers: [] };
  const mueller: World['priceLists'][number] = { id: 'pl_mueller', companyId: 'cmp_mueller', currency: CURRENCY, tiers: [] };
  for (const p of products) {
    const price = prices.get(p.sku);
    if (price == null) continue;
    const thresholds = tierThresholds(p.quantityRules, r.int(1, 4));
    let amount = price;
    const tiers = thresholds.map((minQuantity, i) => {
      if (i > 0) amount = Math.round(amount * (1 - r.int(3, 8) / 100));
      return { sku: p.sku, minQuantity, amount };
    });
    base.tiers.push(...tiers);
    // Müller negotiated about 8 % off on most of the range.
    if (r.chance(0.6)) mueller.tiers.push(...tiers.map((t) => ({ ...t, amount: Math.round(t.amount * 0.92) })));
  }

  const stock = stockFor(products);

  return {
    partners: [
      // The demo's partner portal (examples/partner-portal) on its default port.
      { id: 'ptn_nord', name: 'ElektroPartner Nord GmbH', apiKey: 'kpk_demo_nord_2026', origins: ['http://127.0.0.1:8081', 'http://localhost:8081'] },
      { id: 'ptn_sued', name: 'ElektroPartner Süd GmbH', apiKey: 'kpk_demo_sued_2026' },
    ],
    companies: [
      // Credit limits: Schmidt's is small, so the demo reaches it; Sonnenstrom buys without one (no invoice).
      { id: 'cmp_mueller', name: 'Elektro Müller GmbH', customerNumber: 'K-10001', priceListId: 'pl_mueller', partnerId: null, creditLimit: 5_000_000 },
      { id: 'cmp_schmidt', name: 'Schmidt Haustechnik KG', customerNumber: 'K-10002', priceListId: null, partnerId: null, creditLimit: 200_000 },
      { id: 'cmp_baulicht', name: 'Bau & Licht AG', customerNumber: 'K-10003', priceListId: null, partnerId: 'ptn_nord', creditLimit: 2_000_000 },
      { id: 'cmp_sonne', name: 'Sonnenstrom Solartechnik GmbH', customerNumber: 'K-10004', priceListId: null, partnerId: 'ptn_sued', creditLimit: null },
    ],
    users: [
      { id: 'usr_mueller1', companyId: 'cmp_mueller', email: 'einkauf@elektro-mueller.de', name: 'Einkauf Elektro Müller', role: 'buyer', locale: 'de', password: DEMO_PASSWORD },
      { id: 'usr_mueller2', companyId: 'cmp_mueller', email: 'anna.mueller@elektro-mueller.de', name: 'Anna Müller', role: 'admin', locale: 'de', password: DEMO_PASSWORD },
      { id: 'usr_mueller3', companyId: 'cmp_mueller', email: 'pruefung@elektro-mueller.de', name: 'Rechnungsprüfung Elektro Müller', role: 'approver', locale: 'en', password: DEMO_PASSWORD },
      { id: 'usr_schmidt1', companyId: 'cmp_schmidt', email: 'einkauf@schmidt-haustechnik.de', name: 'Einkauf Schmidt Haustechnik', role: 'buyer', locale: 'de', password: DEMO_PASSWORD },
      { id: 'usr_baulicht1', companyId: 'cmp_baulicht', email: 'kauf@baulicht.de', name: 'Purchasing Bau & Licht', role: 'buyer', locale: 'en', password: DEMO_PASSWORD },
    ],
    categories: CATEGORIES.map((c) => ({ slug: c.slug, name: { de: c.de, en: c.en } })),
    products,
    priceLists: [base, mueller],
    warehouses: WAREHOUSES.map((w) => ({ ...w, transitDays: { ...w.transitDays } })),
    stock,
    erpKeys: [{ name: 'Demo ERP', apiKey: DEMO_ERP_KEY }],
    sellerUsers: SELLER_USERS.map((u) => ({ ...u })),
    addresses: ADDRESSES.map((a) => ({ ...a })),
    seller: { ...SELLER, bank: { ...SELLER.bank } },
  };
}

/** Delivery addresses of the demo companies: Müller has two (the head office is the default). */
const ADDRESSES: readonly WorldAddress[] = [
  { id: 'adr_muellerHq', companyId: 'cmp_mueller', label: 'Zentrale Hamburg', name: 'Elektro Müller GmbH', addition: 'Wareneingang Tor 2', street: 'Hafenstraße 12', postcode: '20457', city: 'Hamburg', country: 'DE', isDefault: true },
  { id: 'adr_muellerSite', companyId: 'cmp_mueller', label: 'Baustelle München', name: 'Elektro Müller GmbH', addition: 'Baustelle Arabellapark, Hr. Brandl', street: 'Rosenkavalierplatz 5', postcode: '81925', city: 'München', country: 'DE', isDefault: false },
  { id: 'adr_schmidtHq', companyId: 'cmp_schmidt', label: 'Betrieb', name: 'Schmidt Haustechnik KG', addition: null, street: 'Industriestraße 8', postcode: '70565', city: 'Stuttgart', country: 'DE', isDefault: true },
  { id: 'adr_baulichtHq', companyId: 'cmp_baulicht', label: 'Lager Bremen', name: 'Bau & Licht AG', addition: 'Lager', street: 'Am Speicher 3', postcode: '28217', city: 'Bremen', country: 'DE', isDefault: true },
  { id: 'adr_sonneHq', companyId: 'cmp_sonne', label: 'Firmensitz', name: 'Sonnenstrom Solartechnik GmbH', addition: null, street: 'Solarweg 1', postcode: '93053', city: 'Regensburg', country: 'DE', isDefault: true },
];

/** The seller of the demo: a valid demo IBAN and the Bundesbank's SEPA test creditor id. */
const SELLER: World['seller'] = {
  name: 'Hansen Elektrogroßhandel GmbH',
  creditorId: 'DE98ZZZ09999999999',
  bank: { accountHolder: 'Hansen Elektrogroßhandel GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', bank: 'Commerzbank' },
};

/** The seller's sales reps (password `kontor-demo`): Jana may give 10 % off list on her own, Max 5 %. */
const SELLER_USERS: NonNullable<World['sellerUsers']> = [
  { id: 'rep_petersen', email: 'jana.petersen@hansen.example', name: 'Jana Petersen', locale: 'de', password: DEMO_PASSWORD, approvalLimitBp: 1000 },
  { id: 'rep_huber', email: 'max.huber@hansen.example', name: 'Max Huber', locale: 'en', password: DEMO_PASSWORD, approvalLimitBp: 500 },
];

/** The demo ERP key (`PUT /v1/erp/stock`). */
export const DEMO_ERP_KEY = 'kek_demo_erp_2026';

/** The seller's two warehouses: Hamburg serves the north and the Netherlands, Munich the south, Austria and Switzerland. */
const WAREHOUSES: readonly Warehouse[] = [
  { id: 'wh_hamburg', name: 'Lager Hamburg', country: 'DE', region: 'DE-HH', timeZone: 'Europe/Berlin', cutoff: '14:00', transitDays: { DE: 1, AT: 2, NL: 2 } },
  { id: 'wh_muenchen', name: 'Lager München', country: 'DE', region: 'DE-BY', timeZone: 'Europe/Berlin', cutoff: '15:00', transitDays: { DE: 1, AT: 1, CH: 2 } },
];

/** FNV-1a of a string: a per-SKU seed, so a SKU's stock does not depend on the catalogue's size or order. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Stock, receipts and lead times, derived from each SKU alone (its own PRNG seeded by its hash;
 * the world's PRNG is not touched, so products and prices stay as they were). Quantities count
 * in the product's ordering unit (a 50 m cable step holds 50s). About 60 % of active products are
 * in stock (mostly in both warehouses), 15 % partly (a few units, more arriving in 1–3 weeks),
 * 15 % on order (nothing on hand, receipts in 1–5 weeks), 10 % only procurable (lead time); the
 * discontinued ones have a little stock left. Active products take 3–15 business days to procure.
 */
function stockFor(products: WorldProduct[]): WorldStock[] {
  const out: WorldStock[] = [];
  const [hamburg, muenchen] = ['wh_hamburg', 'wh_muenchen'];
  for (const p of products) {
    const r = createPrng(fnv1a(p.sku));
    const unit = Math.max(p.quantityRules.min, p.quantityRules.step);
    const bucket = r.int(0, 99);
    const put = (warehouseId: string, onHand: number, reserved = 0, receipts: WorldStock['receipts'] = []) => {
      if (onHand > 0 || reserved > 0 || receipts.length) out.push({ warehouseId, sku: p.sku, onHand, reserved, receipts });
    };
    if (p.status === 'discontinued') {
      // Selling off: a few units in one warehouse, nothing incoming.
      put(r.chance(0.5) ? hamburg! : muenchen!, unit * r.int(2, 8));
      continue;
    }
    p.leadTimeDays = r.int(3, 15);
    if (bucket < 60) {
      put(hamburg!, unit * r.int(20, 200), r.chance(0.3) ? unit * r.int(1, 10) : 0);
      put(muenchen!, r.chance(0.8) ? unit * r.int(10, 150) : 0, 0, r.chance(0.2) ? [{ inDays: r.int(5, 20), quantity: unit * r.int(50, 200) }] : []);
    } else if (bucket < 75) {
      const from = r.chance(0.5) ? hamburg! : muenchen!;
      put(from, unit * r.int(1, 4), 0, [{ inDays: r.int(7, 21), quantity: unit * r.int(20, 100) }]);
    } else if (bucket < 90) {
      const receipts = [{ inDays: r.int(5, 14), quantity: unit * r.int(10, 60) }];
      if (r.chance(0.5)) receipts.push({ inDays: r.int(15, 35), quantity: unit * r.int(20, 100) });
      put(r.chance(0.5) ? hamburg! : muenchen!, 0, 0, receipts);
    }
    // else: nothing in stock or incoming, procured on demand (lead time).
  }
  return out;
}
