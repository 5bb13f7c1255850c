import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { QuantitySchema } from '../internal/schema-helpers.js';
import type { CartLine } from './cart.schema.js';
import { cartToCsv } from './export.logic.js';
import {
  MAX_IMPORT_QUANTITY,
  mergeDuplicates,
  parseOrderCsv,
  parseOrderText,
  parseQuantityText,
  type OrderRow,
  type RejectedOrderRow,
} from './import.logic.js';

const quantity = (text: string, lang: 'de' | 'en' = 'en') => {
  const r = parseQuantityText(text, lang);
  return r.ok ? r.quantity : r.issue.code;
};
const codes = (row: OrderRow | undefined) => (row && !row.ok ? row.issues.map((i) => i.code) : []);
const rejected = (row: OrderRow | undefined): RejectedOrderRow => {
  assert.ok(row && !row.ok, `expected a rejected row, got ${JSON.stringify(row)}`);
  return row;
};
const sku = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/);

describe('parseQuantityText()', () => {
  it('reads whole numbers and thousands grouped the way the language groups them', () => {
    assert.equal(quantity('12'), 12);
    assert.equal(quantity(' 007 '), 7);
    assert.equal(quantity('1.000', 'de'), 1000);
    assert.equal(quantity('1,000', 'en'), 1000);
    assert.equal(quantity('1.000.000', 'en'), 1_000_000);
    assert.equal(quantity('1,000,000', 'de'), 1_000_000);
    assert.equal(quantity("1'000"), 1000);
  });

  it('reads a zero fraction as the whole number, whichever separator is the decimal one', () => {
    assert.equal(quantity('12,00', 'de'), 12);
    assert.equal(quantity('12.00', 'de'), 12);
    assert.equal(quantity('1.000,00', 'en'), 1000);
    assert.equal(quantity('1,000.00', 'de'), 1000);
  });

  it('calls one separator before three digits ambiguous when the language would not group with it, and suggests the whole readings', () => {
    const de = parseQuantityText('1,000', 'de');
    assert.ok(!de.ok);
    assert.equal(de.issue.code, 'ambiguous_quantity');
    assert.deepEqual(de.issue.suggestions, [1, 1000]);
    assert.match(de.issue.message, /1 oder 1000/);
    const en = parseQuantityText('1.500', 'en');
    assert.ok(!en.ok);
    assert.deepEqual(en.issue.params?.readings, [1.5, 1500]);
    assert.deepEqual(en.issue.suggestions, [1500]);
    // A leading zero cannot start a thousands group: "0,500" is a fraction.
    assert.equal(quantity('0,500', 'de'), 'not_integer');
  });

  it('refuses fractions and suggests the whole numbers on either side', () => {
    const r = parseQuantityText('1,5', 'de');
    assert.ok(!r.ok);
    assert.equal(r.issue.code, 'not_integer');
    assert.deepEqual(r.issue.path, ['quantity']);
    assert.deepEqual(r.issue.suggestions, [1, 2]);
    assert.equal(r.issue.message, 'Bitte eine ganze Zahl angeben.');
    const half = parseQuantityText('0.5');
    assert.ok(!half.ok);
    assert.deepEqual(half.issue.suggestions, [1]);
    assert.equal(quantity('1.000,5', 'de'), 'not_integer');
  });

  it('tolerates unit words that mean pieces and refuses other units', () => {
    for (const t of ['12 Stk', '12 Stk.', '12 St.', '12Stück', '12 pcs', '12 PCS', '12x']) assert.equal(quantity(t), 12, t);
    const r = parseQuantityText('2 Rollen', 'de');
    assert.ok(!r.ok);
    assert.equal(r.issue.code, 'quantity_unit');
    assert.equal(r.issue.params?.unit, 'Rollen');
    assert.equal(r.issue.suggestions, undefined);
  });

  it('refuses zero and negative quantities without guessing a replacement', () => {
    for (const t of ['0', '-5', '−5', '0,00']) {
      const r = parseQuantityText(t, 'de');
      assert.ok(!r.ok, t);
      assert.equal(r.issue.code, 'not_positive', t);
      assert.equal(r.issue.suggestions, undefined, t);
    }
  });

  it('refuses more than the largest quantity the API takes', () => {
    assert.ok(QuantitySchema.safeParse(MAX_IMPORT_QUANTITY).success);
    assert.ok(!QuantitySchema.safeParse(MAX_IMPORT_QUANTITY + 1).success);
    assert.equal(quantity(String(MAX_IMPORT_QUANTITY)), MAX_IMPORT_QUANTITY);
    assert.equal(quantity('10.000.001', 'de'), 'too_big');
    assert.equal(quantity('99999999999999999999999'), 'too_big');
  });

  it('says a quantity is missing or is no number', () => {
    assert.equal(quantity('  '), 'missing_quantity');
    for (const t of ['abc', '1.2.3', '12-14', '.5', '1,,0', '12,', '10.00.000']) assert.equal(quantity(t), 'invalid_quantity', t);
  });

  it('reads back every whole quantity however a spreadsheet formats it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_IMPORT_QUANTITY }), (n) => {
        assert.equal(quantity(String(n), 'de'), n);
        assert.equal(quantity(String(n), 'en'), n);
        assert.equal(quantity(n.toLocaleString('de-DE'), 'de'), n);
        assert.equal(quantity(n.toLocaleString('en-US'), 'en'), n);
        assert.equal(quantity(n.toLocaleString('de-DE', { minimumFractionDigits: 2 }), 'de'), n);
        assert.equal(quantity(n.toLocaleString('en-US', { minimumFractionDigits: 2 }), 'de'), n);
        assert.equal(quantity(`${n} Stk`, 'de'), n);
      }),
    );
  });
});

