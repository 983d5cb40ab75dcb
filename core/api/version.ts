// A named import, so that bundlers keep this one field of package.json and not the whole file.
import { version } from '../../package.json' with { type: 'json' };

export const STATION_VERSION: string = version;
