import { mount } from 'svelte';
import '@kontor/elements/kontor-shop.js';
import '@kontor/elements/kontor-quantity.js';
import '@kontor/elements/kontor-price.js';
import '@kontor/elements/kontor-add-to-cart.js';
import '@kontor/elements/kontor-cart.js';
import '@kontor/elements/themes/default.css';
import App from './App.svelte';

// The elements are defined before mounting, so Svelte sees their property setters.
mount(App, { target: document.getElementById('app') });
