import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two pages, built into the web host's wwwroot (generated; never edited by hand).
export default defineConfig({
  base: '/',
  build: {
    outDir: resolve(__dirname, '../wwwroot'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: resolve(__dirname, 'index.html'),
        volunteer: resolve(__dirname, 'volunteer.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:5000',
      '/hubs': { target: 'http://localhost:5000', ws: true },
    },
  },
});
