// Electron's main side, bundled to CommonJS in dist-electron/: main.cjs and core-host.cjs (the utility
// process running the core) in one build, preload.cjs in another. A sandboxed preload cannot load
// chunks, so it must never share one with main: separate builds guarantee that.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { EnvironmentOptions } from 'vite';
import packageJson from './package.json' with { type: 'json' };

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Runtime dependencies ship in node_modules next to the bundle (native ones cannot be bundled at all).
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(packageJson.dependencies),
].map((name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/.*)?$`));

function nodeBundle(input: Record<string, string>, emptyOutDir: boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    build: {
      outDir: here('./dist-electron'),
      emptyOutDir,
      // Electron 45 embeds Node 22.
      target: 'node22',
      minify: false,
      rollupOptions: {
        input,
        external,
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      },
    },
  };
}

export default defineConfig({
  environments: {
    main: nodeBundle(
      {
        main: here('./electron/main.ts'),
        'core-host': here('./electron/core-host.ts'),
        // The core host's reading threads, started from beside core-host.cjs.
        'read-worker': here('./core/identify/pool/read-worker.ts'),
        // The thumbnail cache's thread, likewise.
        'thumbnail-worker': here('./core/thumbnails/thumbnail-worker.ts'),
      },
      true,
    ),
    preload: nodeBundle({ preload: here('./electron/preload.ts') }, false),
  },
  builder: {
    buildApp: async (builder) => {
      const { main, preload } = builder.environments;
      if (!main || !preload)
        throw new Error('vite.electron.config.ts: main and preload environments are missing');
      await builder.build(main);
      await builder.build(preload);
    },
  },
});
