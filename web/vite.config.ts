import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The web app lives in web/; the server (src/) serves the build from dist/web
// with an SPA fallback. In development Vite proxies the API to the server.
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'mantine', test: /node_modules[\\/](@mantine[\\/](core|hooks|notifications|form|store)|@floating-ui|react-number-format|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-callback-ref|use-sidecar|react-transition-group|tabbable|clsx|get-nonce|detect-node-es)[\\/]/, priority: 20 },
            // @mantine/dates stays with the audit page, the only one with a date picker.
            { name: 'vendor', test: /node_modules[\\/](?!@mantine[\\/]dates)/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
  // Web unit tests: `npx vitest run --config web/vite.config.ts` (the root
  // vitest.config.ts is for the server and leaves web/ out).
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
