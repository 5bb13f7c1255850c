// The cart's delivery promises, loaded on demand: fetched as soon as the cart is on the page, while
// the cart itself is fetched, and used once its lines are there (their promises need a request of
// their own anyway). The batcher, the controller and the wording are a tenth of a cart's weight.
export { PromisesController, promiseOf } from '../availability/availability.controller.js';
export { promiseText, requestErrorText } from '../availability/availability.text.js';
