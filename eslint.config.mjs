import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  // The owner named next.config.js; Next loads it as CommonJS. Other .cjs files are CommonJS on purpose.
  { files: ['next.config.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'tests/.artifacts/**', 'playwright-report/**', 'test-results/**'] },
];

export default config;
