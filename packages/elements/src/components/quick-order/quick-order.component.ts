import type { Cart, CartLineEffect, MergedDuplicate, QuickOrderLine } from '@kontor/core/cart';
import { cartChangeRules } from '@kontor/core/cart/cart.logic.js';
import { parseOrderCsv, parseOrderText } from '@kontor/core/cart/import.logic.js';
import type { ErrorIssue, KontorError } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import { checkQuantity } from '@kontor/core/pricing/quantity.logic.js';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CartController } from '../../internal/cart-controller.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { styles } from './quick-order.styles.js';
import { common } from '../../translations/slices/common.js';
import { quickOrder } from '../../translations/slices/quickOrder.js';
import { strings, type StringsOf } from '../../translations/strings.js';

/** A row that did not go into the cart: its text as typed, and why. */
interface HeldRow {
  /** Its line in the box (after an import: where it stands now, not where it stood in the paste). */
  line: number;
  raw: string;
  issues: ErrorIssue[];
  sku?: string | undefined;
  quantity?: number | undefined;
  /** Rows of the same article it was added up with (line numbers, itself included) and their sum: the issue is about the sum. */
  merged?: { lines: number[]; quantity: number } | undefined;
}

/** What the last import did. */
interface ImportSummary {
  added: number;
  duplicates: MergedDuplicate[];
  mergedIntoCart: CartLineEffect[];
}

/** Rounds of "send, set aside what the server refused, send the rest". Issues are per line, so two suffice; three for safety. */
const MAX_ROUNDS = 3;

const quickOrderStrings = strings(common, quickOrder);

/**
 * @summary Quick order: paste article numbers and quantities (or upload a CSV); valid lines go into the cart, the others stay with their error and a fix.
 * @tag kontor-quick-order
 * @event kontor-cart-change - Lines went into the cart. detail: `{ cart, effects }`.
 * @event kontor-error - Adding failed as a whole (network, limit). detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart label - The label of the text box.
 * @csspart input - The text box.
 * @csspart hint - The format hint.
 * @csspart file - The CSV upload input.
 * @csspart submit - The "add to cart" button.
 * @csspart summary - What was added and merged.
 * @csspart issues - The list of rows that were not added.
 * @csspart issue - One such row.
 * @csspart suggestion - A button that applies a suggested article number or quantity to its row (a quantity for rows that were added up: at the first of them only). The focus then moves to the next row's first suggestion.
 * @csspart error - An error about the input as a whole.
 * @cssproperty --quick-order-rows - Visible rows of the text box.
 * @cssproperty --quick-order-issue-color - Colour of row errors.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…">
 *   <kontor-quick-order></kontor-quick-order>
 * </kontor-shop>
 * ```
 */
export class KontorQuickOrder extends KontorElement<StringsOf<typeof quickOrderStrings>> {
  static override strings = quickOrderStrings;
  static override styles = [componentStyles, styles];

  private readonly cart = new CartController(this, () => this.resolveClient(), cartChangeRules);

  /** The text in the box; after an import only the rows that were not added remain. */
  @property() value = '';

  @state() private held: HeldRow[] = [];
  @state() private summary?: ImportSummary;
  @state() private error?: KontorError | string;
  @state() private busy = false;
  /** Where the row whose suggestion was taken was in the list; the focus goes on from there once rendered. */
  private focusFrom = -1;

