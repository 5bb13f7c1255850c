import type { KontorClient } from '@kontor/core';
import type { Category, Product, ProductFacets } from '@kontor/core/catalogue';
import type { KontorError } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import { lowestValidQuantity } from '@kontor/core/pricing/quantity.logic.js';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { styles } from './product-list.styles.js';
import { common } from '../../translations/slices/common.js';
import { productList } from '../../translations/slices/productList.js';
import { strings, type StringsOf } from '../../translations/strings.js';

/** Where a list is in its life; a const object, not an enum, so it tree-shakes and reads well in templates. */
export const ListStatus = {
  initial: 'initial',
  loading: 'loading',
  loadingMore: 'loading-more',
  complete: 'complete',
  error: 'error',
} as const;
export type ListStatus = (typeof ListStatus)[keyof typeof ListStatus];

const SEARCH_DEBOUNCE_MS = 300;

/** A loading row: the cells of a product row with bars where name, promise, price, quantity and button go. */
const skeletonRow = (availability: boolean, cart: boolean) => html`<li aria-hidden="true">
  <div><span class="name"></span><span></span><span class="description"></span>${availability ? html`<span></span>` : nothing}</div>
  <div><span class="price"></span><span></span><span></span><span></span></div>
  <div><span></span><span class="control"></span></div>
  ${cart ? html`<div><span class="control"></span></div>` : nothing}
</li>`;

const productListStrings = strings(common, productList);

/**
 * @summary Searchable, filterable product list with the buyer's prices, quantity inputs and delivery promises, paged by "load more".
 * @tag kontor-product-list
 * @event kontor-quantity-change - From a row's quantity input (bubbles out). detail: `{ quantity, valid }`.
 * @event kontor-error - Loading products or categories failed. detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart toolbar - Search box and category filter.
 * @csspart search - The search input.
 * @csspart category - The category select.
 * @csspart brands - The brand filter: a checkbox per brand with its count in the current search.
 * @csspart list - The `<ul>` of products.
 * @csspart item - One product row.
 * @csspart name - A product's name.
 * @csspart meta - SKU, unit and pack size.
 * @csspart brand - A product's brand.
 * @csspart description - A product's short description (two lines).
 * @csspart details - The disclosure with a product's details (full description, EAN, brand, order quantities, all price tiers).
 * @csspart badge - The "discontinued" badge.
 * @csspart price - Each row's `<kontor-price>`, not shown for a discontinued product (its own parts are exported with a `price-` prefix).
 * @csspart quantity - Each row's `<kontor-quantity>` (its own parts are exported with a `quantity-` prefix).
 * @csspart availability - Each row's `<kontor-availability>`, linked to the row's quantity (its parts are exported with an `availability-` prefix).
 * @csspart add-to-cart - Each row's `<kontor-add-to-cart>` (its parts are exported with an `add-to-cart-` prefix).
 * @csspart load-more - The "load more" button.
 * @csspart empty - The "no products" text.
 * @csspart error - The error state.
 * @csspart retry - The retry button.
 * @cssproperty --product-list-gap - Space between columns and sections.
 * @cssproperty --product-list-row-padding - Vertical padding of a row.
 * @cssproperty --product-list-border-color - Row separator colour.
 * @cssproperty --product-list-badge-background - Background of the discontinued badge.
 * @cssproperty --product-list-badge-color - Text colour of the discontinued badge.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…">
 *   <kontor-product-list query="NYM" category="kabel" page-size="20"></kontor-product-list>
 * </kontor-shop>
 * ```
 */
export class KontorProductList extends KontorElement<StringsOf<typeof productListStrings>> {
  static override strings = productListStrings;
  static override styles = [componentStyles, styles];

  private abort?: AbortController;
  private categoriesAbort?: AbortController;
  private debounce?: ReturnType<typeof setTimeout>;
  private loadedKey?: unknown[];
  private categoriesFrom?: unknown;
  private readonly quantities = new Map<string, number>();
  /** Rows whose details were opened: their full price table is rendered from then on, not before. */
  private readonly opened = new Set<string>();

  @state() private products: Product[] = [];
  @state() private nextCursor: string | null = null;
  @state() private status: ListStatus = ListStatus.initial;
  @state() private error?: KontorError;
  @state() private categories: Category[] = [];
  @state() private announcement = '';
  @state() private facets?: ProductFacets;

  /** Search text (SKU, name, brand, EAN). The search box edits it. */
  @property({ reflect: true }) query = '';

