import { z } from 'zod';
import { decisionSchema } from '../decisions/decision-schema';
import type { DecideArgs, NoArgs } from '../api/contract';
import { BATCH_ID_PATTERN } from '../api/files';

export const noArgs: z.ZodType<NoArgs> = z.strictObject({}) as unknown as z.ZodType<NoArgs>;

const filePath = z.string().trim().min(1, 'must be a non-empty file path');

export const processBatchArgs = z.strictObject({
  scans: z.array(filePath).min(1, 'needs at least one scanner PDF').max(500),
  roster: filePath,
});

const batchId = z.string().regex(BATCH_ID_PATTERN, 'is not a batch id');

export const batchIdArgs = z.strictObject({ batchId });

// The decision is checked here, at the boundary, with the schema the store checks its log with.
export const decideArgs: z.ZodType<DecideArgs> = z.strictObject({ batchId, decision: decisionSchema });
