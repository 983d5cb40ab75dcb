// A page's thumbnail, asked of the station when it is mounted: the virtualised list mounts what is on
// screen, so what the operator sees is made first. A thumbnail the cache lost is asked for again.
// A page turned by a decision shows its image turned at once (CSS) until the turned thumbnail is made.
import { useEffect, useRef, useState } from 'react';
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

/** `url` is the station's name for the image; `src` what the <img> loads; `of` the page it shows. */
interface Shown {
  url: string;
  src: string;
  of: string;
  rotate: Rotation;
}

export function Thumbnail({ sha256, page, half, rotate, size, alt }: ThumbnailProps) {
  const host = useHost();
  const [shown, setShown] = useState<Shown | null>(null);
  const [attempt, setAttempt] = useState(0);
  const owned = useRef<string | null>(null);

  const of = `${sha256}:${page}:${half}:${size ?? 'small'}`;

  useEffect(() => {
    let current = true;
    // Another page (or size): the image shown so far is not this one's. Only turned, it is, turned.
    setShown((before) => (before?.of === of ? before : null));
    const show = async () => {
      const key = { sha256, page, half, rotate, ...(size ? { size } : {}) };
      const reply = await host.bridge.invoke('pages.thumbnail', key);
      if (!current || !reply.ok) return;
      const { url } = reply.result;
      if (host.kind !== 'browser') return setShown({ url, src: url, of, rotate });
      // In the browser the session id travels in a header, never in a cookie: an <img> could not send it.
      const blob = await host.bridge.fetchFile(url);
      if (!current || !blob) return;
      const src = URL.createObjectURL(blob);
      // The image shown until now is let go once replaced, not before: a turned page keeps it meanwhile.
      if (owned.current) URL.revokeObjectURL(owned.current);
      owned.current = src;
      setShown({ url, src, of, rotate });
    };
    void show();
    return () => {
      current = false;
    };
  }, [host, sha256, page, half, rotate, size, attempt, of]);
  useEffect(
    () => () => {
      if (owned.current) URL.revokeObjectURL(owned.current);
    },
    [],
  );

  const className = size === 'large' ? 'thumbnail thumbnail-large' : 'thumbnail';
  if (!shown || shown.of !== of)
    return <span className={`${className} thumbnail-pending`} role="img" aria-label={alt} />;
  const turn = (rotate - shown.rotate + 360) % 360;
  return (
    <img
      className={className}
      src={shown.src}
      data-thumbnail={shown.url}
      style={turn ? { transform: `rotate(${turn}deg)` } : undefined}
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
