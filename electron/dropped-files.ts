// What main accepts as the paths of files dropped on the window: absolute paths of scanner PDFs and roster
// CSVs, nothing else. The preload reads them from the dropped File objects (a page cannot give a File a path
// of its choosing); this check is what a compromised page calling the channel itself would meet.
import { isAbsolute } from 'node:path';
import { z } from 'zod';

const droppedPaths = z
  .array(
    z
      .string()
      .max(4096)
      .refine((path) => isAbsolute(path) && /\.(pdf|csv)$/i.test(path)),
  )
  .max(500);

/** The paths to grant, or none when the message is not a list of such paths. */
export function acceptedDrops(value: unknown): string[] {
  const parsed = droppedPaths.safeParse(value);
  return parsed.success ? parsed.data : [];
}
