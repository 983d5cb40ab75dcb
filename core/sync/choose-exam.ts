// The exam the copies go to: named by id or by name, or created (INDIVIDUAL_A4, with its date). Creating is
// made safe to repeat: an exam of that name and date already in INDIVIDUAL_A4 mode is taken instead, so a
// lost answer to the creation, or the same command run twice, never makes a second exam.
import type { ExamChoice } from '../api/sync-types';
import { KorrigoError } from '../errors';
import type { RemoteExam } from './korrigo-api';
import { LostAnswerError, ServerAnswerError } from './server-errors';
import { retried, waitUntil } from './sync-context';
import type { SyncContext } from './sync-context';

export type { ExamChoice };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function chooseExam(
  context: SyncContext,
  choice: ExamChoice,
  dryRun: boolean,
): Promise<RemoteExam | { wouldCreate: { name: string; date: string } }> {
  const exam =
    'exam' in choice
      ? await namedExam(context, choice.exam)
      : await createdExam(context, choice.create, dryRun);
  if ('wouldCreate' in exam) return exam;
  if (exam.upload_mode !== 'INDIVIDUAL_A4') {
    throw new KorrigoError(
      'server-refused',
      `exam "${exam.name}" (${exam.id}) is in ${exam.upload_mode} mode: finished copies go only to an INDIVIDUAL_A4 exam`,
      { hint: 'choose another exam, or create one with --create-exam <name> --date <yyyy-mm-dd>' },
    );
  }
  return exam;
}

async function namedExam(context: SyncContext, nameOrId: string): Promise<RemoteExam> {
  if (UUID.test(nameOrId)) {
    try {
      return await retried(context, 'exam', () => context.api.exam(nameOrId.toLowerCase()));
    } catch (error) {
      if (error instanceof ServerAnswerError && error.status === 404) {
        throw new KorrigoError('server-refused', `no exam ${nameOrId} on the server`);
      }
      throw error;
    }
  }
  const named = sameName(await retried(context, 'exam list', () => context.api.exams()), nameOrId);
  if (named.length === 1) return named[0]!;
  if (named.length === 0)
    throw new KorrigoError('server-refused', `no exam named "${nameOrId}" on the server`);
  throw new KorrigoError(
    'server-refused',
    `${named.length} exams are named "${nameOrId}": ${named.map((exam) => `${exam.id} (${exam.date ?? 'no date'})`).join(', ')}`,
    { hint: 'give the exam by its id' },
  );
}

async function createdExam(
  context: SyncContext,
  wanted: { name: string; date: string },
  dryRun: boolean,
): Promise<RemoteExam | { wouldCreate: { name: string; date: string } }> {
  for (let attempt = 1; ; attempt += 1) {
    const existing = sameName(
      await retried(context, 'exam list', () => context.api.exams()),
      wanted.name,
    ).filter((exam) => exam.date === wanted.date && exam.upload_mode === 'INDIVIDUAL_A4');
    if (existing.length > 0) return existing[0]!;
    if (dryRun) return { wouldCreate: wanted };
    const sentAt = context.now();
    try {
      return await context.api.createExam(wanted.name, wanted.date);
    } catch (error) {
      const unknown =
        error instanceof LostAnswerError || (error instanceof ServerAnswerError && error.status >= 500);
      if (!unknown || attempt >= context.timing.maxAttempts) throw error;
      // Whether it was created shows in the list once the server is done with the request.
      if (error instanceof LostAnswerError) {
        await waitUntil(
          context,
          new Date(sentAt.getTime() + context.timing.serverRequestTimeoutMs),
          'exam creation unanswered',
        );
      }
    }
  }
}

const sameName = (exams: RemoteExam[], name: string) =>
  exams.filter((exam) => exam.name.trim().toLowerCase() === name.trim().toLowerCase());
