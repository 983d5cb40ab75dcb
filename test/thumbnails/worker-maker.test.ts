// The thumbnail thread run from the sources: started from the bundle the reading workers use, so a task
// reaches the thread's maker and its error comes back with its code; closed, it takes no more tasks.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workerMaker } from '../../core/thumbnails/worker-maker';

describe('workerMaker', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('starts its thread from the bundle, answers through it, and refuses tasks once closed', async () => {
    const scansDir = await mkdtemp(join(tmpdir(), 'korrigo-maker-'));
    dirs.push(scansDir);
    const maker = workerMaker(scansDir);
    const missing = 'ab'.repeat(32);
    // Two tasks while the thread is still starting share its one start.
    const answers = await Promise.allSettled([maker.prepare(missing), maker.prepare(missing)]);
    for (const answer of answers) {
      expect(answer).toMatchObject({
        status: 'rejected',
        reason: { code: 'file-not-found', message: `No stored scan has sha256 ${missing}` },
      });
    }
    await maker.close();
    await expect(maker.prepare(missing)).rejects.toThrow('The thumbnail thread was closed');
  });
});
