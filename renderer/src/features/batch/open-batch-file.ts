import type { MouseEvent } from 'react';
import type { Host } from '../../host';

/**
 * In the browser a link to /files/... would go out without the session id (it travels in a header, never
 * in a cookie): the file is fetched with it and shown from a blob: URL. Electron opens the link itself.
 */
export function openBatchFile(host: Host, url: string) {
  if (host.kind !== 'browser') return undefined;
  return (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void host.bridge.fetchFile(url).then((blob) => {
      if (!blob) return;
      const blobUrl = URL.createObjectURL(blob);
      window.open(blobUrl, '_blank', 'noopener');
      // The new tab has loaded it by then; the blob is not kept for the whole life of the page.
      setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
    });
  };
}
