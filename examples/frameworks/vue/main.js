import { createApp } from 'vue';
import '@kontor/elements/kontor-shop.js';
import '@kontor/elements/kontor-quantity.js';
import '@kontor/elements/kontor-price.js';
import '@kontor/elements/kontor-add-to-cart.js';
import '@kontor/elements/kontor-cart.js';
import '@kontor/elements/themes/default.css';
import App from './App.vue';

// The elements are defined before mounting, so Vue sees their properties (`key in el`).
createApp(App).mount('#app');
