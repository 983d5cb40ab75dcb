// How a batch's files are addressed from the UI. The same path works on both hosts: the loopback
// server answers http://127.0.0.1:<port>/files/..., Electron's app:// protocol answers app://korrigo/files/...

export const BATCH_ID_PATTERN = /^\d{8}-\d{6}-[0-9a-f]{6}$/;

/** Root-relative URL of a file of a batch, e.g. a copy's `copies/….pdf` from the manifest. */
export function batchFileUrl(batchId: string, relativePath: string): string {
  const segments = relativePath.split('/').map(encodeURIComponent).join('/');
  return `/files/${encodeURIComponent(batchId)}/${segments}`;
}
