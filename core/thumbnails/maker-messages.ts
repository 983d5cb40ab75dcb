// What the thumbnail cache and its thread say to each other (structured clone).
import type { ThumbnailKey } from '../api/thumbnail-url';
import type { ErrorCode } from '../errors';

export interface MakerWorkerData {
  scansDir: string;
}

/** What the cache asks of its thread. */
export type MakerJob =
  { kind: 'make'; key: ThumbnailKey; path: string } | { kind: 'prepare'; sha256: string };

/** A job as posted: its id comes back with the reply. */
export type MakerTask = MakerJob & { id: number };

export type MakerReply =
  { id: number; ok: true } | { id: number; ok: false; code?: ErrorCode; message: string };