  /**
   * Reads `text` (a paste, or a CSV file's content with `csv`), adds every valid line to the cart
   * in one request and keeps the other rows, as typed, in the box with their issues.
   * Resolves with the number of lines added.
   */
  async import(text: string, options: { csv?: boolean } = {}): Promise<number> {
    const store = this.cart.store;
    if (!store) {
      this.error = this.reportError(this.cart.clientError ?? new Error('No cart store'));
      return 0;
    }
    const lang = this.currentLang;
    const parsed = options.csv ? parseOrderCsv(text, { lang }) : parseOrderText(text, { lang });
    this.summary = undefined;
    this.error = undefined;
    const limit = parsed.issues.find((i) => i.code === 'max_lines');
    if (limit) {
      // A limit over the whole input: nothing is sent, everything stays.
      this.error = limit.message;
      this.value = text;
      return 0;
    }
    // A SKU whose rows add up to too much is held with that issue; the other lines still go in.
    const tooBig = new Map(parsed.issues.filter((i) => typeof i.params?.sku === 'string').map((i) => [i.params!.sku as string, i]));
    const held: HeldRow[] = [];
    const rowsBySku = new Map<string, { line: number; raw: string; quantity: number }[]>();
    for (const row of parsed.rows) {
      if (row.ok && tooBig.has(row.sku)) {
        held.push({ line: row.line, raw: row.raw, issues: [{ ...tooBig.get(row.sku)!, path: ['quantity'] }], sku: row.sku, quantity: row.quantity });
      } else if (row.ok) {
        let rows = rowsBySku.get(row.sku);
        if (!rows) rowsBySku.set(row.sku, (rows = []));
        rows.push({ line: row.line, raw: row.raw, quantity: row.quantity });
      } else {
        held.push({ line: row.line, raw: row.raw, issues: row.issues, sku: row.sku });
      }
    }
    if (!parsed.rows.length) {
      this.error = this.t.noRows;
      return 0;
    }

    let lines: QuickOrderLine[] = parsed.lines;
    let added = 0;
    let effects: CartLineEffect[] = [];
    let changed: Cart | undefined;
    this.busy = true;
    try {
      for (let round = 0; lines.length && round < MAX_ROUNDS; round++) {
        try {
          const cart = await store.change(
            lines.map((l) => ({ op: 'add' as const, sku: l.sku, quantity: l.quantity })),
            { optimistic: false },
          );
          effects = store.$state.get().lastEffects;
          added = lines.length;
          changed = cart;
          break;
        } catch (error) {
          const refused = refusedLines(error, lines);
          if (!refused) throw error;
          // This element shows the refusal per row; the cart need not show it too.
          store.dismissError();
          for (const [sku, issues] of refused) {
            const rows = rowsBySku.get(sku) ?? [];
            // Rows added up: the issue (and a suggested quantity) is about their sum, not about each row.
            const merged = rows.length > 1 ? { lines: rows.map((r) => r.line), quantity: rows.reduce((sum, r) => sum + r.quantity, 0) } : undefined;
            for (const row of rows) held.push({ ...row, sku, issues, merged });
          }
          lines = lines.filter((l) => !refused.has(l.sku));
        }
      }
    } catch (error) {
      // Nothing was added (the server applies all or nothing): keep the whole input.
      this.busy = false;
      this.error = this.reportError(error);
      this.value = text;
      return 0;
    }
    held.sort((a, b) => a.line - b.line);
    try {
      if (held.some((r) => r.issues.some((i) => i.code === 'ambiguous_quantity'))) await this.keepOrderableReadings(held);
    } finally {
      this.busy = false;
    }
    this.held = inBoxOrder(held);
    this.value = held.map((r) => r.raw).join('\n');
    this.summary = {
      added,
      duplicates: parsed.duplicates.filter((d) => !held.some((h) => h.sku === d.sku)),
      mergedIntoCart: effects.filter((e) => e.from > 0),
    };
    // Once the rows it held are shown: a listener sees the whole result.
    if (changed) this.emit('kontor-cart-change', { cart: changed, effects });
    return added;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    const text = (this.renderRoot.querySelector('textarea') as HTMLTextAreaElement).value;
    void this.import(text);
  }

