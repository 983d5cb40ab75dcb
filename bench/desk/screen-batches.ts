// The desk benchmark's generated batches, with their ground truth (who wrote each page), cached outside git
// like the station benchmark's and rebuilt when the generator changes.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateBatch } from '../../test/generator/generate';
import type { BatchTruth, GenerateOptions } from '../../test/generator/types';
import { writeBatch } from '../../test/generator/write-batch';
import { CACHE_DIR, generatorHash } from '../station/batches';
import { twistRoster, type RosterTwists } from './roster-twists';

export interface ScreenBatch {
  scans: string[];
  roster: string;
  truth: BatchTruth;
}

/** `name`, the options, the roster twists and the generator's sources key the cache. */
export async function screenBatch(
  name: string,
  options: GenerateOptions,
  log: (line: string) => void,
  twists?: RosterTwists,
): Promise<ScreenBatch> {
  const optionsHash = createHash('sha256')
    .update(JSON.stringify(twists ? { options, twists } : options))
    .digest('hex')
    .slice(0, 8);
  const key = `desk-${name}-${options.shape}-${options.dpi}dpi-${options.students}-${optionsHash}`;
  const dir = join(CACHE_DIR, `${key}-${await generatorHash()}`);
  const done = join(dir, 'truth.json');
  if (!existsSync(done)) {
    log(`generating ${key} into ${dir} (once; cached)`);
    const building = `${dir}.building-${process.pid}`;
    await rm(building, { recursive: true, force: true });
    await mkdir(building, { recursive: true });
    const generated = await generateBatch(options);
    if (twists) generated.roster.csvUtf8 = twistRoster(generated, twists, log);
    await writeBatch(generated, building);
    const described = {
      files: generated.files.map((file) => file.name),
      truth: generated.truth,
    };
    await writeFile(join(building, 'truth.json'), JSON.stringify(described));
    await rm(dir, { recursive: true, force: true });
    await rename(building, dir);
  }
  const described = JSON.parse(await readFile(done, 'utf8')) as {
    files: string[];
    truth: BatchTruth;
  };
  return {
    scans: described.files.map((file) => join(dir, file)),
    roster: join(dir, 'eleves.csv'),
    truth: described.truth,
  };
}

/** 30 students on 60-odd A3 sides, with copies to review: near twins, strangers, headers left blank. */
export const REVIEW_BATCH: GenerateOptions = {
  seed: 17,
  shape: 'compact',
  dpi: 150,
  students: 32,
  present: 30,
  sheetsPerStudent: [1, 1],
  fonts: ['Comic Neue'],
  twins: 5,
  strangers: 2,
  blankHeaderFirstSheet: 4,
};

/** 400 A3 sides (800 pages), cheap to make and to split: only its scrolling is measured. */
export const SCROLL_BATCH: GenerateOptions = {
  seed: 18,
  shape: 'bilevel',
  dpi: 100,
  students: 100,
  present: 100,
  sheetsPerStudent: [2, 2],
  fonts: ['Comic Neue'],
};

/**
 * Headers the reader cannot settle alone, with the right student among its candidates: every handwriting
 * family (the messier ones too), near twins, and a roster that disagrees with some headers (RosterTwists).
 */
export const HARD_BATCH: GenerateOptions = {
  seed: 19,
  shape: 'compact',
  dpi: 150,
  students: 30,
  present: 28,
  sheetsPerStudent: [1, 1],
  twins: 3,
  strangers: 1,
  blankHeaderFirstSheet: 1,
};
export const HARD_TWISTS: RosterTwists = { seed: 20, wrongDates: 3, nearNames: 6 };
