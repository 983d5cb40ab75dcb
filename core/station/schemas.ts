import { z } from 'zod';
import { decisionSchema } from '../decisions/decision-schema';
import type { CopyArgs, DecideArgs, NoArgs, ThumbnailArgs } from '../api/contract';
import { BATCH_ID_PATTERN } from '../api/files';

export const noArgs: z.ZodType<NoArgs> = z.strictObject({}) as unknown as z.ZodType<NoArgs>;

const filePath = z.string().trim().min(1, 'must be a non-empty file path');

export const processBatchArgs = z.strictObject({
  scans: z.array(filePath).min(1, 'needs at least one scanner PDF').max(500),
  roster: filePath,
});

const batchId = z.string().regex(BATCH_ID_PATTERN, 'is not a batch id');

export const batchIdArgs = z.strictObject({ batchId });

export const copyArgs: z.ZodType<CopyArgs> = z.strictObject({ batchId, copyId: z.string().min(1) });

// The decision is checked here, at the boundary, with the schema the store checks its log with.
export const decideArgs: z.ZodType<DecideArgs> = z.strictObject({ batchId, decision: decisionSchema });

export const thumbnailArgs: z.ZodType<ThumbnailArgs> = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'is not a sha256'),
  page: z.number().int().min(1).max(99_999),
  half: z.enum(['left', 'right', 'full']),
  rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  size: z.enum(['small', 'large']).optional(),
});
