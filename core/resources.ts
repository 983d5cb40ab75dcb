import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files shipped beside the code (the cell classifier model). Found from this module's place when the
 * station runs from its sources (CLI, tests); a bundle that moves the code (the Electron core host) says
 * where they are with KORRIGO_RESOURCES_DIR. Resolved on each call, so a host may set it after imports.
 */
export function resourcePath(...parts: string[]): string {
  const dir = process.env.KORRIGO_RESOURCES_DIR || fileURLToPath(new URL('../resources', import.meta.url));
  return join(dir, ...parts);
}
