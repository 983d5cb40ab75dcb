// A copy's standing with the server in the operator's language: the state and the reason by their codes,
// the station's English words only as a detail.
import type { TFunction } from 'i18next';
import type { SyncedCopy } from '../../../../core/api/contract';

export function syncStateText(t: TFunction, copy: SyncedCopy): string {
  return t(`sync.state_.${copy.state}`);
}

export function syncReasonText(t: TFunction, copy: SyncedCopy): string | null {
  if (copy.reasonCode) return t(`sync.reason_.${copy.reasonCode}`);
  return copy.reason;
}

/** A copy a person must settle: failed, or changed after it was sent. */
export const needsHand = (copy: SyncedCopy) => copy.changed || copy.state === 'failed';
