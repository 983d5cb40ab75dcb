// A page's thumbnail, asked of the station when it is mounted: the virtualised list mounts what is on
// screen, so what the operator sees is made first; one unmounted before its answer is withdrawn, so a list
// scrolled fast neither leaves the station making every page it passed nor the browser's few connections
// held by their calls. A thumbnail not given (a file lost, a withdrawal that crossed the request, a
// connection the browser dropped) is asked for again a little later, a few times: once was not enough (a
// strip's thumbnail stayed grey for good after its second miss).
// A page turned by a decision shows its image turned at once (CSS) until the turned thumbnail is made.
import { useEffect, useRef, useState } from 'react';
import type { Half, Rotation, ThumbnailSize } from '../../../../core/api/contract';
import { thumbnailUrl } from '../../../../core/api/thumbnail-url';
import { useHost } from '../../host';

/** Pauses before each new ask for a thumbnail not given: 4 more asks over about 4 s. */
const RETRY_MS = [250, 500, 1000, 2000];

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
    const key = { sha256, page, half, rotate, ...(size ? { size } : {}) };
    let answered = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const askAgain = () => {
      const pause = RETRY_MS[attempt];
      if (pause !== undefined) retry = setTimeout(() => setAttempt(attempt + 1), pause);
    };
    const abort = new AbortController();
    const show = async () => {
      if (host.kind !== 'browser') {
        const reply = await host.bridge.invoke('pages.thumbnail', key);
        answered = true;
        if (current && reply.ok) setShown({ url: reply.result.url, src: reply.result.url, of, rotate });
        // Its withdrawal by an element gone meanwhile (the same page, shown again) counted against it.
        else if (current && !reply.ok && reply.error.code === 'withdrawn') void show();
        else if (current) askAgain();
        return;
      }
      // In the browser the session id travels in a header, never in a cookie: an <img> could not send it.
      // One request: the file's GET makes the thumbnail when it is missing.
      const url = thumbnailUrl(key);
      const blob = await host.bridge.fetchFile(url, { signal: abort.signal });
      answered = true;
      if (!current) return;
      if (!blob) return askAgain();
      const src = URL.createObjectURL(blob);
      // The image shown until now is let go once replaced, not before: a turned page keeps it meanwhile.
      if (owned.current) URL.revokeObjectURL(owned.current);
      owned.current = src;
      setShown({ url, src, of, rotate });
    };
    void show();
    return () => {
      current = false;
      clearTimeout(retry);
      if (answered) return;
      // Over HTTP the abandoned request is the withdrawal (a call sent after it would queue behind the
      // browser's pending requests, six at most); over IPC it is said.
      abort.abort();
      if (host.kind !== 'browser') void host.bridge.invoke('pages.withdrawThumbnail', key);
    };
  }, [host, sha256, page, half, rotate, size, attempt, of]);
  useEffect(
    () => () => {
      if (owned.current) URL.revokeObjectURL(owned.current);
    },
    [],
  );

  const className = size && size !== 'small' ? `thumbnail thumbnail-${size}` : 'thumbnail';
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
        if (attempt < RETRY_MS.length) {
          setShown(null);
          setAttempt(attempt + 1);
        }
      }}
    />
  );
}
