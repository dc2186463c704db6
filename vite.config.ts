import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { firstVisitPreloads } from './build/firstVisitPreloads.ts';
import { precompressed } from './build/precompressed.ts';
import { tfjsUrlFlags, tfjsUrlFlagsTransform } from './build/tfjsUrlFlags.ts';
import { ASSET_CACHE, DATA_CACHE, DATA_PATH, LAZY_ASSET_PATH, PAGE_CACHE, PRECACHE_GLOBS, PRECACHE_IGNORES } from './src/pwa/caching.ts';

// Only our own origin: scripts and wasm from 'self' ('wasm-unsafe-eval' lets tfjs compile its
// wasm backend), images and model reads from self/blob:/data:, camera streams as blob:/mediastream:.
// 'unsafe-inline' styles: KaTeX's markup carries style attributes. Nothing else, no CDN.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** The CSP as a meta tag in built pages (the dev server's hot reload needs inline scripts). */
function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  // the dev server's pre-bundled tfjs gets the same patch as the build (build/tfjsUrlFlags.ts)
  optimizeDeps: { rolldownOptions: { plugins: [tfjsUrlFlagsTransform()] } },
  plugins: [
    react(),
    tfjsUrlFlags(),
    cspMeta(),
    firstVisitPreloads(resolve(import.meta.dirname, 'public')),
    precompressed(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'SE Explainer',
        short_name: 'SE Explainer',
        description: 'Look inside every squeeze-and-excitation block of an SE-ResNet, offline, in the browser.',
        theme_color: '#1d2440',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // the app shell, KaTeX's woff2 fonts and the SIMD wasm binary; the model and the examples
        // are kept by the page from what it loaded (src/pwa/caching.ts explains why)
        globPatterns: PRECACHE_GLOBS,
        globIgnores: PRECACHE_IGNORES,
        runtimeCaching: [
          {
            urlPattern: ({ request, url }) => request.mode === 'navigate' && !url.pathname.endsWith('/bench.html'),
            handler: 'NetworkFirst',
            options: { cacheName: PAGE_CACHE, matchOptions: { ignoreSearch: true } },
          },
          // ignoreVary: vite preview answers `Vary: Origin`, and index.html's preloads (CORS mode,
          // same origin) must find what the page kept even when the two requests differ there
          { urlPattern: DATA_PATH, handler: 'NetworkFirst', options: { cacheName: DATA_CACHE, matchOptions: { ignoreVary: true } } },
          { urlPattern: LAZY_ASSET_PATH, handler: 'CacheFirst', options: { cacheName: ASSET_CACHE } },
        ],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        // no precached index.html (it would be downloaded twice): the page route above serves it
        navigateFallback: null,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // bench.html is the in-browser half of `npm run bench`
      input: { main: resolve(import.meta.dirname, 'index.html'), bench: resolve(import.meta.dirname, 'bench.html') },
    },
  },
  preview: {
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': `${contentSecurityPolicy}; frame-ancestors 'self'` },
  },
  server: { port: 5173 },
});
