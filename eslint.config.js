import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'Only main/electron/ may import Electron.' };
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto', 'module', 'url'].flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test/artifacts/**', 'emulators/control-panel/index.html'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['main/core/**', 'main/bridge/**', 'main/browser/**', 'main/diag/**', 'main/launcher/**', 'devices/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['devices/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: ['**/main/**', '**/renderer/**', '**/emulators/**'] }],
    },
  },
  {
    files: ['emulators/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/devices/**', '**/main/**', '**/renderer/**'],
              message: 'Emulators are written from the spec and share no code with the kiosk.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' }))],
          patterns: [
            {
              group: ['**/main/core/**', '**/main/browser/**', '**/main/electron/**'],
              message: 'The renderer knows only the bridge contract.',
            },
          ],
        },
      ],
    },
  },
);
