// What the browser UI does before batches.process: upload each file it names, then name the uploads. The
// HTTP transport reads no other file, so tests that name files on disk go through this.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { KorrigoBridge } from '../../core/api/contract';
import type { KorrigoHttpBridge } from '../../core/api/http-bridge';

export function uploadingBridge(bridge: KorrigoHttpBridge): KorrigoBridge {
  const upload = async (path: string): Promise<string> => {
    const bytes = await readFile(path).catch(() => null);
    // A missing file stays a missing path: the station answers for it.
    if (bytes === null) return path;
    const reply = await bridge.upload(new Blob([bytes]), basename(path));
    if (!reply.ok) throw new Error(`upload of ${path} failed: ${reply.error.message}`);
    return reply.result.path;
  };
  return {
    version: bridge.version,
    on: bridge.on,
    invoke: (async (name: string, args: unknown) => {
      if (name !== 'batches.process' || typeof args !== 'object' || args === null)
        return bridge.invoke(name as never, args as never);
      const { scans, roster, ...rest } = args as { scans?: unknown; roster?: unknown };
      return bridge.invoke('batches.process', {
        ...rest,
        ...(Array.isArray(scans)
          ? { scans: await Promise.all(scans.map((scan) => upload(String(scan)))) }
          : {}),
        ...(typeof roster === 'string' ? { roster: await upload(roster) } : {}),
      } as never);
    }) as KorrigoBridge['invoke'],
  };
}
