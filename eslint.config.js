import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist', 'dist-single', '.e2e-dist-*', 'node_modules', 'test-results', 'playwright-report', '.score'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The model is pure: no wall-clock time, timers or unseeded randomness (see src/kernel/README.md).
    files: ['src/kernel/**/*.ts', 'src/sim/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'performance', 'setTimeout', 'setInterval', 'requestAnimationFrame'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random' }, { object: 'Date', property: 'now' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'no wall-clock time in the model' }],
    },
  },
  {
    // Imports point inward (shared/style.md): the page sees the model only through the worker's protocol types,
    // and the model never sees the page.
    files: ['src/ui/**/*.{ts,tsx}', 'src/viz/**/*.ts', 'src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/kernel/**', '**/sim/**'], message: 'the page reads the model through src/worker/protocol.ts' }] }],
    },
  },
  {
    files: ['src/kernel/**/*.ts', 'src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui/**', '**/viz/**', '**/store/**', '**/worker/**'], message: 'the model never imports the page or the worker' }] }],
    },
  },
);
