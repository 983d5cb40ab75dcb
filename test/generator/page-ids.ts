// Page ids: each logical page's tag carries one, so ids must be unique in the batch and fit in the tag.
import { KorrigoError } from '../../core/errors';
import { PAGE_TAG_MAX_ID } from './page-tag';
import type { Random } from './random';

/** Half the tag's id space, so drawing a free id stays quick. */
const MAX_PAGES = Math.floor(PAGE_TAG_MAX_ID / 2);

/**
 * Page ids drawn at random, so no test can pass by assuming they follow the stack order. The stream is
 * the caller's: the pages a fault adds draw from the fault's stream and leave the others' ids alone.
 */
export class IdPool {
  private readonly used = new Set<number>();

  next(rng: Random): number {
    if (this.used.size >= MAX_PAGES) {
      throw new KorrigoError(
        'bad-arguments',
        `A batch holds at most ${MAX_PAGES} pages: ask for fewer students or sheets.`,
      );
    }
    for (;;) {
      const id = rng.int(1, PAGE_TAG_MAX_ID);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