  private async onFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || this.busy) {
      input.value = '';
      return;
    }
    try {
      const text = await file.text();
      await this.import(text, { csv: true });
    } finally {
      input.value = '';
    }
  }

  /**
   * Rewrites a held row with a suggested article number or quantity, as `SKU;quantity`. A quantity
   * suggested for rows that were added up replaces all of them: it is the sum's fix.
   */
  private applySuggestion(index: number, suggestion: string | number): void {
    const row = this.held[index];
    if (!row) return;
    const sku = typeof suggestion === 'string' ? suggestion : row.sku;
    const quantity = typeof suggestion === 'number' ? suggestion : row.quantity;
    if (!sku) return;
    const fixed = quantity === undefined ? `${sku};` : `${sku};${quantity}`;
    const together = typeof suggestion === 'number' && row.merged ? this.held.filter((r) => r.merged === row.merged) : [row];
    this.focusFrom = this.held.filter((r) => r.issues.length).indexOf(row);
    const textLines = this.value.split(/\r\n|\n|\r/);
    const at = textLines.indexOf(row.raw);
    if (at >= 0) textLines[at] = fixed;
    else textLines.push(fixed);
    for (const other of together) {
      if (other === row) continue;
      const gone = textLines.indexOf(other.raw);
      if (gone >= 0) textLines.splice(gone, 1);
    }
    this.value = textLines.join('\n');
    this.held = this.held.filter((r) => r === row || !together.includes(r)).map((r) => (r === row ? { line: r.line, raw: fixed, issues: [], sku, quantity } : r));
  }

  /**
   * After a suggestion was taken the focus goes to the next row's first suggestion, so a keyboard
   * user fixes row after row; with none left, to the box while rows there still need typing, else
   * to the submit button: every row is fixed and sending is what is left to do.
   */
  override updated(): void {
    if (this.focusFrom < 0) return;
    const next = [...this.renderRoot.querySelectorAll('[part=issue]')].slice(this.focusFrom).map((li) => li.querySelector<HTMLElement>('[part=suggestion]')).find(Boolean);
    this.focusFrom = -1;
    (next ?? this.renderRoot.querySelector<HTMLElement>(this.held.some((r) => r.issues.length) ? 'textarea' : '[part=submit]'))?.focus();
  }

  /**
   * An ambiguous number ("1,000") is offered in both readings; where the article's order rules
   * allow only one of them, only that one is offered (one catalogue request per such article).
   */
  private async keepOrderableReadings(held: HeldRow[]): Promise<void> {
    const client = this.resolveClient();
    if (isKontorError(client)) return;
    const ambiguous = held.filter((r) => r.sku && r.issues.some((i) => i.code === 'ambiguous_quantity'));
    const skus = [...new Set(ambiguous.map((r) => r.sku!))].slice(0, 20);
    const rules = new Map(
      await Promise.all(skus.map(async (sku) => [sku, await client.catalogue.get(sku).then((p) => p.quantityRules, () => null)] as const)),
    );
    for (const row of ambiguous) {
      const found = rules.get(row.sku!);
      if (!found) continue;
      row.issues = row.issues.map((issue) => {
        if (issue.code !== 'ambiguous_quantity' || !issue.suggestions?.length) return issue;
        const orderable = issue.suggestions.filter((s) => typeof s === 'number' && checkQuantity(found, s) === null);
        return orderable.length ? { ...issue, suggestions: orderable } : issue;
      });
    }
  }

  private renderSummary(summary: ImportSummary) {
    const t = this.t;
    const fmt = new Intl.NumberFormat(t.$locale);
    const rejected = this.held.filter((h) => h.issues.length).length;
    return html`<div class="summary" part="summary" role="status">
      ${summary.added ? html`<p>${t.linesAdded(summary.added)}</p>` : nothing}
      ${rejected ? html`<p class="warn">${t.rowsRejected(rejected)}</p>` : nothing}
      ${summary.duplicates.length || summary.mergedIntoCart.length
        ? html`<ul>
            ${summary.duplicates.map((d) => html`<li>${t.rowsMerged(d.lines.join(', '), d.sku, fmt.format(d.quantity))}</li>`)}
            ${summary.mergedIntoCart.map((e) => html`<li>${t.mergedIntoCart(e.sku, fmt.format(e.from), fmt.format(e.to))}</li>`)}
          </ul>`
        : nothing}
    </div>`;
  }

  private renderHeld() {
    const t = this.t;
    const fmt = new Intl.NumberFormat(t.$locale);
    const withIssues = this.held.map((row, index) => ({ row, index })).filter(({ row }) => row.issues.length);
    if (!withIssues.length) return nothing;
    return html`<ol class="issues" part="issues">
      ${withIssues.map(({ row, index }) => {
        // A quantity for rows that were added up fixes all of them: offered once, at the first of them.
        const offeredAbove = row.merged && withIssues.find((w) => w.row.merged === row.merged)!.row !== row;
        return html`<li part="issue">
          <span class="where">${t.row(row.line)}:</span>
          <code class="raw">${row.raw}</code>
          ${row.merged ? html`<span class="merged">${t.rowsAddedUp(row.merged.lines.join(', '), fmt.format(row.merged.quantity))}</span>` : nothing}
          ${row.issues.map(
            (issue) => html`<span class="message">${issue.message}</span>
              ${(issue.suggestions ?? [])
                .filter((s) => !offeredAbove || typeof s === 'string')
                .slice(0, 3)
                .map(
                  (s) => html`<button type="button" part="suggestion" @click=${() => this.applySuggestion(index, s)}>
                    ${t.useSuggestion(typeof s === 'number' ? fmt.format(s) : s)}
                  </button>`,
                )}`,
          )}
        </li>`;
      })}
    </ol>`;
  }

  override render() {
    const t = this.t;
    const error = this.cart.clientError ?? this.error;
    // The submit button is not disabled while busy: a disabled button drops the focus to the page.
    return html`<form class="base" part="base" @submit=${this.onSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
      <label part="label" for="lines">${t.quickOrderLabel}</label>
      <textarea
        id="lines"
        part="input"
        spellcheck="false"
        autocomplete="off"
        aria-describedby="hint"
        aria-invalid=${this.held.some((h) => h.issues.length) ? 'true' : 'false'}
        .value=${this.value}
        @input=${(e: Event) => (this.value = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p id="hint" class="hint" part="hint">${t.quickOrderHint}</p>
      <div class="row">
        <button type="submit" part="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.checking : t.addLines}</button>
        <label class="file">
          ${t.uploadCsv}
          <input type="file" part="file" accept=".csv,.txt,text/csv,text/plain" aria-disabled=${this.busy ? 'true' : 'false'} @change=${this.onFile} />
        </label>
      </div>
      ${error
        ? html`<p class="error" part="error" role="alert">${typeof error === 'string' ? error : `${t.errorTitle} ${error.issues[0]?.message ?? this.errorText(error)}`}</p>`
        : nothing}
      ${this.summary ? this.renderSummary(this.summary) : nothing}
      ${this.renderHeld()}
    </form>`;
  }
}

