// The station's dependency rules, run by `npm run lint` (`depcruise`). dependency-cruiser rather than an
// eslint import plugin: it counts `import type` as a dependency, so a cycle of types is caught too, and
// it checks what a file reaches, not only what it imports (Electron main must never load the store).

/** core/ from the bottom up: a folder may import its own layer and those below, never one above. */
const CORE_LAYERS = [
  ['errors.ts', 'manifest.ts', 'resources.ts', 'data-dir.ts', 'sha256.ts'],
  ['roster', 'pdf'],
  ['identify'],
  ['pipeline'],
  ['decisions'],
  ['api'],
  ['store'],
  ['jobs'],
  ['watch'],
  ['station'],
  ['server'],
];

const pathOf = (names) => `^core/(${names.map((name) => name.replace('.', '\\.')).join('|')})(/|$)`;

const layerRules = CORE_LAYERS.slice(0, -1).map((names, index) => ({
  name: `layer-${names.join('-')}`,
  comment: `core/${names.join(', core/')} may not import a layer above it (see CORE_LAYERS)`,
  severity: 'error',
  from: { path: pathOf(names) },
  to: { path: pathOf(CORE_LAYERS.slice(index + 1).flat()) },
}));

/** Packages that load native code: the renderer and Electron main must never reach them. */
const NATIVE = 'node_modules/(better-sqlite3|sharp|@napi-rs|pdfjs-dist|@img)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Import cycles, type-only ones included: give the shared piece a file both can import',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'core-knows-no-shell',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(cli|electron|renderer|test|bench|scripts)/' },
    },
    {
      name: 'core-has-no-ui',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: 'node_modules/(electron|react|react-dom)/' },
    },
    {
      name: 'api-is-browser-safe',
      comment:
        'core/api is the contract the renderer compiles: at run time it may use only itself, core/errors and ' +
        'core/manifest; everything else only as types',
      severity: 'error',
      from: { path: '^core/api/' },
      to: {
        pathNot: '^core/(api/|errors\\.ts$|manifest\\.ts$)|^package\\.json$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'api-has-no-node',
      severity: 'error',
      from: { path: '^core/api/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-sees-only-the-api',
      comment: 'The renderer talks to the station through core/api, in Electron and in the browser alike',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(core/(?!api/)|electron/|cli/)' },
    },
    {
      name: 'renderer-has-no-node',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'electron-main-loads-no-store',
      comment:
        'Electron main and preload stay light and rebuild-free: the store, the pipeline and native modules ' +
        'run in the core host (electron/core-host.ts), a utility process main starts by its path',
      severity: 'error',
      from: { path: '^electron/(main|preload)\\.ts$' },
      to: { path: `^core/(store|jobs|station|identify|pdf|watch)/|${NATIVE}`, reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` counts: a cycle of types is still a cycle for a reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
