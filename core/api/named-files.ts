// The files of the caller's disk an API call would read, and the folders it would write. A transport that
// lets its callers name only some files (the browser: its uploads) checks these before the call.

export function filesNamedBy(name: string, args: unknown): string[] {
  if (typeof args !== 'object' || args === null) return [];
  const { scans, roster, folder } = args as { scans?: unknown; roster?: unknown; folder?: unknown };
  const named =
    name === 'batches.process'
      ? [...(Array.isArray(scans) ? (scans as unknown[]) : []), roster]
      : name === 'station.setHotFolder'
        ? [folder, roster]
        : [];
  return named.filter((path): path is string => typeof path === 'string');
}

/**
 * Whether the call chooses the folder the station watches (or stops it): a caller limited to its own files
 * may not, whatever it names, as it may not choose an output folder.
 */
export function choosesWatchedFolder(name: string): boolean {
  return name === 'station.setHotFolder';
}

/** The output folder a call names (`outDir`): a caller limited to its own files may not choose one. */
export function folderWrittenBy(args: unknown): string | undefined {
  if (typeof args !== 'object' || args === null) return undefined;
  const { outDir } = args as { outDir?: unknown };
  return typeof outDir === 'string' ? outDir : undefined;
}
