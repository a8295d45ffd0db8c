import { VitePWA } from 'vite-plugin-pwa';

/**
 * The checkpoint app's service worker (vite-plugin-pwa, generateSW): precaches the app
 * shell, the decoder's .wasm and the JSON beside them, so /checkpoint opens and scans with
 * no network. It is registered by the app itself with scope /checkpoint, and the manifest
 * is linked only from checkpoint.html (public/checkpoint.webmanifest): the /p1 page and the
 * back office are neither installable nor controlled by it.
 */
export function checkpointPwa() {
  return VitePWA({
    strategies: 'generateSW',
    filename: 'checkpoint-sw.js',
    scope: '/checkpoint',
    injectRegister: false,
    manifest: false,
    includeManifestIcons: false,
    workbox: {
      globPatterns: ['checkpoint.html', 'assets/**/*.{js,css,wasm,png,json}', '*.{webmanifest,png,json}'],
      // The decoder's wasm is about 1 MB.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      navigateFallback: '/checkpoint.html',
      navigateFallbackAllowlist: [/^\/checkpoint(?:\.html)?(?:[/?#]|$)/],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
      // Lists and the API are never served by the service worker: the app keeps the lists
      // in IndexedDB and must see the network's real answer (or its absence).
      runtimeCaching: [],
    },
  });
}
