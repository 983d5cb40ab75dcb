// The files of the caller's disk an API call would read. A transport that lets its callers name only some
// files (the browser: its uploads; the desktop app: what the operator picked) checks these before the call.

export function filesNamedBy(name: string, args: unknown): string[] {
  if (name !== 'batches.process' || typeof args !== 'object' || args === null) return [];
  const { scans, roster } = args as { scans?: unknown; roster?: unknown };
  const named = [...(Array.isArray(scans) ? (scans as unknown[]) : []), roster];
  return named.filter((path): path is string => typeof path === 'string');
}
