// A worker thread's TypeScript entry made into one plain ES module, for when the station runs from its
// sources (the CLI, `serve`, vitest); bin/korrigo-station.mjs bundles the CLI's own entry with it too.
// Compiling in each worker through tsx cost every worker a loader thread of its own, tsx's source maps
// (pdfjs' alone parse into ~40 MB of heap) and ~0.5 s of CPU; esbuild (tsx's own compiler) bundles the
// entry once per process in ~0.1 s, and workers start from that bundle.
// Packages stay outside it, imported by absolute URL, and each file keeps its own `import.meta.url`, so the
// bundle runs from a data: URL with nothing written to disk.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Plugin } from 'esbuild';

/** Bare imports (packages) left out of the bundle, each as the absolute URL it resolves to from its importer. */
const packagesByUrl: Plugin = {
  name: 'packages-by-url',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData === packagesByUrl) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: packagesByUrl,
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      // A Node built-in named without its prefix (`fs`) stays as it is.
      if (resolved.external) return { path: resolved.path, external: true };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
    // Code that finds files beside itself (resources, pdfjs' fonts) must see its own file, not the bundle.
    // A pattern, not the words as a string: this file is bundled too (the CLI's bundle holds it), and its
    // own string would be replaced.
    build.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll(
        /\bimport\.meta\.url\b/g,
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }));
  },
};

/** The entry file bundled into one ES module, as a data: URL a Worker starts from. */
export async function bundleWorker(entry: string): Promise<URL> {
  // Loaded only here: the desktop app starts its workers from files built beforehand and never needs it.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [packagesByUrl],
  });
  // Named in stack traces by its entry (with the bundle's line numbers), not by the whole data: URL.
  const code = `${result.outputFiles[0]!.text}\n//# sourceURL=${pathToFileURL(entry).href}.bundle.js\n`;
  return new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const bundles = new Map<string, Promise<URL>>();

/** A worker thread on the TypeScript file `entry`, started from its bundle, made once per process. */
export async function startBundledWorker(entry: string, options: WorkerOptions): Promise<Worker> {
  let bundled = bundles.get(entry);
  if (!bundled) {
    // A bundle that failed (a syntax error in the sources) is tried again by the next start.
    bundled = bundleWorker(entry).catch((error: unknown) => {
      bundles.delete(entry);
      throw error;
    });
    bundles.set(entry, bundled);
  }
  // Workers otherwise inherit the parent's flags: under tsx, a `--require` of its own that enables source
  // maps in every worker.
  return new Worker(await bundled, { ...options, execArgv: [] });
}
