// React 19: custom elements get props as properties when the element has them (so `min="10"`
// arrives as the string "10"), and `on<event-name>` props become listeners of that event.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@kontor/elements/kontor-shop.js';
import '@kontor/elements/kontor-quantity.js';
import '@kontor/elements/kontor-price.js';
import '@kontor/elements/kontor-add-to-cart.js';
import '@kontor/elements/kontor-cart.js';
import '@kontor/elements/themes/default.css';
import { describeCartChange, describeError, describeQuantityChange, sampleProduct, shop } from '../shared/page.js';

function App() {
  const [quantityChange, setQuantityChange] = useState('');
  const [cartChange, setCartChange] = useState('');
  const [errors, setErrors] = useState([]);
  const onError = (event) => setErrors((list) => [...list, describeError(event)]);

  return (
    <main>
      <h1>Kontor in React</h1>
      <section id="quantity">
        <kontor-quantity
          min="10"
          step="10"
          max="500"
          quantity="20"
          label="Menge"
          onkontor-quantity-change={(event) => setQuantityChange(describeQuantityChange(event.detail))}
        ></kontor-quantity>
        <output id="quantity-change">{quantityChange}</output>
      </section>
      <section id="price">
        <kontor-price product={sampleProduct} quantity="100" collapseTiers={true} onkontor-error={onError}></kontor-price>
      </section>
      {shop.endpoint && shop.token ? (
        <kontor-shop endpoint={shop.endpoint} token={shop.token} lang="de" onkontor-error={onError}>
          <kontor-add-to-cart
            sku={shop.sku}
            quantity="3"
            onkontor-cart-change={(event) => setCartChange(describeCartChange(event.detail, shop.sku))}
          ></kontor-add-to-cart>
          <output id="cart-change">{cartChange}</output>
          <kontor-cart id="cart"></kontor-cart>
          <kontor-cart id="summary" readonly={true}></kontor-cart>
        </kontor-shop>
      ) : null}
      <ul id="errors">
        {errors.map((message, i) => (
          <li key={i}>{message}</li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('app')).render(<App />);
