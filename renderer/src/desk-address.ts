// A batch's desk has an address, `#desk=<batchId>`: a second window, or a tab opened on a batch still being
// processed, goes straight to it (the desk shows the batch once its copies are made). A fragment, so the
// station never sees it and the browser keeps it through a reload.
const KEY = 'desk';

export function deskInAddress(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get(KEY);
}

/** Names the desk shown (null: none) in the address bar, without a history entry. */
export function showDeskInAddress(batchId: string | null): void {
  const hash = batchId ? `#${new URLSearchParams({ [KEY]: batchId }).toString()}` : '';
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
}
