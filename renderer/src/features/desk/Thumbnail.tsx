// A page's thumbnail, asked of the station when it is mounted: the virtualised list mounts what is on
// screen, so what the operator sees is made first. A thumbnail the cache lost is asked for again.
import { useEffect, useState } from 'react';
import type { Half, Rotation, ThumbnailSize } from '../../../../core/api/contract';
import { useHost } from '../../host';

interface ThumbnailProps {
  sha256: string;
  page: number;
  half: Half;
  rotate: Rotation;
  /** Absent: the strips' small size. */
  size?: ThumbnailSize;
  alt: string;
}

/** `url` is the station's name for the image; `src` what the <img> loads. */
interface Shown {
  url: string;
  src: string;
}

export function Thumbnail({ sha256, page, half, rotate, size, alt }: ThumbnailProps) {
  const host = useHost();
  const [shown, setShown] = useState<Shown | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    let blobUrl: string | null = null;
    // Another page (or turn, or size): the image shown so far is not this one's.
    setShown(null);
    const show = async () => {
      const key = { sha256, page, half, rotate, ...(size ? { size } : {}) };
      const reply = await host.bridge.invoke('pages.thumbnail', key);
      if (!current || !reply.ok) return;
      const { url } = reply.result;
      if (host.kind !== 'browser') return setShown({ url, src: url });
      // In the browser the session id travels in a header, never in a cookie: an <img> could not send it.
      const blob = await host.bridge.fetchFile(url);
      if (!current || !blob) return;
      blobUrl = URL.createObjectURL(blob);
      setShown({ url, src: blobUrl });
    };
    void show();
    return () => {
      current = false;
      if (blobUrl) URL.revokeObjectURL(blobUrl);
    };
  }, [host, sha256, page, half, rotate, size, attempt]);

  const className = size === 'large' ? 'thumbnail thumbnail-large' : 'thumbnail';
  if (!shown) return <span className={`${className} thumbnail-pending`} role="img" aria-label={alt} />;
  return (
    <img
      className={className}
      src={shown.src}
      data-thumbnail={shown.url}
      alt={alt}
      onError={() => {
        if (attempt < 1) {
          setShown(null);
          setAttempt(attempt + 1);
        }
      }}
    />
  );
}
