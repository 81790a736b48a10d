import path from 'node:path';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

const noElectron = { name: 'electron', message: 'Only main/electron/ may import Electron.' };
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto', 'module', 'url'].flatMap((m) => [m, `node:${m}`]);

/**
 * The core knows a device family only through its `devices/<family>/index.ts` (contract, guard, driver modules)
 * and the shared `devices/core`. Resolved against the importing file, so the core's own `main/core/devices/` is
 * not confused with the top-level `devices/`.
 */
const deviceBoundary = {
  meta: {
    type: 'problem',
    messages: { deep: 'The core imports a device family only through devices/{{family}}/index.ts (or devices/core): not {{target}}.' },
  },
  create(context) {
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.relative(path.join(root, 'devices'), path.resolve(path.dirname(context.filename), spec));
      if (target.startsWith('..') || path.isAbsolute(target)) return;
      const [family, ...rest] = target.split(path.sep);
      if (family === 'core' || (rest.length === 1 && /^index\.(js|ts)$/.test(rest[0]))) return;
      context.report({ node: node.source, messageId: 'deep', data: { family, target: `devices/${target}` } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

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
    files: ['main/core/**', 'main/bridge/**', 'main/browser/**', 'main/diag/**', 'main/launcher/**', 'devices/**', 'fleet/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['main/core/**'],
    plugins: { kiosk: { rules: { 'device-boundary': deviceBoundary } } },
    rules: { 'kiosk/device-boundary': 'error' },
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
