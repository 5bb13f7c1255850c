// What every app reads besides its framework: where the Kontor server is (from the page's query
// string, `?endpoint=…&token=…&sku=…`, as a test or a developer hands it over) and one product
// as an app would hold it after fetching it (an object: frameworks must pass it as a property).

const params = new URLSearchParams(location.search);

/** The shop part renders only with an endpoint and a token. */
export const shop = {
  endpoint: params.get('endpoint') ?? '',
  token: params.get('token') ?? '',
  sku: params.get('sku') ?? '',
};

const eur = (amount) => ({ amount, currency: 'EUR' });

/** An LED bulb sold in tens, cheaper from 100 and from 500. */
export const sampleProduct = {
  id: 'prd_framework1',
  sku: 'LED-E27-806',
  name: { de: 'LED-Lampe E27 806 lm warmweiß', en: 'LED bulb E27 806 lm warm white' },
  description: { de: '', en: '' },
  category: 'leuchtmittel',
  brand: 'Kontor',
  ean: null,
  unit: 'piece',
  packSize: 10,
  taxClass: 'standard',
  status: 'active',
  replacementSku: null,
  quantityRules: { min: 10, step: 10, max: null },
  price: {
    currency: 'EUR',
    priceUnit: 1,
    source: 'base',
    tiers: [
      { minQuantity: 1, price: eur(349) },
      { minQuantity: 100, price: eur(319) },
      { minQuantity: 500, price: eur(289) },
    ],
  },
};

/** How the apps show a `kontor-quantity-change` detail they received: `30 (number, valid)`. */
export const describeQuantityChange = ({ quantity, valid }) => `${quantity} (${typeof quantity}, ${valid ? 'valid' : 'invalid'})`;

/** How the apps show a `kontor-cart-change` detail they received: `SKU × 3` for the line of `sku`. */
export const describeCartChange = ({ cart }, sku) => {
  const line = cart.lines.find((l) => l.sku === sku);
  return line ? `${line.sku} × ${line.quantity}` : `${sku} missing`;
};

/** How the apps list a `kontor-error`: `kontor-add-to-cart: <message>`. */
export const describeError = (event) => `${event.target.localName}: ${event.detail.error?.message ?? String(event.detail.error)}`;