  /** Category slug to filter by. The category select edits it. */
  @property({ reflect: true }) category = '';

  /** Brands to filter by, comma-separated (`Gira,Jung`). The brand filter edits it. */
  @property({ reflect: true }) brand = '';

  /** Order: empty for the server's default (relevance with a search, else the catalogue's order), or `relevance`, `catalogue`, `name`, `sku`. */
  @property({ reflect: true }) sort: '' | 'relevance' | 'catalogue' | 'name' | 'sku' = '';

  /** Products per page (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Hides each row's "add to cart" button (e.g. on a catalogue page without a cart). */
  @property({ type: Boolean, attribute: 'no-cart', reflect: true }) noCart = false;

  /** Hides each row's delivery promise (`<kontor-availability>`). */
  @property({ type: Boolean, attribute: 'no-availability', reflect: true }) noAvailability = false;

  /** Destination country of the rows' delivery promises (ISO 3166-1, e.g. `DE`). */
  @property() destination = 'DE';

  /** How often (seconds) the rows' delivery promises are asked again; 0: never. */
  @property({ type: Number, attribute: 'availability-refresh-seconds' }) availabilityRefreshSeconds = 60;

  /** Hides the search box and category filter. */
  @property({ type: Boolean, attribute: 'no-toolbar', reflect: true }) noToolbar = false;