describe('parseOrderText()', () => {
  it('reads SKU and quantity separated by semicolon, tab, comma or spaces', () => {
    const r = parseOrderText('A-1;5\nB.2\t6\nC/3,7\nD_4   8\nE-5 ; 9 \n');
    assert.deepEqual(r.lines, [
      { sku: 'A-1', quantity: 5 },
      { sku: 'B.2', quantity: 6 },
      { sku: 'C/3', quantity: 7 },
      { sku: 'D_4', quantity: 8 },
      { sku: 'E-5', quantity: 9 },
    ]);
    assert.deepEqual(r.issues, []);
    assert.equal(r.header, null);
  });

  it('numbers rows by their line in the input across CRLF, CR and LF and skips blank lines', () => {
    const r = parseOrderText('\uFEFFA;1\r\n\r\n  \nB;2\rC;3\n\n');
    assert.deepEqual(
      r.rows.map((row) => [row.line, row.raw]),
      [[1, 'A;1'], [4, 'B;2'], [5, 'C;3']],
    );
  });

  it('drops a leading BOM so the first SKU stays valid', () => {
    assert.deepEqual(parseOrderText('\uFEFFA-1;2').lines, [{ sku: 'A-1', quantity: 2 }]);
  });

  it('skips a header row and reports where it was', () => {
    for (const head of ['Artikelnummer;Menge', 'sku,quantity', 'SKU\tQty', 'Art.-Nr. Anzahl', 'Artikel-Nr.;Stück']) {
      const r = parseOrderText(`\n${head}\nA-1;2`);
      assert.deepEqual(r.header, { line: 2, raw: head }, head);
      assert.deepEqual(r.lines, [{ sku: 'A-1', quantity: 2 }], head);
    }
  });

  it('takes a first row whose SKU is a header word for an order row when its quantity is a number', () => {
    const r = parseOrderText('Artikel 5\nsku;-1');
    assert.equal(r.header, null);
    assert.deepEqual(r.lines, [{ sku: 'Artikel', quantity: 5 }]);
    assert.deepEqual(codes(r.rows[1]), ['not_positive']);
  });

  it('keeps the raw text of a row it cannot read, exactly as typed', () => {
    const raw = '  Kabel NYM 3x1,5 \t ';
    const r = parseOrderText(`A;1\n${raw}\nB;2`);
    const row = rejected(r.rows[1]);
    assert.equal(row.line, 2);
    assert.equal(row.raw, raw);
  });

  it('says what is wrong with each cell, in the requested language', () => {
    const r = parseOrderText('ÄÖÜ;1,5\n;3\nA-1\nA-2;\nA-3;viele', { lang: 'de' });
    const first = rejected(r.rows[0]);
    assert.deepEqual(first.issues.map((i) => [i.code, i.path]), [['invalid_sku', ['sku']], ['not_integer', ['quantity']]]);
    assert.equal(first.issues[0]!.message, '„ÄÖÜ“ ist keine Artikelnummer (Buchstaben, Ziffern und . - _ /, höchstens 64 Zeichen).');
    assert.equal(first.sku, undefined);
    assert.deepEqual(codes(r.rows[1]), ['missing_sku']);
    assert.deepEqual(codes(r.rows[2]), ['missing_quantity']);
    assert.equal(rejected(r.rows[2]).sku, 'A-1');
    assert.deepEqual(codes(r.rows[3]), ['missing_quantity']);
    assert.deepEqual(codes(r.rows[4]), ['invalid_quantity']);
    assert.match(rejected(r.rows[4]).issues[0]!.message, /„viele“ ist keine Menge/);
    assert.deepEqual(r.lines, []);
  });

  it('reads the rest of a comma row as the quantity when it is a number with a decimal comma', () => {
    assert.deepEqual(codes(parseOrderText('A,1,5', { lang: 'de' }).rows[0]), ['not_integer']);
    assert.deepEqual(parseOrderText('A,1.000,00', { lang: 'de' }).lines, [{ sku: 'A', quantity: 1000 }]);
  });

  it('refuses rows with more than two cells when there is no header', () => {
    const r = parseOrderText('A;1;Kabel\nB\t2\t\t\nC,3,x');
    const row = rejected(r.rows[0]);
    assert.deepEqual(row.issues.map((i) => [i.code, i.params]), [['too_many_columns', { expected: 2, found: 3 }]]);
    assert.deepEqual(r.rows[1], { ok: true, line: 2, raw: 'B\t2\t\t', sku: 'B', quantity: 2 });
    assert.deepEqual(codes(r.rows[2]), ['too_many_columns']);
  });

  it('reads the named columns of an exported cart copied out of Excel', () => {
    const pasted = [
      'Bezeichnung\tArtikelnummer\tEinheit\tMenge\tEinzelpreis',
      'LED-Lampe E27\tLED-E27-9W\tStück\t1.000\t2,19',
      'Kabel NYM-J\tNYM-3x1.5\tm\t100\t0,4567',
      'x\ty\tz\t1\t2\t3',
    ].join('\r\n');
    const r = parseOrderText(pasted, { lang: 'de' });
    assert.equal(r.header?.line, 1);
    assert.deepEqual(r.lines, [
      { sku: 'LED-E27-9W', quantity: 1000 },
      { sku: 'NYM-3x1.5', quantity: 100 },
    ]);
    assert.deepEqual(codes(r.rows[2]), ['too_many_columns']);
  });

  it('refuses a header that names only one of the columns it needs', () => {
    const r = parseOrderText('Artikelnummer;Bezeichnung;Preis\nA;Lampe;2');
    assert.deepEqual(r.issues.map((i) => [i.code, i.params]), [['missing_column', { column: 'quantity' }]]);
    assert.deepEqual(r.rows, []);
    assert.deepEqual(r.lines, []);
  });

  it('sums duplicate SKUs and says which rows were merged', () => {
    const r = parseOrderText('A;100\nB;1\nA;150\nA;x\nA;0');
    assert.deepEqual(r.lines, [{ sku: 'A', quantity: 250 }, { sku: 'B', quantity: 1 }]);
    assert.deepEqual(r.duplicates, [{ sku: 'A', lines: [1, 3], quantity: 250 }]);
  });

  it('accepts 5,000 distinct SKUs and refuses 5,001 with a limit issue and no lines', () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => `SKU-${i};1`).join('\n');
    const ok = parseOrderText(text(5000));
    assert.equal(ok.lines.length, 5000);
    assert.deepEqual(ok.issues, []);
    const tooMany = parseOrderText(text(5001), { lang: 'de' });
    assert.deepEqual(tooMany.lines, []);
    assert.deepEqual(tooMany.issues.map((i) => [i.code, i.path, i.params]), [['max_lines', [], { max: 5000, count: 5001 }]]);
    assert.equal(tooMany.rows.length, 5001);
    // Duplicates count once.
    assert.equal(parseOrderText(`${text(5000)}\nSKU-0;1`).lines.length, 5000);
  });

  it('reads back any list of lines however the buyer separates and formats them', () => {
    const row = fc.record({
      sku,
      quantity: fc.integer({ min: 1, max: MAX_IMPORT_QUANTITY }),
      sep: fc.constantFrom(';', '\t', ',', ' ', ' ; ', '  '),
      format: fc.constantFrom('plain', 'grouped', 'unit'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.sku, maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('de', 'en'), (rows, eol, lang: 'de' | 'en') => {
        const text = rows
          .map((r) => {
            const q = r.format === 'grouped' ? r.quantity.toLocaleString(lang === 'de' ? 'de-DE' : 'en-US') : r.format === 'unit' ? `${r.quantity} Stk` : String(r.quantity);
            return `${r.sku}${r.sep}${q}`;
          })
          .join(eol);
        const parsed = parseOrderText(text, { lang });
        assert.deepEqual(parsed.lines, rows.map((r) => ({ sku: r.sku, quantity: r.quantity })));
        assert.deepEqual(parsed.rows.map((r) => r.line), rows.map((_, i) => i + 1));
      }),
    );
  });

  it('never throws and keeps every row as the physical line it came from', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('A', '1', ';', ',', '\t', ' ', '\n', '\r', '"', '.', 'Ä', 'x') }), (text) => {
        const parsed = parseOrderText(text);
        const physical = text.split(/\r\n|\r|\n/);
        for (const row of parsed.rows) assert.equal(row.raw, physical[row.line - 1]);
      }),
    );
  });
});

