// The double keeps Korrigo's contract (/work/shared/korrigo-api.md): the sync tests are only as good as it.
import axios from 'axios';
import type { AxiosResponse } from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { KorrigoDouble } from '../korrigo-double/korrigo-double';
import { ADMIN, TEACHER } from './sync-fixture';

const doubles: KorrigoDouble[] = [];
afterEach(async () => {
  for (const double of doubles.splice(0)) await double.close();
});

async function start(options: ConstructorParameters<typeof KorrigoDouble>[0] = {}) {
  const double = await new KorrigoDouble(options).start();
  double.addAccount(TEACHER);
  double.addAccount(ADMIN);
  doubles.push(double);
  return double;
}

/** A bare client: cookies by hand, so each rule of the contract shows. */
function client(double: KorrigoDouble) {
  const jar = new Map<string, string>();
  const http = axios.create({ baseURL: double.url, validateStatus: () => true });
  const send = async (method: string, url: string, data?: unknown, headers: Record<string, string> = {}) => {
    const answer: AxiosResponse = await http.request({
      method,
      url,
      data,
      headers: { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...headers },
    });
    for (const line of (answer.headers['set-cookie'] as string[] | undefined) ?? []) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      jar.set(name!, value!);
    }
    return answer;
  };
  const unsafe = () => ({ 'X-CSRFToken': jar.get('csrftoken') ?? '', Origin: double.url });
  const login = async (account: { username: string; password: string }) => {
    await send('GET', '/api/csrf/');
    return send('POST', '/api/login/', { username: account.username, password: account.password });
  };
  return { jar, send, unsafe, login };
}

describe('Korrigo double', () => {
  it('rotates the CSRF token at login: the old one fails with 403, the new one passes', async () => {
    const double = await start();
    const c = client(double);
    await c.send('GET', '/api/csrf/');
    const before = c.jar.get('csrftoken')!;
    expect((await c.login(TEACHER)).status).toBe(200);
    expect(c.jar.get('csrftoken')).not.toBe(before);
    const body = { name: 'E', date: '2026-03-02', upload_mode: 'INDIVIDUAL_A4' };
    const stale = await c.send('POST', '/api/exams/', body, { 'X-CSRFToken': before, Origin: double.url });
    expect(stale.status).toBe(403);
    expect((await c.send('POST', '/api/exams/', body, c.unsafe())).status).toBe(201);
  });

  it('answers 403 (not 401) when logged out, 401 to a wrong password, and counts successful logins in its limit', async () => {
    const double = await start();
    const c = client(double);
    expect((await c.send('GET', '/api/exams/')).status).toBe(403);
    expect((await c.login({ ...TEACHER, password: 'wrong' })).status).toBe(401);
    for (let i = 0; i < 4; i += 1) expect((await c.login(TEACHER)).status).toBe(200);
    expect((await c.login(TEACHER)).status).toBe(403);
  });

  it('pages lists by 50, hides the student from a teacher, and gives anonymous ids that skip numbers', async () => {
    const double = await start();
    const exam = double.state.addExam({ name: 'E', date: '2026-03-02', upload_mode: 'INDIVIDUAL_A4' });
    const student = double.state.addStudent({
      first_name: 'Marie',
      last_name: 'Dupont',
      date_naissance: '2008-03-12',
      email: 'm@x.tn',
      class_name: 'T',
      groupe: '',
    });
    const files = Array.from({ length: 53 }, (_, i) => ({ name: `f${i}.pdf`, bytes: new Uint8Array([i]) }));
    double.state.commitUpload(exam, files.slice(0, 2));
    double.state.commitUpload(exam, files.slice(2));
    double.state.copies[0]!.student = student.id;
    const teacher = client(double);
    await teacher.login(TEACHER);
    const page1 = await teacher.send('GET', `/api/exams/${exam.id}/copies/`);
    expect(page1.data.count).toBe(53);
    expect(page1.data.results).toHaveLength(50);
    expect(page1.data.next).toMatch(/page=2/);
    expect(page1.data.results[0]).not.toHaveProperty('student');
    const prefix = exam.id.replace(/-/g, '').slice(0, 4).toUpperCase();
    expect(
      double.state
        .examCopies(exam.id)
        .slice(0, 2)
        .map((copy) => copy.anonymous_id),
    ).toEqual([`${prefix}-001`, `${prefix}-003`]);
    const admin = client(double);
    await admin.login(ADMIN);
    const all = await admin.send('GET', `/api/exams/${exam.id}/copies/?page=2`);
    expect(all.data.results).toHaveLength(3);
    expect(all.data.results[0]).toHaveProperty('student');
  });

  it('refuses uploads past the hourly limit with 403, and to an exam in BATCH_A3 mode with 400', async () => {
    const double = await start({ uploadLimit: { count: 2, windowMs: 60_000 } });
    const exam = double.state.addExam({ name: 'E', date: '2026-03-02', upload_mode: 'INDIVIDUAL_A4' });
    const old = double.state.addExam({ name: 'O', date: '2026-03-02', upload_mode: 'BATCH_A3' });
    const c = client(double);
    await c.login(TEACHER);
    const upload = (examId: string) => {
      const form = new FormData();
      form.append('pdf_files', new Blob([new Uint8Array([1])]), 'a.pdf');
      return c.send('POST', `/api/exams/${examId}/upload-individual-pdfs/`, form, c.unsafe());
    };
    expect((await upload(old.id)).status).toBe(400);
    expect((await upload(exam.id)).status).toBe(201);
    expect((await upload(exam.id)).status).toBe(403);
    expect(double.state.individualPdfsCount(exam.id)).toBe(1);
  });
});