  /**
   * Presentational mode: renders exactly these products and fetches nothing (no toolbar, no paging).
   * For previews, stories and pages that load products themselves. Leave unset to load from the server.
   */
  @property({ attribute: false }) items?: Product[];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.categoriesAbort?.abort();
    clearTimeout(this.debounce);
    // Load again when re-attached.
    this.loadedKey = undefined;
    this.categoriesFrom = undefined;
  }

  // Starting requests here, before render, sets the loading state without a second update.
  override willUpdate(): void {
    if (this.items) return;
    const client = this.resolveClient();
    const source = isKontorError(client) ? client.code : client;
    const key = [source, this.query, this.category, this.brand, this.sort, this.pageSize];
    if (!this.loadedKey || key.some((v, i) => v !== this.loadedKey![i])) {
      this.loadedKey = key;
      void this.load(client, false);
    }
    if (!isKontorError(client) && this.categoriesFrom !== client && !this.noToolbar) {
      this.categoriesFrom = client;
      void this.loadCategories(client);
    }
  }

  /** Products asked per page: `page-size`, within 1–100. */
  private get limit(): number {
    return Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 20));
  }

  private async load(client: KontorClient | KontorError, append: boolean): Promise<void> {
    this.abort?.abort();
    if (isKontorError(client)) {
      this.products = [];
      this.status = ListStatus.error;
      this.error = this.reportError(client);
      return;
    }
    const abort = (this.abort = new AbortController());
    this.status = append ? ListStatus.loadingMore : ListStatus.loading;
    this.error = undefined;
    try {
      const page = await client.catalogue.list(
        {
          ...(this.query.trim() ? { q: this.query.trim() } : {}),
          ...(this.category ? { category: this.category } : {}),
          ...(this.brand ? { brand: this.brand } : {}),
          ...(this.sort ? { sort: this.sort } : {}),
          limit: this.limit,
          // Counts for the filters come with the first page.
          ...(append && this.nextCursor ? { cursor: this.nextCursor } : this.noToolbar ? {} : { facets: 'true' as const }),
        },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      this.products = append ? [...this.products, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      if (!append) this.facets = page.facets;
      this.status = ListStatus.complete;
      this.announcement = this.products.length ? this.t.productsShown(this.products.length) : this.t.noProducts;
    } catch (error) {
      if (abort.signal.aborted) return;
      if (!append) this.products = [];
      this.status = ListStatus.error;
      this.error = this.reportError(error);
      this.retryAppends = append;
    }
  }

  private retryAppends = false;

  private async loadCategories(client: KontorClient): Promise<void> {
    this.categoriesAbort?.abort();
    const abort = (this.categoriesAbort = new AbortController());
    try {
      this.categories = await client.catalogue.categories({ signal: abort.signal });
    } catch (error) {
      // The list itself still works without the filter; report, don't block.
      if (!abort.signal.aborted) {
        this.categoriesFrom = undefined;
        this.reportError(error);
      }
    }
  }

  private onSearchInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.query = value;
    }, SEARCH_DEBOUNCE_MS);
  }

  private onSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      clearTimeout(this.debounce);
      this.query = (event.target as HTMLInputElement).value;
    }
  }

  private onCategoryChange(event: Event): void {
    this.category = (event.target as HTMLSelectElement).value;
  }

  private onDetailsToggle(product: Product, event: Event): void {
    if ((event.target as HTMLDetailsElement).open && !this.opened.has(product.sku)) {
      this.opened.add(product.sku);
      this.requestUpdate();
    }
  }

  private onBrandToggle(event: Event): void {
    const box = event.target as HTMLInputElement;
    const chosen = new Set(this.brand.split(',').filter(Boolean));
    if (box.checked) chosen.add(box.value);
    else chosen.delete(box.value);
    this.brand = [...chosen].join(',');
  }

  private onQuantityChange(product: Product, event: CustomEvent<{ quantity: number; valid: boolean }>): void {
    if (event.detail.valid) {
      this.quantities.set(product.sku, event.detail.quantity);
      this.requestUpdate();
    }
  }

  /** Loads the next page of products (what the "load more" button does). */
  loadMore(): Promise<void> {
    return this.load(this.resolveClient(), true);
  }

  /** Loads again after an error. */
  retry(): Promise<void> {
    return this.load(this.resolveClient(), this.retryAppends && this.products.length > 0);
  }

  /** Reloads the first page. */
  reload(): Promise<void> {
    return this.load(this.resolveClient(), false);
  }

  private renderToolbar() {
    const t = this.t;
    const lang = this.currentLang;
    return html`<div class="toolbar" part="toolbar" role="search">
      <label class="field">
        <span>${t.search}</span>
        <input
          part="search"
          type="search"
          .value=${this.query}
          placeholder=${t.searchPlaceholder}
          autocomplete="off"
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKeydown}
        />
      </label>
      <label class="field">
        <span>${t.category}</span>
        <select part="category" @change=${this.onCategoryChange}>
          <option value="" ?selected=${!this.category}>${t.allCategories}</option>
          ${this.categories.map(
            // With counts of the current search (and brands) once they came; zero-count categories stay choosable.
            (c) => html`<option value=${c.slug} ?selected=${c.slug === this.category}>${c.name[lang]} (${this.facets ? (this.facets.category.find((f) => f.value === c.slug)?.count ?? 0) : c.productCount})</option>`,
          )}
        </select>
      </label>
      ${this.renderBrands()}
    </div>`;
  }

  private renderBrands() {
    const chosen = this.brand.split(',').filter(Boolean);
    const brands = this.facets?.brand ?? [];
    // A chosen brand the current search no longer finds stays, so it can be unticked.
    for (const b of chosen) if (!brands.some((f) => f.value === b)) brands.push({ value: b, count: 0 });
    return brands.length
      ? html`<fieldset class="brands" part="brands">
          <legend>${this.t.brand}</legend>
          ${brands.map(
            (b) => html`<label><input type="checkbox" .value=${b.value} .checked=${chosen.includes(b.value)} @change=${this.onBrandToggle} />${b.value} (${b.count})</label>`,
          )}
        </fieldset>`
      : nothing;
  }

  private renderItem(product: Product) {
    const t = this.t;
    const lang = this.currentLang;
    const quantity = this.quantities.get(product.sku);
    const nameId = `name-${product.id}`;
    const quantityId = `quantity-${product.id}`;
    return html`<li part="item" aria-labelledby=${nameId} data-sku=${product.sku}>
      <div>
        <p class="name" part="name" id=${nameId}>${product.name[lang]}</p>
        ${product.brand ? html`<span class="brand" part="brand">${product.brand}</span>` : nothing}
        ${product.description[lang] ? html`<p class="description" part="description">${product.description[lang]}</p>` : nothing}
        <div class="meta" part="meta">
          <span>${t.sku} ${product.sku}</span>
          <span>${t.packSize(String(product.packSize), t.unit(product.unit, product.packSize))}</span>
        </div>
        ${product.status === 'discontinued'
          ? html`<span class="badge" part="badge"
              >${t.discontinued}${product.replacementSku ? html` · ${t.replacedBy(product.replacementSku)}` : nothing}</span
            >`
          : nothing}
        <details part="details" @toggle=${(e: Event) => this.onDetailsToggle(product, e)}>
          <summary>${t.details}<span class="visually-hidden"> ${product.name[lang]}</span></summary>
          <dl>
            ${product.brand ? html`<dt>${t.brand}</dt><dd>${product.brand}</dd>` : nothing}
            ${product.ean ? html`<dt>${t.ean}</dt><dd>${product.ean}</dd>` : nothing}
            <dt>${t.orderQuantities}</dt>
            <dd>${t.quantityRule(String(product.quantityRules.min), String(product.quantityRules.step), t.unit(product.unit, product.quantityRules.step))}</dd>
          </dl>
          ${product.description[lang] ? html`<p>${product.description[lang]}</p>` : nothing}
          ${product.price && product.status !== 'discontinued' && this.opened.has(product.sku) ? html`<kontor-price .product=${product} lang=${lang}></kontor-price>` : nothing}
        </details>
        ${this.items || this.noAvailability
          ? nothing
          : html`<kontor-availability
              part="availability"
              exportparts="base:availability-base, text:availability-text, icon:availability-icon, retry:availability-retry"
              sku=${product.sku}
              for=${quantityId}
              destination=${this.destination}
              refresh-seconds=${this.availabilityRefreshSeconds}
              lang=${lang}
            ></kontor-availability>`}
      </div>
      ${product.status === 'discontinued'
        ? // Nobody can order it: no price, no quantity (the badge names the replacement).
          nothing
        : html`<kontor-price part="price" collapse-tiers exportparts="base:price-base, unit-price:price-unit-price, line-total:price-line-total, tiers:price-tiers, tiers-details:price-tiers-details, tiers-summary:price-tiers-summary, next-tier:price-next-tier" .product=${product} .quantity=${quantity} lang=${lang}></kontor-price>
            <kontor-quantity
            id=${quantityId}
            part="quantity"
            exportparts="input:quantity-input, decrement:quantity-decrement, increment:quantity-increment, message:quantity-message"
            .product=${product}
            .quantity=${quantity}
            item-name=${product.name[lang]}
            lang=${lang}
            @kontor-quantity-change=${(e: CustomEvent<{ quantity: number; valid: boolean }>) => this.onQuantityChange(product, e)}
          ></kontor-quantity>`}
      ${this.noCart || this.items || !product.price || product.status !== 'active'
        ? nothing
        : html`<kontor-add-to-cart
            part="add-to-cart"
            exportparts="button:add-to-cart-button, status:add-to-cart-status, error:add-to-cart-error"
            sku=${product.sku}
            for=${quantityId}
            .quantity=${quantity ?? lowestValidQuantity(product.quantityRules)}
            item-name=${product.name[lang]}
            lang=${lang}
          ></kontor-add-to-cart>`}
    </li>`;
  }

  override render() {
    const t = this.t;
    const presentational = Array.isArray(this.items);
    const products = this.items ?? this.products;
    const loading = !presentational && this.status === ListStatus.loading;
    const busy = loading || this.status === ListStatus.loadingMore;
    return html`<div class="base" part="base">
      ${presentational || this.noToolbar ? nothing : this.renderToolbar()}
      <div class="visually-hidden" aria-live="polite">${presentational ? '' : busy ? t.loading : this.announcement}</div>
      ${!presentational && this.status === ListStatus.error && this.error
        ? html`<div class="error" part="error" role="alert">
            <span>${t.errorTitle} ${this.errorText(this.error)}</span>
            ${this.error.code === 'not_configured' ? nothing : html`<button type="button" part="retry" @click=${this.retry}>${t.retry}</button>`}
          </div>`
        : nothing}
      ${loading || (!presentational && this.status === ListStatus.initial)
        ? // A page of rows shaped like the real ones holds the page's place: nothing below jumps when they arrive.
          html`<ul class="skeleton" part="list" aria-busy="true" aria-label=${t.products}>
            ${Array.from({ length: this.limit }, () => skeletonRow(!this.noAvailability, !this.noCart))}
          </ul>
          <div class="more-space" aria-hidden="true"></div>`
        : products.length
          ? html`<ul part="list" aria-label=${t.products} aria-busy=${busy ? 'true' : 'false'}>
              ${repeat(products, (p) => p.id, (p) => this.renderItem(p))}
            </ul>`
          : this.status === ListStatus.error && !presentational
            ? nothing
            : html`<p class="empty" part="empty">${t.noProducts}</p>`}
      ${!presentational && this.nextCursor && this.status !== ListStatus.loading && this.status !== ListStatus.error
        ? html`<button type="button" class="more" part="load-more" aria-busy=${this.status === ListStatus.loadingMore ? "true" : "false"} @click=${this.loadMore}>
            ${t.loadMore}
          </button>`
        : nothing}
    </div>`;
  }
}
