// A scanner writes a PDF over seconds, and the file is listed from its first byte: it is picked up only once
// its size and modification time have stayed the same over several looks at the folder.
import type { ListedFile } from './folder-listing';

interface Observation {
  size: number;
  mtimeMs: number;
  /** Consecutive looks that found the file unchanged. */
  looks: number;
}

export interface StabilityTracker {
  /** Records this look at the folder and gives the files unchanged for `looks` looks in a row. */
  observe(files: readonly ListedFile[]): ListedFile[];
  /** Starts counting again for a file (after a failed attempt, or when it must be looked at anew). */
  forget(name: string): void;
}

export function stabilityTracker(looks: number): StabilityTracker {
  const seen = new Map<string, Observation>();
  return {
    observe(files) {
      const present = new Set(files.map((file) => file.name));
      for (const name of seen.keys()) if (!present.has(name)) seen.delete(name);
      const stable: ListedFile[] = [];
      for (const file of files) {
        const before = seen.get(file.name);
        const same = before && before.size === file.size && before.mtimeMs === file.mtimeMs;
        const observation = { size: file.size, mtimeMs: file.mtimeMs, looks: same ? before.looks + 1 : 1 };
        seen.set(file.name, observation);
        if (file.size > 0 && observation.looks >= looks) stable.push(file);
      }
      return stable;
    },
    forget(name) {
      seen.delete(name);
    },
  };
}
