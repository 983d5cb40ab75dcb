// The renderer: one static bundle (dist/renderer) that both shells serve, Electron through app://korrigo
// and `korrigo-station serve` over loopback HTTP.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Electron 45 ships Chromium 140; Debian's Chromium is newer.
    target: 'chrome140',
  },
});
