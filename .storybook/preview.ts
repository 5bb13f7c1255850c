import type { Preview } from '@storybook/web-components-vite';
import '../packages/elements/src/themes/default.css';
import '../packages/elements/src/kontor.js';

const preview: Preview = {
  parameters: {
    layout: 'padded',
  },
};

export default preview;
