// Where a thumbnail is cached: its own file, free of pdfjs and sharp, because Electron main serves these.
import { join } from 'node:path';
import { thumbnailName } from '../api/thumbnail-url';
import type { ThumbnailKey } from '../api/thumbnail-url';

export function thumbnailPath(dataDir: string, key: ThumbnailKey): string {
  return join(dataDir, 'thumbs', key.sha256, thumbnailName(key));
}
