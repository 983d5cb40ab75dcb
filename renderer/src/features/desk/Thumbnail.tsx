// A page's thumbnail, asked of the station when it is mounted: the virtualised list mounts what is on
// screen, so what the operator sees is made first. A thumbnail the cache lost is asked for again.
import { useEffect, useState } from 'react';
import type { Half, Rotation } from '../../../../core/api/contract';
import { useHost } from '../../host';

interface ThumbnailProps {
  sha256: string;
  page: number;
  half: Half;
  rotate: Rotation;
  alt: string;
}

export function Thumbnail({ sha256, page, half, rotate, alt }: ThumbnailProps) {
  const { bridge } = useHost();
  const [url, setUrl] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void bridge.invoke('pages.thumbnail', { sha256, page, half, rotate }).then((reply) => {
      if (current && reply.ok) setUrl(reply.result.url);
    });
    return () => {
      current = false;
    };
  }, [bridge, sha256, page, half, rotate, attempt]);

  if (!url) return <span className="thumbnail thumbnail-pending" role="img" aria-label={alt} />;
  return (
    <img
      className="thumbnail"
      src={url}
      alt={alt}
      onError={() => {
        if (attempt < 1) {
          setUrl(null);
          setAttempt(attempt + 1);
        }
      }}
    />
  );
}
