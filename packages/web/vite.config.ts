import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { checkpointPwa } from './src/checkpoint/pwa.js';
import { p1ServiceWorker } from './src/p1/p1-sw-plugin.js';

const root = import.meta.dirname;

// Separate entries so the /p1 page a citizen's camera opens loads only what it needs.
export default defineConfig({
  root,
  plugins: [react(), checkpointPwa(), p1ServiceWorker()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: resolve(root, 'index.html'),
        p1: resolve(root, 'p1.html'),
        checkpoint: resolve(root, 'checkpoint.html'),
      },
      // The back office's screens load on first use (backoffice/routes.tsx); the code two or more
      // of them share goes into one chunk instead of dozens of sub-kilobyte ones.
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: 'backoffice-shared', test: /\/src\/backoffice\//, minShareCount: 2 }],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/.well-known': 'http://localhost:8080' } },
});
