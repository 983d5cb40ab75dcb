// The files of the caller's disk an API call would read, and the folders it would write. A transport that
// lets its callers name only some files (the browser: its uploads) checks these before the call.

export function filesNamedBy(name: string, args: unknown): string[] {
  if (name !== 'batches.process' || typeof args !== 'object' || args === null) return [];
  const { scans, roster } = args as { scans?: unknown; roster?: unknown };
  const named = [...(Array.isArray(scans) ? (scans as unknown[]) : []), roster];
  return named.filter((path): path is string => typeof path === 'string');
}

/** The output folder a call names (`outDir`): a caller limited to its own files may not choose one. */
export function folderWrittenBy(args: unknown): string | undefined {
  if (typeof args !== 'object' || args === null) return undefined;
  const { outDir } = args as { outDir?: unknown };
  return typeof outDir === 'string' ? outDir : undefined;
}
