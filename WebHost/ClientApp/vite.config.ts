import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Three pages (dashboard, volunteer, public center page), built into the web host's wwwroot (generated; never edited by hand).
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
        center: resolve(__dirname, 'center.html'),
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
