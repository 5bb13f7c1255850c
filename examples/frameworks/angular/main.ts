// Angular 20: a standalone component, compiled just in time (@angular/compiler), without zone.js.
// Static attributes (`min="10"`) stay attributes; `[x]` binds a property, and Angular maps a few
// names to DOM properties first — `[readonly]` sets `readOnly`. `(kontor-…)` listens.
import '@angular/compiler';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import '@kontor/elements/kontor-shop.js';
import '@kontor/elements/kontor-quantity.js';
import '@kontor/elements/kontor-price.js';
import '@kontor/elements/kontor-add-to-cart.js';
import '@kontor/elements/kontor-cart.js';
import '@kontor/elements/themes/default.css';
import { describeCartChange, describeError, describeQuantityChange, sampleProduct, shop } from '../shared/page.js';

@Component({
  selector: 'kontor-framework-app',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Kontor in Angular</h1>
      <section id="quantity">
        <kontor-quantity
          min="10"
          step="10"
          max="500"
          quantity="20"
          label="Menge"
          (kontor-quantity-change)="onQuantityChange($event)"
        ></kontor-quantity>
        <output id="quantity-change">{{ quantityChange() }}</output>
      </section>
      <section id="price">
        <kontor-price [product]="product" quantity="100" [collapseTiers]="true" (kontor-error)="onError($event)"></kontor-price>
      </section>
      @if (shop.endpoint && shop.token) {
        <kontor-shop [endpoint]="shop.endpoint" [token]="shop.token" lang="de" (kontor-error)="onError($event)">
          <kontor-add-to-cart [sku]="shop.sku" quantity="3" (kontor-cart-change)="onCartChange($event)"></kontor-add-to-cart>
          <output id="cart-change">{{ cartChange() }}</output>
          <kontor-cart id="cart"></kontor-cart>
          <kontor-cart id="summary" [readonly]="true"></kontor-cart>
        </kontor-shop>
      }
      <ul id="errors">
        @for (message of errors(); track $index) {
          <li>{{ message }}</li>
        }
      </ul>
    </main>
  `,
})
class App {
  protected readonly shop = shop;
  protected readonly product = sampleProduct;
  protected readonly quantityChange = signal('');
  protected readonly cartChange = signal('');
  protected readonly errors = signal<string[]>([]);

  protected onQuantityChange(event: Event): void {
    this.quantityChange.set(describeQuantityChange((event as CustomEvent<{ quantity: number; valid: boolean }>).detail));
  }

  protected onCartChange(event: Event): void {
    this.cartChange.set(describeCartChange((event as CustomEvent).detail, shop.sku));
  }

  protected onError(event: Event): void {
    this.errors.update((list) => [...list, describeError(event as CustomEvent)]);
  }
}

bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
