import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', 'examples/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // One namespace per message (method + types), as vscode-eslint types its protocol.
    files: ['server/src/protocol.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    // The graph webview runs in a browser: no Node or editor APIs.
    files: ['webview/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['vscode', 'vscode-*', 'node:*', 'fs', 'path', 'child_process'], message: 'webview/src runs in a browser.' }] },
      ],
    },
  },
  {
    // The analysis core stays pure: no editor or protocol types leak into it.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*'], message: 'server/src/core must not depend on VS Code or LSP packages.' }] },
      ],
    },
  },
);
