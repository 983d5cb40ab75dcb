// One sync per batch (and per exam, so two batches never upload to one exam at once: settling a lost answer
// reads the exam's new copies as ours). A lock whose process is gone is taken over.
import { randomBytes } from 'node:crypto';
import { KorrigoError } from '../errors';
import type { Store } from '../store/open-store';
import { currentOwner, ownerIsAlive } from '../store/process-owner';
import { lockHolder, releaseLock, setLock } from '../store/sync-rows';

export class SyncLocks {
  /** "host/pid#run": two syncs in one process (the desktop app) hold different locks too. */
  readonly owner = `${currentOwner()}#${randomBytes(4).toString('hex')}`;
  private readonly held: string[] = [];

  constructor(private readonly store: Store) {}

  take(key: string, what: string): void {
    const claim = this.store.db.transaction(() => {
      const holder = lockHolder(this.store.db, key);
      if (holder && holder.owner !== this.owner && ownerIsAlive(holder.owner.split('#')[0]!)) {
        throw new KorrigoError(
          'busy',
          `${what} is being synced by another process (${holder.owner}, since ${holder.since})`,
          { hint: 'wait for that sync to finish, or stop it' },
        );
      }
      setLock(this.store.db, key, this.owner, this.store.now().toISOString());
    });
    claim.immediate();
    this.held.push(key);
  }

  releaseAll(): void {
    for (const key of this.held.splice(0)) releaseLock(this.store.db, key, this.owner);
  }
}
