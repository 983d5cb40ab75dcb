// The checkpoint hook of side readings: a job that resumes must not render or read a side twice, and a
// side read is handed to the cache at once, so a kill loses at most the side being read.
import { describe, expect, it } from 'vitest';
import type { SideReading, SideReadingCache } from '../../core/identify/types';
import { loadSources } from '../../core/pipeline/load-sources';
import { planStack } from '../../core/pipeline/plan-stack';
import { loadRoster } from '../../core/roster/load-roster';
import { generateBatch } from '../generator/generate';
import { writeBatch } from '../generator/write-batch';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();

function recordingCache(initial: Map<string, SideReading> = new Map()) {
  const stored = new Map(initial);
  const puts: string[] = [];
  const cache: SideReadingCache = {
    get: (key) => stored.get(key),
    put: (key, reading) => {
      puts.push(key);
      // A store keeps JSON: what comes back must be what was put.
      stored.set(key, JSON.parse(JSON.stringify(reading)) as SideReading);
    },
  };
  return { cache, stored, puts };
}

describe('planStack with a side reading cache', () => {
  it(
    'puts every side as soon as it is read, and reads no cached side again',
    { timeout: 300_000 },
    async () => {
      const batch = await generateBatch({
        seed: 7,
        shape: 'jpeg',
        dpi: 150,
        students: 2,
        present: 2,
        sheetsPerStudent: [1, 1],
        fonts: ['Humor Sans'],
        versoFirst: 1,
      });
      const { scans, roster } = await writeBatch(batch, tempDir());
      const sources = await loadSources(scans);
      const students = (await loadRoster(roster)).students;
      const sha = sources[0]!.sha256;

      const first = recordingCache();
      const putsAtProgress: number[] = [];
      const fresh = await planStack(sources, students, {
        sideReadings: first.cache,
        onSheet: () => putsAtProgress.push(first.puts.length),
      });
      // Sides are read in parallel: each is put once, in the order they finish.
      expect([...first.puts].sort()).toEqual(batch.truth.sides.map((side) => `${sha}:${side.source}`).sort());
      expect(putsAtProgress).toEqual([1, 2, 3, 4]);
      expect(fresh.units.map((unit) => unit.kind)).toEqual(['sheet', 'sheet']);

      // Resumed on scans that can no longer be rendered: only the cache can give the same plan.
      const second = recordingCache(first.stored);
      const unrenderable = sources.map((source) => ({ ...source, bytes: new Uint8Array() }));
      const resumed = await planStack(unrenderable, students, { sideReadings: second.cache });
      expect(second.puts).toEqual([]);
      expect(resumed.copies).toEqual(fresh.copies);
      expect(resumed.units).toEqual(fresh.units);

      // And the cache is what pairing follows: sides the cache calls versos and rectos, verso first.
      const swapped = new Map(
        [...first.stored]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, reading], i) => [
            key,
            { ...reading, role: i % 2 === 0 ? 'verso' : 'recto' } as SideReading,
          ]),
      );
      const fromCache = await planStack(unrenderable, students, {
        sideReadings: recordingCache(swapped).cache,
      });
      expect(
        fromCache.units.map((unit) => (unit.kind === 'sheet' ? [unit.recto.source, unit.verso.source] : [])),
      ).toEqual([
        [2, 1],
        [4, 3],
      ]);
    },
  );
});
