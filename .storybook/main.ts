import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../packages/elements/src/**/*.stories.ts'],
  core: { disableTelemetry: true },
  async viteFinal(config) {
    return {
      ...config,
      resolve: {
        ...config.resolve,
        // Read workspace packages from their TypeScript sources (the `source` export condition);
        // the rest are Vite's default client conditions.
        conditions: ['source', 'module', 'browser', 'development|production'],
      },
      // nanostores (via @kontor/core) reads process.env.NODE_ENV.
      define: { ...config.define, 'process.env.NODE_ENV': '"development"' },
    };
  },
};

export default config;