describe('mergeDuplicates()', () => {
  it('leaves out rows with issues and keeps the order of first appearance', () => {
    const rows: OrderRow[] = [
      { ok: true, line: 3, raw: 'B 1', sku: 'B', quantity: 1 },
      { ok: false, line: 4, raw: 'A x', issues: [] },
      { ok: true, line: 5, raw: 'A 2', sku: 'A', quantity: 2 },
      { ok: true, line: 9, raw: 'B 4', sku: 'B', quantity: 4 },
    ];
    assert.deepEqual(mergeDuplicates(rows), {
      lines: [{ sku: 'B', quantity: 5 }, { sku: 'A', quantity: 2 }],
      duplicates: [{ sku: 'B', lines: [3, 9], quantity: 5 }],
      issues: [],
    });
  });

  it('leaves out a line whose rows add up to more than the largest quantity, and says so', () => {
    const r = parseOrderText(`A;${MAX_IMPORT_QUANTITY}\nB;1\nA;1`, { lang: 'en' });
    assert.deepEqual(r.lines, [{ sku: 'B', quantity: 1 }]);
    assert.deepEqual(r.issues.map((i) => i.code), ['merged_too_big']);
    assert.equal(r.issues[0]!.message, 'Rows 1, 3 add up to 10,000,001 of A; at most 10,000,000 per article.');
  });

  it('sums to the total of the accepted rows', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ sku: fc.constantFrom('A', 'B', 'C'), quantity: fc.integer({ min: 1, max: 1000 }) }), { maxLength: 40 }), (items) => {
        const rows: OrderRow[] = items.map((it, i) => ({ ok: true, line: i + 1, raw: '', ...it }));
        const merged = mergeDuplicates(rows);
        const sum = (xs: { quantity: number }[]) => xs.reduce((s, x) => s + x.quantity, 0);
        assert.equal(sum(merged.lines), sum(items));
        assert.equal(new Set(merged.lines.map((l) => l.sku)).size, merged.lines.length);
        for (const d of merged.duplicates) assert.ok(d.lines.length > 1);
      }),
    );
  });
});

