import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/electron/main.ts') } },
    },
  },
  preload: {
    // A sandboxed preload may only require('electron'): one self-contained CommonJS file.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      // report.html is the print page: the PDF is Chromium printing it (see src/main/export).
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          report: resolve(__dirname, 'src/renderer/report.html'),
        },
      },
    },
  },
});
