// The default import: a JSON module has no named exports (esbuild, which bundles the CLI, holds to that).
import packageJson from '../../package.json' with { type: 'json' };

export const STATION_VERSION: string = packageJson.version;
