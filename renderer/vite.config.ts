import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';
import { cssVariables } from './src/theme/tokens.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const outDir = here('../dist/renderer');

/**
 * `import 'virtual:tokens.css'`: the design tokens' custom properties (standard scale) as a stylesheet, so the first
 * paint — the attract shell served with the page, before any script — is styled by the same tokens. 长辈模式 still
 * sets the elderly scale on the root element at run time (App.tsx).
 */
function tokensCss(): Plugin {
  const id = 'virtual:tokens.css';
  return {
    name: 'kiosk-tokens-css',
    resolveId: (source) => (source === id ? '\0' + id : null),
    load: (resolved) =>
      resolved === '\0' + id
        ? `:root {\n${Object.entries(cssVariables(false))
            .map(([k, v]) => `  ${k}: ${v};`)
            .join('\n')}\n}\n`
        : null,
  };
}

/**
 * Builds `src/attract-shell/render.ts` for Node into `dist/renderer/attract-shell.mjs`, next to the index.html it
 * fills: the core imports it to serve the attract screen with the page (main/browser/attract-shell.ts).
 */
function attractShellModule(): Plugin {
  return {
    name: 'kiosk-attract-shell',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        root: here('.'),
        build: {
          ssr: here('./src/attract-shell/render.ts'),
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          rolldownOptions: { output: { entryFileNames: 'attract-shell.mjs', format: 'es' } },
        },
      });
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react(), tokensCss(), attractShellModule()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    // never inline assets as data: URLs — the kiosk's CSP allows fonts and scripts only from itself
    assetsInlineLimit: 0,
    // no <link rel=modulepreload> in the page itself: the attract shell paints first, and the entry's chunks are
    // fetched once the entry asks for them (a local round trip) instead of all competing with that first frame
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? [] : deps) },
  },
});
