import type { KontorError } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import type { Product } from '@kontor/core/catalogue';
import type { Money } from '@kontor/core/money';
import { formatMoney } from '@kontor/core/money/money.logic.js';
import { lineNet, nextTier, tierAt } from '@kontor/core/pricing/pricing.logic.js';
import type { KontorClient } from '@kontor/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { styles } from './price.styles.js';
import { common } from '../../translations/slices/common.js';
import { price } from '../../translations/slices/price.js';
import { strings, type StringsOf } from '../../translations/strings.js';

const priceStrings = strings(common, price);

/**
 * @summary A product's net price for the buyer at a quantity: unit price, line total, volume tiers, next tier.
 * @tag kontor-price
 * @event kontor-error - Fetching the product (with `sku`) failed. detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart unit-price - The tier price per price unit.
 * @csspart line-total - The net total for the quantity.
 * @csspart tiers - The volume price table.
 * @csspart tiers-details - The disclosure around the table with `collapse-tiers`.
 * @csspart tiers-summary - Its summary line.
 * @csspart next-tier - The hint at the next cheaper tier.
 * @csspart on-request - The "price on request" text.
 * @csspart error - The error state.
 * @cssproperty --price-color - Text colour.
 * @cssproperty --price-muted-color - Colour of secondary text.
 * @cssproperty --price-current-background - Background of the current tier row.
 * @cssproperty --price-font-size - Size of the unit price.
 *
 * @example
 * ```html
 * <kontor-price sku="NYM-J-3x1.5" quantity="250"></kontor-price>
 * ```
 */
export class KontorPrice extends KontorElement<StringsOf<typeof priceStrings>> {
  static override strings = priceStrings;
  static override styles = [componentStyles, styles];

  private abort?: AbortController;

  @state() private fetched?: Product;
  @state() private loading = false;
  @state() private error?: KontorError;

  /** The product, with the buyer's price. Set it, or set `sku` to fetch it. */
  @property({ attribute: false }) product?: Product;

  /** Fetches the product by article number when no `product` is set. */
  @property({ reflect: true }) sku?: string;

  /** The quantity to price. Defaults to the product's lowest orderable quantity. */
  @property({ type: Number }) quantity?: number;

  /** Hides the tier table. */
  @property({ type: Boolean, attribute: 'no-tiers', reflect: true }) noTiers = false;

  /** Puts the tier table behind a "Volume prices (n)" disclosure, for compact rows in lists. */
  @property({ type: Boolean, attribute: 'collapse-tiers', reflect: true }) collapseTiers = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  // Starting requests here, before render, sets the loading state without a second update.
  override willUpdate(): void {
    if (this.product || !this.sku) return;
    const client = this.resolveClient();
    // Errors are new objects on every call; compare their code instead.
    const source = isKontorError(client) ? client.code : client;
    if (this.fetchedFrom === source && this.fetchedSku === this.sku) return;
    this.fetchedFrom = source;
    this.fetchedSku = this.sku;
    void this.fetchProduct(client, this.sku);
  }

  private fetchedFrom?: unknown;
  private fetchedSku?: string;

  private async fetchProduct(client: KontorClient | KontorError, sku: string): Promise<void> {
    this.abort?.abort();
    if (isKontorError(client)) {
      this.error = this.reportError(client);
      return;
    }
    const abort = (this.abort = new AbortController());
    this.loading = true;
    this.error = undefined;
    try {
      this.fetched = await client.catalogue.get(sku, { signal: abort.signal });
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = this.reportError(error);
    } finally {
      if (!abort.signal.aborted) this.loading = false;
    }
  }

  /** Fetches the product again after an error. */
  retry(): void {
    this.fetchedFrom = undefined;
    this.requestUpdate();
  }

  private renderTiers(table: TemplateResult, count: number) {
    if (!this.collapseTiers) return table;
    return html`<details part="tiers-details"><summary part="tiers-summary">${this.t.priceTiers} (${count})</summary>${table}</details>`;
  }

  override render() {
    const t = this.t;
    const product = this.product ?? this.fetched;
    if (this.error && !this.product) {
      return html`<div class="error" part="error" role="alert">
        <span>${this.errorText(this.error)}</span>
        <button type="button" @click=${this.retry}>${t.retry}</button>
      </div>`;
    }
    if (!product) {
      return html`<div class="base" part="base" aria-busy=${this.loading ? 'true' : 'false'}>
        ${this.loading ? html`<span class="skeleton"></span><span class="visually-hidden">${t.loading}</span>` : nothing}
      </div>`;
    }
    const price = product.price;
    if (!price) {
      return html`<div class="base" part="base"><span part="on-request">${t.priceOnRequest}</span></div>`;
    }
    const lang = this.currentLang;
    const rules = product.quantityRules;
    const quantity = this.quantity && this.quantity > 0 ? this.quantity : Math.max(rules.min, rules.step);
    const tier = tierAt(price.tiers, quantity);
    const unitOne = t.unit(product.unit, price.priceUnit);
    const fmt = (n: number) => new Intl.NumberFormat(t.$locale).format(n);
    const per = (amount: Money) => t.pricePer(formatMoney(amount, lang), price.priceUnit, unitOne);
    const next = nextTier(price, quantity);
    const table = () => html`<table part="tiers">
              <caption>${t.priceTiers} (${t.net})</caption>
              <thead>
                <tr><th scope="col">${t.quantityColumn}</th><th scope="col">${t.tierPrice}</th></tr>
              </thead>
              <tbody>
                ${price.tiers.map(
                  (row) => html`<tr aria-current=${row === tier ? 'true' : 'false'}>
                    <td>${t.fromQuantity(fmt(row.minQuantity), t.unit(product.unit, row.minQuantity))}</td>
                    <td>${per(row.price)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`;
    return html`<div class="base" part="base">
      <div part="unit-price" class="unit-price">${per(tier.price)} <span class="net">${t.net}</span></div>
      <div part="line-total" class="line">
        ${t.lineTotal(fmt(quantity), t.unit(product.unit, quantity))}: ${formatMoney(lineNet(price, quantity), lang)} ${t.net}
      </div>
      ${price.source === 'company' ? html`<div class="source">${t.companyPrice}</div>` : nothing}
      ${next
        ? html`<div part="next-tier" class="next">
            ${t.nextTierHint(fmt(next.minQuantity), t.unit(product.unit, next.minQuantity), per(next.price))}
          </div>`
        : nothing}
      ${!this.noTiers && price.tiers.length > 1 ? this.renderTiers(table(), price.tiers.length) : nothing}
    </div>`;
  }
}
