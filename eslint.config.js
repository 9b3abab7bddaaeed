// Lint is where the architecture is enforced: services never import each other, libraries never import
// services, and a `domain/` folder stays pure (no framework, database or broker imports).
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

const infrastructureModules = ['@nestjs/*', 'pg', 'pg-*', 'typeorm', 'kafkajs', 'ioredis', 'express', '@ishc/event-store', '@ishc/messaging', '@ishc/platform', '@ishc/observability'];

// Test code (specs and their support folders) may also use libs/testing; production code may not.
const testFiles = ['**/*.spec.ts', '**/spec-support/**/*.ts', 'libs/*/src/testing/**/*.ts', 'tests/**/*.ts'];

// A library's test kit (`@ishc/<lib>/testing`: fake event stores, fixtures) is for specs only. The tag rule
// above cannot see it: the kit belongs to an infra library.
const testKits = { group: ['@ishc/*/testing', '@ishc/*/testing/*'], message: 'test kits are for specs and spec-support only.' };
const pureDomain = { group: infrastructureModules, message: 'domain/ code stays pure: no framework, database or broker imports.' };

function moduleBoundaries({ testCode }) {
  const testing = testCode ? ['type:testing'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:registry', onlyDependOnLibsWithTags: ['scope:shared', 'scope:registry'] },
      { sourceTag: 'scope:activities', onlyDependOnLibsWithTags: ['scope:shared', 'scope:activities'] },
      { sourceTag: 'scope:microfinance', onlyDependOnLibsWithTags: ['scope:shared', 'scope:microfinance'] },
      { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:shared', 'scope:reporting'] },
      { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
      // The dashboard runs in a browser: at most the pure contracts, never a Node library.
      { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:testing'] },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', ...testing] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', ...testing] },
      { sourceTag: 'type:contracts', bannedExternalImports: ['@nestjs/*', 'pg', 'typeorm', 'kafkajs', 'ioredis'] },
    ],
  };
}

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/tmp/**', '**/.data/**', '**/.nx/**', 'infra/**/lib/**', 'apps/dashboard/**', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ testCode: false })],
    },
  },
  {
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ testCode: true })] },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [testKits] }] },
  },
  {
    // Domain logic is pure: decide/evolve and value rules, testable without any process or I/O.
    files: ['**/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [pureDomain, testKits] }] },
  },
  {
    // (One rule, one option set per file: the domain's specs keep purity but may use test kits.)
    files: ['**/domain/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [pureDomain] }] },
  },
];
