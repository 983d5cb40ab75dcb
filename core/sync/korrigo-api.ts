// The calls the sync makes, on one session, with the answers checked for the fields it relies on (zod;
// unknown fields and statuses are tolerated, as Korrigo keeps changing).
import { z } from 'zod';
import { KorrigoError } from '../errors';
import type { KorrigoSession } from './korrigo-session';

const examSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  date: z.string().nullish(),
  upload_mode: z.string(),
  individual_pdfs_count: z.number().int().nullish(),
});
export type RemoteExam = z.infer<typeof examSchema>;

const copySchema = z.looseObject({
  id: z.string(),
  anonymous_id: z.string().nullish(),
  status: z.string(),
  // Left out for a teacher account: only admins see who a copy is.
  student: z.union([z.number(), z.string(), z.null()]).optional(),
  is_identified: z.boolean().optional(),
});
export type RemoteCopy = z.infer<typeof copySchema>;

const studentSchema = z.looseObject({
  id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  date_naissance: z.string().nullish(),
  email: z.string().nullish(),
});
export type RemoteStudent = z.infer<typeof studentSchema>;

const uploadSchema = z.looseObject({
  uploaded_files: z.array(z.looseObject({ copy_id: z.string(), filename: z.string().nullish() })),
});

function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problem = parsed.error.issues[0];
  throw new KorrigoError(
    'server-refused',
    `${what}: unexpected answer from the server (${problem?.path.join('.') || 'body'}: ${problem?.message})`,
  );
}

export class KorrigoApi {
  constructor(readonly session: KorrigoSession) {}

  async exam(id: string): Promise<RemoteExam> {
    return checked(
      examSchema,
      await this.session.get(`/api/exams/${encodeURIComponent(id)}/`, 'exam'),
      'exam',
    );
  }

  async exams(): Promise<RemoteExam[]> {
    const all = await this.session.getAll('/api/exams/?page_size=200', 'exam list');
    return all.map((exam) => checked(examSchema, exam, 'exam list'));
  }

  async createExam(name: string, date: string): Promise<RemoteExam> {
    // Without upload_mode Korrigo makes a BATCH_A3 exam, which demands a scan of the whole batch.
    const body = await this.session.post(
      '/api/exams/',
      { name, date, upload_mode: 'INDIVIDUAL_A4' },
      'create exam',
    );
    return checked(examSchema, body, 'create exam');
  }

  async copies(examId: string): Promise<RemoteCopy[]> {
    const all = await this.session.getAll(`/api/exams/${examId}/copies/`, 'copy list');
    return all.map((copy) => checked(copySchema, copy, 'copy list'));
  }

  async searchStudents(text: string): Promise<RemoteStudent[]> {
    const all = await this.session.getAll(
      `/api/students/?search=${encodeURIComponent(text)}`,
      'student search',
    );
    return all.map((student) => checked(studentSchema, student, 'student search'));
  }

  /** One file, one request: the server copy it became. */
  async upload(examId: string, fileName: string, pdf: Uint8Array): Promise<string> {
    const form = new FormData();
    form.append('pdf_files', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), fileName);
    const body = checked(
      uploadSchema,
      await this.session.post(
        `/api/exams/${examId}/upload-individual-pdfs/`,
        form,
        'upload',
        this.session.uploadTimeoutMs,
      ),
      'upload',
    );
    const mine = body.uploaded_files.filter((file) => file.filename === fileName);
    if (body.uploaded_files.length !== 1 || mine.length !== 1) {
      throw new KorrigoError(
        'server-refused',
        `upload: the server listed ${body.uploaded_files.length} files for one`,
      );
    }
    return mine[0]!.copy_id;
  }

  /** The identification desk's route: sets the student and moves the copy STAGING -> READY. */
  async identify(copyId: string, studentId: number): Promise<void> {
    await this.session.post(`/api/identification/identify/${copyId}/`, { student_id: studentId }, 'identify');
  }
}
