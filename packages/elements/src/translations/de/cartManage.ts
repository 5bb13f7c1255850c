import type { CartManageStrings } from '../translation.js';

/** German: the cart's dialogs and history. */
export const cartManage: CartManageStrings = {
  cartName: 'Name',
  save: 'Speichern',
  handOffTitle: 'Warenkorb übergeben',
  handOffToColleague: 'An eine Kollegin oder einen Kollegen',
  handOffToChannel: 'An einen anderen Kanal (z. B. Partnerportal)',
  colleague: 'Person',
  channel: 'Kanal',
  channelName: (channel) => ({ web: 'Webshop', partner: 'Partnerportal', sales_rep: 'Außendienst', chat: 'Chat', api: 'API' })[channel],
  handOffCode: 'Übergabe-Code',
  handOffCodeHint: (time) => `Gültig bis ${time} Uhr, einmal verwendbar.`,
  handOffLink: 'Dort fortsetzen',
  historyKind: (kind) =>
    ({ created: 'angelegt', changed: 'geändert', renamed: 'umbenannt', activated: 'aktiviert', handed_off: 'übergeben', claimed: 'übernommen' })[kind],
};
