import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeneratedBatch } from './types';

/** Writes a generated batch's scan files and its UTF-8 roster into `dir`, as a scan room would hand them over. */
export async function writeBatch(
  batch: GeneratedBatch,
  dir: string,
): Promise<{ scans: string[]; roster: string }> {
  const scans: string[] = [];
  for (const file of batch.files) {
    scans.push(join(dir, file.name));
    await writeFile(join(dir, file.name), file.bytes);
  }
  const roster = join(dir, 'eleves.csv');
  await writeFile(roster, batch.roster.csvUtf8);
  return { scans, roster };
}
