import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// One-way imports: views/charts/store/compute never touch tfjs; only src/model does.
const noTfjs = {
  group: ['@tensorflow/*'],
  message: 'Only src/model (and src/backend) may import tfjs; go through the store instead.',
};
const noModel = {
  group: ['**/model/*', '**/model'],
  message: 'Views and charts reach the model only through the store (types live in src/types).',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results', 'playwright-report', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/compute/**', 'src/types/**', 'src/i18n/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTfjs, noModel, { group: ['react', 'react-dom', 'd3*', 'zustand'], message: 'compute, types and i18n are pure TypeScript.' }] }] },
  },
  {
    files: ['src/views/**', 'src/charts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTfjs, noModel] }] },
  },
  {
    files: ['src/store/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTfjs] }] },
  },
  {
    // the inference session is a plain class: no store, no React (the session slice adapts it)
    files: ['src/store/inferenceSession.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTfjs, { group: ['zustand', 'zustand/*', 'react', 'react-dom'], message: 'InferenceSession is plain TypeScript; slices/session.ts adapts it to the store.' }] }] },
  },
);