describe('parseOrderCsv()', () => {
  it('reads an Excel CSV with BOM, semicolons, quoted fields and the columns found by their names', () => {
    const csv = '\uFEFFBezeichnung;Art.-Nr.;Einheit;Menge\r\n"Kabel ""NYM""; 3x1,5";NYM-3x1.5;m;100\r\nLampe;LED-E27;Stück;"1.000"\r\n';
    const r = parseOrderCsv(csv, { lang: 'de' });
    assert.deepEqual(r.header, { line: 1, raw: 'Bezeichnung;Art.-Nr.;Einheit;Menge' });
    assert.deepEqual(r.lines, [{ sku: 'NYM-3x1.5', quantity: 100 }, { sku: 'LED-E27', quantity: 1000 }]);
    assert.deepEqual(r.rows[0], { ok: true, line: 2, raw: '"Kabel ""NYM""; 3x1,5";NYM-3x1.5;m;100', sku: 'NYM-3x1.5', quantity: 100 });
  });

  it('detects comma and tab separators from the first line', () => {
    assert.deepEqual(parseOrderCsv('sku,qty,note\nA,"1,000",x\n').lines, [{ sku: 'A', quantity: 1000 }]);
    assert.deepEqual(parseOrderCsv('A\t2\tx;y,z\nB\t3\n').lines, [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 3 }]);
    assert.deepEqual(parseOrderCsv('A;1,5\n', { lang: 'de' }).rows.map(codes), [['not_integer']]);
  });

  it('takes the first two columns without a header and ignores the others', () => {
    const r = parseOrderCsv('A;2;Lampe;x\nB;3\n');
    assert.equal(r.header, null);
    assert.deepEqual(r.lines, [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 3 }]);
  });

  it('counts lines from where a record starts when quoted fields hold line breaks', () => {
    const csv = 'Artikelnummer;Menge;Bezeichnung\r\nA;1;"zwei\r\nZeilen"\r\nB;2;"drei\nganze\nZeilen"\r\nC;3;x\r\n';
    const r = parseOrderCsv(csv);
    assert.deepEqual(r.rows.map((row) => row.line), [2, 4, 7]);
    assert.equal(r.rows[0]!.raw, 'A;1;"zwei\r\nZeilen"');
    assert.equal(r.lines.length, 3);
  });

  it('refuses a row whose quote is never closed and goes on with the next line', () => {
    const r = parseOrderCsv('sku;qty\nA;1\n"B;2\nC;3\nD;"4\n', { lang: 'de' });
    assert.deepEqual(r.rows.map((row) => [row.line, row.raw, codes(row)]), [
      [2, 'A;1', []],
      [3, '"B;2', ['csv_quote']],
      [4, 'C;3', []],
      [5, 'D;"4', ['csv_quote']],
    ]);
    assert.equal(rejected(r.rows[1]).issues[0]!.message, 'Ein Anführungszeichen in dieser Zeile wird nicht geschlossen.');
    assert.deepEqual(r.lines, [{ sku: 'A', quantity: 1 }, { sku: 'C', quantity: 3 }]);
  });

  it('takes a quoted field that runs over line breaks into the SKU for a stray quote', () => {
    const r = parseOrderCsv('sku;qty\n"A;1\nB;2\nC";3\nD;4\n');
    // The closing quote inside an unquoted field is text: `C"` is no SKU.
    assert.deepEqual(r.rows.map((row) => [row.line, codes(row)]), [[2, ['csv_quote']], [3, []], [4, ['invalid_sku']], [5, []]]);
    assert.deepEqual(r.lines, [{ sku: 'B', quantity: 2 }, { sku: 'D', quantity: 4 }]);
  });

  it('refuses text after a closing quote', () => {
    const r = parseOrderCsv('A;"1"2\nB;3\n');
    assert.deepEqual(rejected(r.rows[0]).issues.map((i) => [i.code, i.params]), [['csv_quote', { reason: 'text_after_quote' }]]);
    assert.deepEqual(r.lines, [{ sku: 'B', quantity: 3 }]);
  });

  it('names a row that uses another separator', () => {
    const r = parseOrderCsv('Artikelnummer;Menge\nA;1\nB,2\nC\t3\n', { lang: 'en' });
    assert.deepEqual(rejected(r.rows[1]).issues.map((i) => [i.code, i.params]), [['csv_separator', { expected: ';', found: ',' }]]);
    assert.equal(rejected(r.rows[1]).issues[0]!.message, 'This row separates columns with “,” instead of “;”.');
    assert.match(rejected(r.rows[2]).issues[0]!.message, /with tabs instead of “;”/);
    assert.deepEqual(r.lines, [{ sku: 'A', quantity: 1 }]);
  });

  it('refuses a row with more fields than the header, ignoring empty fields at the end', () => {
    const r = parseOrderCsv('sku,qty\nA,1,5\nB,2,,\n');
    assert.deepEqual(codes(r.rows[0]), ['too_many_columns']);
    assert.deepEqual(r.lines, [{ sku: 'B', quantity: 2 }]);
  });

  it('refuses a header without a quantity column', () => {
    const r = parseOrderCsv('SKU;Name;Preis\nA;x;1\n');
    assert.deepEqual(r.issues.map((i) => i.code), ['missing_column']);
    assert.deepEqual(r.lines, []);
  });

  it('reads a SKU Excel kept as text with ="…" and skips empty records', () => {
    const r = parseOrderCsv('Artikelnummer;Menge\r\n"=""00123""";2\r\n;;\r\n;\r\n');
    assert.deepEqual(r.lines, [{ sku: '00123', quantity: 2 }]);
    assert.equal(r.rows.length, 1);
  });

  it('honours a given separator', () => {
    assert.deepEqual(parseOrderCsv('A,1;B\n', { separator: ';' }).rows.map(codes), [['invalid_sku', 'invalid_quantity']]);
  });

  it('never throws and numbers records in increasing lines', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('A', '1', ';', ',', '\t', ' ', '\n', '\r', '"', '"', 'x') }), (text) => {
        const parsed = parseOrderCsv(text);
        const lines = parsed.rows.map((r) => r.line);
        assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
        assert.equal(new Set(lines).size, lines.length);
      }),
    );
  });
});

