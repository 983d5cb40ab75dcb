// How a batch's files are addressed from the UI. The same path works on both hosts: the loopback
// server answers http://127.0.0.1:<port>/files/..., Electron's app:// protocol answers app://korrigo/files/...

/** A store's batch id: the start of the hash of its scans (core/jobs/import-batch.ts). */
export const BATCH_ID_PATTERN = /^[0-9a-f]{12}$/;

/** Root-relative URL of a file of a batch's export, e.g. a copy's `copies/….pdf` from the manifest. */
export function batchFileUrl(batchId: string, relativePath: string): string {
  const segments = relativePath.split('/').map(encodeURIComponent).join('/');
  return `/files/${encodeURIComponent(batchId)}/${segments}`;
}
