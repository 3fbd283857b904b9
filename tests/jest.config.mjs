import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nextJest from 'next/jest.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const createJestConfig = nextJest({ dir: rootDir });

const shared = {
  rootDir,
  testEnvironment: 'node',
  moduleNameMapper: {
    // `server-only` throws outside React Server Components; under jest the modules are plain Node code.
    '^server-only$': '<rootDir>/tests/helpers/server-only-stub.js',
    '^@/(.*)$': '<rootDir>/$1',
  },
};

export default async function jestConfig() {
  const unit = await createJestConfig({ ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)'] })();
  const integration = await createJestConfig({
    ...shared,
    displayName: 'integration',
    testMatch: ['<rootDir>/tests/integration/**/*.test.ts?(x)'],
    testTimeout: 60_000,
  })();
  return { projects: [unit, integration] };
}