const cartLine = (sku: string, quantity: number, over: Partial<CartLine> = {}): CartLine => ({
  sku,
  quantity,
  addedAt: '2026-03-02T08:00:00.000Z',
  product: null,
  priceUnit: null,
  unitPrice: null,
  net: null,
  taxRate: null,
  nextTier: null,
  issues: [],
  ...over,
});
const product = (name: string, unit: 'piece' | 'meter' = 'piece'): CartLine['product'] => ({
  name: { de: name, en: `${name} (en)` },
  unit,
  packSize: 1,
  taxClass: 'standard',
  status: 'active',
  replacementSku: null,
  quantityRules: { min: 1, step: 1, max: null },
  price: null,
});
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('cartToCsv()', () => {
  const lines = [
    cartLine('LED-E27-9W', 1000, { product: product('LED-Lampe E27'), priceUnit: 1, unitPrice: eur(189), net: eur(189_000), taxRate: 1900 }),
    cartLine('NYM-3x1.5', 250, { product: product('Kabel NYM-J 3x1,5 "grau"', 'meter'), priceUnit: 100, unitPrice: eur(4567), net: eur(11_418), taxRate: 1900 }),
    cartLine('GONE-1', 3),
  ];

  it('writes a German Excel file: BOM, German header, semicolons, decimal commas, CRLF', () => {
    assert.equal(
      cartToCsv({ lines }, { lang: 'de' }),
      '\uFEFFArtikelnummer;Menge;Bezeichnung;Einheit;Einzelpreis;Gesamt\r\n' +
        'LED-E27-9W;1000;LED-Lampe E27;Stück;1,89;1890,00\r\n' +
        'NYM-3x1.5;250;"Kabel NYM-J 3x1,5 ""grau""";m;0,4567;114,18\r\n' +
        'GONE-1;3;;;;\r\n',
    );
  });

  it('writes English headers, commas and decimal points', () => {
    assert.equal(
      cartToCsv({ lines: lines.slice(0, 2) }, { lang: 'en' }),
      '\uFEFFSKU,Quantity,Name,Unit,Unit price,Total\r\n' +
        'LED-E27-9W,1000,LED-Lampe E27 (en),pc,1.89,1890.00\r\n' +
        'NYM-3x1.5,250,"Kabel NYM-J 3x1,5 ""grau"" (en)",m,0.4567,114.18\r\n',
    );
    assert.match(cartToCsv({ lines: lines.slice(0, 1) }, { lang: 'de', separator: ',' }), /LED-E27-9W,1000,LED-Lampe E27,Stück,"1,89","1890,00"/);
  });

  it('keeps a spreadsheet from running a name as a formula', () => {
    const csv = cartToCsv({ lines: [cartLine('A', 1, { product: product('=HYPERLINK("x")') })] }, { lang: 'de' });
    assert.match(csv, /\r\nA;1;"'=HYPERLINK\(""x""\)";Stück;;\r\n$/);
  });

  it('is read back by parseOrderCsv() to the same SKUs and quantities', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ';', ',', '\t', '"', '\n', '\r', '=', 'ß', '1') });
    const line = fc.record({ sku, quantity: fc.integer({ min: 1, max: MAX_IMPORT_QUANTITY }), name, cents: fc.option(fc.integer({ min: 0, max: 10_000_000 })) });
    fc.assert(
      fc.property(
        fc.uniqueArray(line, { selector: (l) => l.sku, maxLength: 25 }),
        fc.constantFrom('de', 'en'),
        fc.constantFrom(';', ',', undefined),
        fc.constantFrom('de', 'en'),
        (items, lang: 'de' | 'en', separator: ';' | ',' | undefined, readLang: 'de' | 'en') => {
          const cart = {
            lines: items.map((l) =>
              cartLine(l.sku, l.quantity, {
                product: product(l.name),
                ...(l.cents === null ? {} : { priceUnit: 1, unitPrice: eur(l.cents), net: eur(l.cents * l.quantity) }),
              }),
            ),
          };
          const parsed = parseOrderCsv(cartToCsv(cart, { lang, separator }), { lang: readLang });
          assert.deepEqual(parsed.issues, []);
          assert.ok(parsed.rows.every((r) => r.ok), JSON.stringify(parsed.rows.filter((r) => !r.ok)));
          assert.deepEqual(parsed.lines, items.map((l) => ({ sku: l.sku, quantity: l.quantity })));
        },
      ),
    );
  });
});
