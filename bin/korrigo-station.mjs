#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node
// Two malloc arenas, not glibc's default of eight a core: each reading worker and each libvips thread
// otherwise gets an arena of its own, and an arena keeps the memory freed in it (~45 MB each at the peak
// of a 400-side batch). Read by glibc as the process starts, so set here; `npm run serve` and the app do
// without it.
// The CLI runs straight from the TypeScript sources (no build step after `npm ci`): its entry is bundled into
// one ES module in memory by esbuild, as the worker threads are (core/identify/pool/worker-bundle.ts), not
// compiled file by file on load by tsx, whose loader thread and source maps held ~50 MB of the process's
// memory for its whole run. The bundler is itself a TypeScript file: esbuild makes it loadable first.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dataUrl = (code) => `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
const source = (path) => fileURLToPath(new URL(path, import.meta.url));
// A module running from a data: URL cannot resolve a package by name: esbuild is given by its location.
const esbuildByUrl = {
  name: 'esbuild-by-url',
  setup: (bundler) =>
    bundler.onResolve({ filter: /^esbuild$/ }, () => ({
      path: import.meta.resolve('esbuild'),
      external: true,
    })),
};
const bundler = await build({
  entryPoints: [source('../core/identify/pool/worker-bundle.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'silent',
  plugins: [esbuildByUrl],
});
const { bundleWorker } = await import(dataUrl(bundler.outputFiles[0].text));
const { main } = await import((await bundleWorker(source('../cli/main.ts'))).href);
process.exitCode = await main(process.argv.slice(2));
