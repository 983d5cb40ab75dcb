import { z } from 'zod';
import type { NoArgs } from './contract';
import { BATCH_ID_PATTERN } from './files';

export const noArgs: z.ZodType<NoArgs> = z.strictObject({}) as unknown as z.ZodType<NoArgs>;

const filePath = z.string().trim().min(1, 'must be a non-empty file path');

export const processBatchArgs = z.strictObject({
  scans: z.array(filePath).min(1, 'needs at least one scanner PDF').max(500),
  roster: filePath,
});

export const batchIdArgs = z.strictObject({
  batchId: z.string().regex(BATCH_ID_PATTERN, 'is not a batch id'),
});
