import { z } from 'zod';
import { decisionSchema } from '../decisions/decision-schema';
import type {
  CopyArgs,
  DecideArgs,
  ExamChoice,
  HotFolderArgs,
  NoArgs,
  SyncAcceptArgs,
  SyncAccount,
  SyncCopyArgs,
  SyncRunArgs,
  ThumbnailArgs,
} from '../api/contract';
import { BATCH_ID_PATTERN } from '../api/files';

export const noArgs: z.ZodType<NoArgs> = z.strictObject({}) as unknown as z.ZodType<NoArgs>;

const filePath = z.string().trim().min(1, 'must be a non-empty file path');

export const processBatchArgs = z.strictObject({
  scans: z.array(filePath).min(1, 'needs at least one scanner PDF').max(500),
  roster: filePath,
  outDir: filePath.optional(),
  identify: z.boolean().optional(),
});

const batchId = z.string().regex(BATCH_ID_PATTERN, 'is not a batch id');

export const batchIdArgs = z.strictObject({ batchId });

export const getBatchArgs = z.strictObject({ batchId, waitForFiles: z.boolean().optional() });

export const hotFolderArgs: z.ZodType<HotFolderArgs> = z.union([
  z.strictObject({ folder: filePath, roster: filePath }),
  z.strictObject({ folder: z.null() }),
]);

export const exportBatchArgs = z.strictObject({ batchId, outDir: filePath });
export const copyArgs: z.ZodType<CopyArgs> = z.strictObject({ batchId, copyId: z.string().min(1) });

// The decision is checked here, at the boundary, with the schema the store checks its log with.
export const decideArgs: z.ZodType<DecideArgs> = z.strictObject({ batchId, decision: decisionSchema });

export const thumbnailArgs: z.ZodType<ThumbnailArgs> = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'is not a sha256'),
  page: z.number().int().min(1).max(99_999),
  half: z.enum(['left', 'right', 'full']),
  rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  size: z.enum(['small', 'large', 'band']).optional(),
});

// The sync's arguments. A password is a string the station never echoes: no schema message quotes a value.
const account = {
  server: z.string().trim().min(1, 'must be the server address').max(500),
  username: z.string().trim().min(1, 'must be an account name').max(254),
  password: z.string().min(1).max(1024).optional(),
  rememberPassword: z.boolean().optional(),
};

export const syncAccountArgs: z.ZodType<SyncAccount> = z.strictObject(account);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-mm-dd')
  .refine((date) => !Number.isNaN(Date.parse(date)), 'must be a real date');

const examChoice: z.ZodType<ExamChoice> = z.union([
  z.strictObject({ exam: z.string().trim().min(1, 'must name an exam').max(300) }),
  z.strictObject({
    create: z.strictObject({ name: z.string().trim().min(1, 'must name the exam').max(300), date: isoDate }),
  }),
]);

export const syncRunArgs: z.ZodType<SyncRunArgs> = z.strictObject({
  ...account,
  batchId,
  exam: examChoice,
  dryRun: z.boolean().optional(),
});

export const syncRetryArgs = z.strictObject({ batchId, password: account.password });

const copyId = z.string().trim().min(1, 'must be a copy id').max(200);

export const syncCopyArgs: z.ZodType<SyncCopyArgs> = z.strictObject({ batchId, copyId });

export const syncAcceptArgs: z.ZodType<SyncAcceptArgs> = z.strictObject({
  batchId,
  copyId,
  remoteCopyId: z
    .string()
    .regex(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i, 'must be the server copy id (a UUID)'),
});
