// Decisions arrive from the UI and come back from the database as JSON: both are checked against this.
import { z } from 'zod';
import type { LogAction } from './decision';

const positive = z.number().int().min(1);

// Extra fields are dropped: a page from the manifest (with its rotation and blank flag) names the page.
const pageRef = z.object({ file: positive, source: positive, half: z.enum(['left', 'right', 'full']) });

const student = z.strictObject({
  name: z.string().min(1),
  email: z.string(),
  birthDate: z.string(),
  className: z.string(),
});

const copyId = z.string().min(1);

export const decisionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('assign-student'), copyId, student: student.nullable() }),
  z.strictObject({
    kind: z.literal('move-page'),
    page: pageRef,
    toCopyId: copyId,
    toIndex: z.number().int().min(0),
  }),
  z.strictObject({
    kind: z.literal('move-pages'),
    pages: z.array(pageRef).min(1),
    toCopyId: copyId,
    toIndex: z.number().int().min(0),
  }),
  z.strictObject({
    kind: z.literal('rotate-page'),
    page: pageRef,
    rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  }),
  z.strictObject({ kind: z.literal('mark-blank'), page: pageRef, blank: z.boolean() }),
  z.strictObject({ kind: z.literal('split-copy'), copyId, at: positive }),
  z.strictObject({ kind: z.literal('merge-copies'), copyId, intoCopyId: copyId }),
  z.strictObject({ kind: z.literal('validate-copy'), copyId }),
  z.strictObject({ kind: z.literal('accept'), copyId, student }),
  z.strictObject({ kind: z.literal('check-page-order'), copyId, checked: z.boolean() }),
  z.strictObject({ kind: z.literal('not-on-roster'), copyId }),
  z.strictObject({ kind: z.literal('keep-rescan'), setAside: pageRef, replaces: pageRef }),
]);

export const logActionSchema: z.ZodType<LogAction> = z.union([
  decisionSchema,
  z.strictObject({ kind: z.literal('undo'), target: positive }),
  z.strictObject({ kind: z.literal('redo'), target: positive }),
]);
