import type { CartManageStrings } from '../translation.js';

/** English: the cart's dialogs and history. */
export const cartManage: CartManageStrings = {
  cartName: 'Name',
  save: 'Save',
  handOffTitle: 'Hand off the cart',
  handOffToColleague: 'To a colleague',
  handOffToChannel: 'To another channel (e.g. a partner portal)',
  colleague: 'Colleague',
  channel: 'Channel',
  channelName: (channel) => ({ web: 'Web shop', partner: 'Partner portal', sales_rep: 'Sales rep', chat: 'Chat', api: 'API' })[channel],
  handOffCode: 'Hand-off code',
  handOffCodeHint: (time) => `Valid until ${time}, single use.`,
  handOffLink: 'Continue there',
  historyKind: (kind) =>
    ({ created: 'created', changed: 'changed', renamed: 'renamed', activated: 'activated', handed_off: 'handed off', claimed: 'taken over' })[kind],
};
