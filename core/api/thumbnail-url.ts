// How a page thumbnail is named: by what makes it (the scan's content, the page, the half, the turn), so
// a cached file is never stale and the URL can be cached for good. Browser-safe: the renderer builds it.
import type { Half, Rotation, ThumbnailSize } from './contract';

export interface ThumbnailKey {
  sha256: string;
  /** 1-based page of the scan file. */
  page: number;
  half: Half;
  rotate: Rotation;
  /** Absent means small. */
  size?: ThumbnailSize;
}

export const THUMBNAIL_URL_PREFIX = '/files/thumbs/';

/**
 * The part of a page (as shown) a `band` thumbnail holds: its bottom, where the copier sheet prints the
 * "Page n / N" boxes, whole width. A fraction of the page's height from its top.
 */
export const PAGE_BOX_BAND = { top: 0.85 } as const;

const THUMBNAIL_PATH =
  /^\/files\/thumbs\/([0-9a-f]{64})\/(\d{1,5})-(left|right|full)-(0|90|180|270)(?:-(large|band))?\.webp$/;

/** The file name within the scan's folder: `<page>-<half>-<rotate>[-large|-band].webp`. */
export const thumbnailName = (key: ThumbnailKey) =>
  `${key.page}-${key.half}-${key.rotate}${key.size && key.size !== 'small' ? `-${key.size}` : ''}.webp`;

/** Root-relative: `/files/thumbs/<sha256>/<name>` on both hosts. */
export function thumbnailUrl(key: ThumbnailKey): string {
  return `${THUMBNAIL_URL_PREFIX}${key.sha256}/${thumbnailName(key)}`;
}

/** The key a thumbnail URL path names, or null for anything else. */
export function parseThumbnailUrl(path: string): ThumbnailKey | null {
  const match = THUMBNAIL_PATH.exec(path);
  if (!match) return null;
  const [, sha256 = '', page = '', half = '', rotate = '', size] = match;
  const key = { sha256, page: Number(page), half: half as Half, rotate: Number(rotate) as Rotation };
  return size ? { ...key, size: size as ThumbnailSize } : key;
}
