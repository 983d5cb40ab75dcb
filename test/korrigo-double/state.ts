// What the Korrigo double holds: accounts, students, exams and copies, as Korrigo's models have them.
import { randomBytes, randomUUID } from 'node:crypto';

export type Role = 'teacher' | 'admin' | 'student';

export interface Account {
  username: string;
  password: string;
  role: Role;
}

export interface ServerStudent {
  id: number;
  first_name: string;
  last_name: string;
  /** YYYY-MM-DD */
  date_naissance: string;
  email: string;
  class_name: string;
  groupe: string;
}

export interface ServerExam {
  id: string;
  name: string;
  date: string;
  upload_mode: 'BATCH_A3' | 'INDIVIDUAL_A4';
}

export type CopyStatus = 'STAGING' | 'READY' | 'LOCKED' | 'GRADING_IN_PROGRESS' | 'GRADED';

export interface ServerCopy {
  id: string;
  exam: string;
  anonymous_id: string;
  status: CopyStatus;
  is_identified: boolean;
  student: number | null;
  /** ExamPDF.student_identifier: the file name without .pdf (never shown in the copy list). */
  studentIdentifier: string;
  /** The bytes received, so tests can check which file became which copy. */
  bytes: Uint8Array;
}

export class DoubleState {
  readonly accounts: Account[] = [];
  readonly students: ServerStudent[] = [];
  readonly exams: ServerExam[] = [];
  readonly copies: ServerCopy[] = [];
  /** ExamPDF rows per exam: what individual_pdfs_count counts. */
  private readonly examPdfs = new Map<string, number>();

  addStudent(student: Omit<ServerStudent, 'id'>): ServerStudent {
    const row = { ...student, id: 1000 + this.students.length * 7 };
    this.students.push(row);
    return row;
  }

  addExam(exam: Omit<ServerExam, 'id'>): ServerExam {
    const row = { ...exam, id: randomUUID() };
    this.exams.push(row);
    return row;
  }

  examCopies(examId: string): ServerCopy[] {
    return this.copies
      .filter((copy) => copy.exam === examId)
      .sort((a, b) => a.anonymous_id.localeCompare(b.anonymous_id));
  }

  individualPdfsCount(examId: string): number {
    return this.examPdfs.get(examId) ?? 0;
  }

  /** One upload request: all files or none, as Korrigo's single transaction does. */
  commitUpload(exam: ServerExam, files: { name: string; bytes: Uint8Array }[]): ServerCopy[] {
    const created: ServerCopy[] = [];
    files.forEach((file, index) => {
      const copy: ServerCopy = {
        id: randomUUID(),
        exam: exam.id,
        anonymous_id: this.anonymousId(exam, index),
        status: 'STAGING',
        is_identified: false,
        student: null,
        studentIdentifier: file.name.replace(/\.pdf$/i, ''),
        bytes: file.bytes,
      };
      this.copies.push(copy);
      created.push(copy);
    });
    this.examPdfs.set(exam.id, this.individualPdfsCount(exam.id) + files.length);
    return created;
  }

  // The sequence counts the exam's copies (those of this request included) plus the file's index, so ids
  // skip numbers within a request; a taken id gets random hex instead, as Korrigo does.
  private anonymousId(exam: ServerExam, index: number): string {
    const prefix = exam.id.replace(/-/g, '').slice(0, 4).toUpperCase();
    const sequence = this.examCopies(exam.id).length + index + 1;
    const candidate = `${prefix}-${String(sequence).padStart(3, '0')}`;
    if (!this.copies.some((copy) => copy.anonymous_id === candidate)) return candidate;
    return `${prefix}-${randomBytes(3).toString('hex').toUpperCase()}`;
  }
}