/**
 * The held rows numbered by their line in the box, which keeps only them, one after another: the
 * paste's header, blank lines and the rows that went into the cart are gone from it. (A CSV row with
 * a quoted line break takes more than one line.)
 */
function inBoxOrder(held: readonly HeldRow[]): HeldRow[] {
  const lineOf = new Map<number, number>();
  let next = 1;
  for (const row of held) {
    lineOf.set(row.line, next);
    next += row.raw.split(/\r\n|\n|\r/).length;
  }
  // Rows added up share one `merged`: renumbered once, still shared.
  const mergedAs = new Map<NonNullable<HeldRow['merged']>, NonNullable<HeldRow['merged']>>();
  const renumber = (merged: NonNullable<HeldRow['merged']>) => {
    let renumbered = mergedAs.get(merged);
    if (!renumbered) mergedAs.set(merged, (renumbered = { ...merged, lines: merged.lines.map((l) => lineOf.get(l) ?? l) }));
    return renumbered;
  };
  return held.map((row) => ({ ...row, line: lineOf.get(row.line)!, merged: row.merged && renumber(row.merged) }));
}

/**
 * The lines a 422 from the cart refused, by SKU with their issues (paths relative to the line),
 * or `null` when the error is not about single lines (then nothing was added and nothing is known).
 */
function refusedLines(error: unknown, lines: readonly QuickOrderLine[]): Map<string, ErrorIssue[]> | null {
  if (!isKontorError(error) || error.code !== 'validation') return null;
  const refused = new Map<string, ErrorIssue[]>();
  for (const issue of error.issues) {
    const index = issue.path[0] === 'changes' ? issue.path[1] : undefined;
    const line = typeof index === 'number' ? lines[index] : undefined;
    if (!line) return null;
    const list = refused.get(line.sku) ?? [];
    list.push({ ...issue, path: issue.path.slice(2) });
    refused.set(line.sku, list);
  }
  return refused.size ? refused : null;
}
