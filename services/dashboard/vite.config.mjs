// Vite builds the dashboard into dist/services/dashboard, which the gateway serves at `/` (every run
// mode; the container image holds only dist/). `npx vite services/dashboard` runs it in development,
// with /api proxied to a running platform (npm start).
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: path.join(here, '..', '..', 'dist', 'services', 'dashboard'),
    emptyOutDir: true,
    // Everything is served by the gateway from local files: no CDN, no fonts from the internet.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
