/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { japanPrefectures } from './scripts/japan-prefectures.ts';

// The API (scripts/run) listens here; in development Vite serves the SPA and forwards everything else to it.
const api = 'http://127.0.0.1:8080';

export default defineConfig({
  // japanPrefectures: the map's prefecture outlines, built from an installed package (scripts/japan-prefectures.ts).
  plugins: [react(), japanPrefectures()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
      '/swagger': api,
      '/.well-known': api,
    },
  },
  preview: {
    host: '127.0.0.1',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    setupFiles: ['src/testing/setup-tests.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
