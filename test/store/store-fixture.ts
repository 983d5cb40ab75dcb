// A small stored batch for tests: vector-drawn scans (fast), the fixture roster, a store in a temp folder.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore } from '../../core/store/open-store';
import type { OpenStoreOptions, Store } from '../../core/store/open-store';
import { buildScanPdf, sheetSides } from '../pipeline/fixtures';
import type { FixturePage } from '../pipeline/fixtures';
import { ROSTER_CSV } from '../pipeline/roster-fixture';

/** Opens stores in the test's folder and closes them after the test. */
export function useStores(tempDir: () => string): (options?: OpenStoreOptions & { file?: string }) => Store {
  const open: Store[] = [];
  afterEach(() => {
    for (const store of open.splice(0)) if (store.db.open) store.close();
  });
  return (options = {}) => {
    const store = openStore(join(tempDir(), options.file ?? 'station.sqlite'), options);
    open.push(store);
    return store;
  };
}

export async function writeScan(dir: string, name: string, pages: FixturePage[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, (await buildScanPdf(pages)).bytes);
  return path;
}

export async function writeRoster(dir: string, csv = ROSTER_CSV, name = 'eleves.csv'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, csv);
  return path;
}

/** SKM1: two sheets; SKM2: one sheet, a loose A4 page and a recto without its verso. */
export async function writeExamDay(dir: string): Promise<string[]> {
  return [
    await writeScan(dir, 'SKM1.pdf', sheetSides(2)),
    await writeScan(dir, 'SKM2.pdf', [
      ...sheetSides(1).map((side) => ({ ...side, labels: side.labels.map((l) => l.replace('S1', 'S3')) })),
      { kind: 'a4', labels: ['Annex'] },
      { kind: 'a3', labels: ['S4 P4', 'S4 P1'] },
    ]),
  ];
}

export const FIXED_NOW = () => new Date('2026-03-02T08:30:00.000Z');
