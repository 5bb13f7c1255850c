import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import '../packages/elements/src/themes/default.css';
import '../packages/elements/src/kontor.js';

// Attributes, properties, events, slots, parts and CSS properties in the controls panel
// come from the analyzer's manifest (written by `pnpm --filter @kontor/elements analyze`).
setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    layout: 'padded',
  },
};

export default preview;
