// A Korrigo server double for the sync tests: a real HTTP server on loopback that follows the contract of
// /work/shared/korrigo-api.md (session cookie, CSRF rotated at login, 403 when logged out, login limit
// counting successes, pagination, hourly upload limit, `student` hidden from teachers, anonymous ids that
// skip numbers), with faults injected per route (faults.ts). Stricter than Django over plain HTTP in one
// way: unsafe requests must name the server's origin in Origin or Referer, as Django demands over HTTPS.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultPlan } from './faults';
import type { RouteName } from './faults';
import {
  NOT_AUTHENTICATED,
  NOT_FOUND,
  NO_PERMISSION,
  cookies,
  json,
  multipartFiles,
  paginate,
  parseFields,
  readBody,
  setCookie,
} from './http-kit';
import type { Answer } from './http-kit';
import { DoubleState } from './state';
import type { Account, ServerCopy, ServerExam } from './state';

export interface Limit {
  count: number;
  windowMs: number;
}

export interface DoubleOptions {
  /** Logins (successful or not) per address: 5 per 15 minutes. */
  loginLimit?: Limit;
  /** Upload requests per user: 50 an hour. */
  uploadLimit?: Limit;
  /** The application server kills a request running longer (Korrigo: 120 s). */
  requestTimeoutMs?: number;
  sessionLifetimeMs?: number;
  now?: () => number;
}

export interface LoggedRequest {
  route: RouteName | 'unknown';
  method: string;
  path: string;
  /** The status answered, or 'dropped' when the connection was cut. */
  status: number | 'dropped';
}

interface Session {
  username: string;
  expiresAt: number;
}

interface Context {
  req: IncomingMessage;
  url: URL;
  body: Buffer;
  account: Account | undefined;
}

interface Route {
  name: RouteName;
  method: string;
  pattern: RegExp;
  /** Unsafe requests by a session need CSRF; login is exempt. */
  auth: 'none' | 'staff';
  handle(context: Context, params: string[]): Answer | Promise<Answer>;
}

export class KorrigoDouble {
  readonly state = new DoubleState();
  readonly faults = new FaultPlan();
  readonly requests: LoggedRequest[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly csrfTokens = new Set<string>();
  private readonly loginAttempts: number[] = [];
  private readonly uploads = new Map<string, number[]>();
  private readonly gates = new Map<RouteName, Promise<void>>();
  private readonly server = createServer((req, res) => void this.serve(req, res));
  private readonly routes: Route[];
  private readonly options: Required<DoubleOptions>;
  url = '';

  constructor(options: DoubleOptions = {}) {
    this.options = {
      loginLimit: { count: 5, windowMs: 15 * 60_000 },
      uploadLimit: { count: 50, windowMs: 3_600_000 },
      requestTimeoutMs: 120_000,
      sessionLifetimeMs: 4 * 3_600_000,
      now: () => Date.now(),
      ...options,
    };
    this.routes = this.buildRoutes();
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addAccount(account: Account): void {
    this.state.accounts.push(account);
  }

  /** Requests to `route` wait until the returned function is called (a test's way to hold a sync mid-request). */
  hold(route: RouteName): () => void {
    let release!: () => void;
    this.gates.set(route, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.gates.delete(route);
      release();
    };
  }

  /** Every session ends now (as after 4 hours, or a server restart). */
  expireSessions(): void {
    this.sessions.clear();
  }

  /** How many requests went to each route. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const request of this.requests) counts[request.route] = (counts[request.route] ?? 0) + 1;
    return counts;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const match = this.match(req.method ?? 'GET', url.pathname);
    const log: LoggedRequest = {
      route: match?.route.name ?? 'unknown',
      method: req.method ?? 'GET',
      path: url.pathname,
      status: 'dropped',
    };
    this.requests.push(log);
    const body = await readBody(req);
    if (!match) return this.send(res, log, json(404, { detail: 'Pas trouvé.' }));
    await this.gates.get(match.route.name);
    const fault = this.faults.next(match.route.name);
    if (fault?.kind === 'drop-before-commit') return void req.socket.destroy();
    if (fault?.kind === 'error-500') return this.send(res, log, json(500, { error: 'Erreur interne.' }));
    if (fault?.kind === 'status-429') {
      return this.send(
        res,
        log,
        json(429, { detail: 'Trop de requêtes.' }, { 'Retry-After': String(fault.retryAfterS) }),
      );
    }
    if (fault?.kind === 'expire-session') this.sessions.delete(cookies(req).get('sessionid') ?? '');
    if (fault?.kind === 'slow') {
      const killed = fault.delayMs >= this.options.requestTimeoutMs;
      await sleep(killed ? this.options.requestTimeoutMs : fault.delayMs);
      if (killed) return this.send(res, log, json(504, { detail: 'Gateway Timeout' }));
    }
    const answer = await this.run(match.route, { req, url, body, account: undefined }, match.params);
    if (fault?.kind === 'drop-after-commit') return void req.socket.destroy();
    this.send(res, log, answer);
  }

  private send(res: ServerResponse, log: LoggedRequest, answer: Answer): void {
    if (res.destroyed) return;
    log.status = answer.status;
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  private match(method: string, path: string): { route: Route; params: string[] } | undefined {
    for (const route of this.routes) {
      const found = route.method === method ? route.pattern.exec(path) : null;
      if (found) return { route, params: found.slice(1) };
    }
    return undefined;
  }

  private async run(route: Route, context: Context, params: string[]): Promise<Answer> {
    if (route.auth === 'staff') {
      const account = this.authenticate(context.req);
      if (!account) return NOT_AUTHENTICATED;
      if (route.method !== 'GET' && !this.csrfPasses(context.req)) {
        return json(403, { detail: 'CSRF Failed: CSRF token missing or incorrect.' });
      }
      if (account.role === 'student') return NO_PERMISSION;
      context.account = account;
    }
    return route.handle(context, params);
  }

  private authenticate(req: IncomingMessage): Account | undefined {
    const id = cookies(req).get('sessionid');
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (!session || session.expiresAt <= this.options.now()) return undefined;
    return this.state.accounts.find((account) => account.username === session.username);
  }

  private csrfPasses(req: IncomingMessage): boolean {
    const token = cookies(req).get('csrftoken');
    if (!token || !this.csrfTokens.has(token) || req.headers['x-csrftoken'] !== token) return false;
    const origin = req.headers.origin ?? req.headers.referer;
    return origin !== undefined && (origin === this.url || origin.startsWith(`${this.url}/`));
  }

  private newCsrfToken(): string {
    const token = randomBytes(16).toString('hex');
    this.csrfTokens.add(token);
    return token;
  }

  /** A fixed-window-free count: requests in the last window, this one included. */
  private overLimit(times: number[], limit: Limit): boolean {
    const now = this.options.now();
    while (times.length > 0 && times[0]! <= now - limit.windowMs) times.shift();
    times.push(now);
    return times.length > limit.count;
  }

  private login(context: Context): Answer {
    if (this.overLimit(this.loginAttempts, this.options.loginLimit)) return NO_PERMISSION;
    const fields = parseFields(context.req, context.body);
    const account = this.state.accounts.find(
      (candidate) => candidate.username === fields.username && candidate.password === fields.password,
    );
    if (!account) return json(401, { error: 'Identifiants incorrects.' });
    if (account.role === 'student') return NO_PERMISSION;
    const old = cookies(context.req).get('csrftoken');
    if (old) this.csrfTokens.delete(old);
    const sessionId = randomBytes(16).toString('hex');
    this.sessions.set(sessionId, {
      username: account.username,
      expiresAt: this.options.now() + this.options.sessionLifetimeMs,
    });
    return json(
      200,
      { message: 'Connexion réussie.', must_change_password: false },
      {
        'Set-Cookie': [
          setCookie('sessionid', sessionId, true),
          setCookie('csrftoken', this.newCsrfToken(), false),
        ],
      },
    );
  }

  private exam(id: string): ServerExam | undefined {
    return this.state.exams.find((exam) => exam.id === id);
  }

  private examView(exam: ServerExam) {
    return {
      ...exam,
      pages_per_booklet: 4,
      is_processed: false,
      booklet_count: 0,
      individual_pdfs_count: this.state.individualPdfsCount(exam.id),
      pdf_source: null,
      students_csv: null,
    };
  }

  private copyView(copy: ServerCopy, account: Account) {
    const view = {
      id: copy.id,
      exam: copy.exam,
      anonymous_id: copy.anonymous_id,
      status: copy.status,
      is_identified: copy.is_identified,
      student: copy.student,
      final_pdf: null,
      booklet_ids: [],
    };
    if (account.role === 'admin') return view;
    const { student: _student, is_identified: _identified, ...teacherView } = view;
    return teacherView;
  }

  private async upload(context: Context, examId: string): Promise<Answer> {
    const exam = this.exam(examId);
    if (!exam) return NOT_FOUND;
    const user = context.account!.username;
    const times = this.uploads.get(user) ?? [];
    this.uploads.set(user, times);
    if (this.overLimit(times, this.options.uploadLimit)) return NO_PERMISSION;
    if (exam.upload_mode !== 'INDIVIDUAL_A4') {
      return json(400, {
        error: "Cet examen n'est pas en mode INDIVIDUAL_A4. Utilisez l'endpoint d'upload standard.",
      });
    }
    const files = (await multipartFiles(context.req, context.body, 'pdf_files')) ?? [];
    if (files.length === 0) {
      return json(400, { error: "Aucun fichier PDF uploadé. Utilisez le champ 'pdf_files'." });
    }
    const created = this.state.commitUpload(exam, files);
    return json(201, {
      message: `${created.length} fichiers PDF uploadés avec succès`,
      uploaded_files: created.map((copy, index) => ({
        exam_pdf_id: `pdf-${copy.id}`,
        copy_id: copy.id,
        filename: files[index]!.name,
        student_identifier: copy.studentIdentifier,
      })),
      total_copies: this.state.examCopies(exam.id).length,
    });
  }

  private identify(context: Context, copyId: string): Answer {
    const copy = this.state.copies.find((candidate) => candidate.id === copyId);
    if (!copy) return NOT_FOUND;
    const studentId = parseFields(context.req, context.body).student_id;
    if (!studentId) return json(400, { error: 'student_id requis' });
    const student = this.state.students.find((candidate) => candidate.id === Number(studentId));
    if (!student) return json(404, { error: 'Élève non trouvé' });
    if (copy.status !== 'STAGING' && copy.status !== 'READY') {
      return json(400, { error: `Impossible d'identifier une copie en statut ${copy.status}` });
    }
    copy.student = student.id;
    copy.is_identified = true;
    copy.status = 'READY';
    return json(200, {
      message: 'Copie identifiée avec succès',
      copy_id: copy.id,
      student_name: `${student.first_name} ${student.last_name}`,
      new_status: copy.status,
    });
  }

  private createExam(context: Context): Answer {
    const fields = parseFields(context.req, context.body);
    const problems: Record<string, string[]> = {};
    if (typeof fields.name !== 'string' || fields.name.trim() === '')
      problems.name = ['Ce champ est obligatoire.'];
    if (typeof fields.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(fields.date)) {
      problems.date = ['La date n’a pas un format valide.'];
    }
    const mode = fields.upload_mode ?? 'BATCH_A3';
    if (mode !== 'BATCH_A3' && mode !== 'INDIVIDUAL_A4') problems.upload_mode = ['Choix non valide.'];
    if (mode === 'BATCH_A3') problems.pdf_source = ['Un fichier PDF est requis en mode BATCH_A3.'];
    if (Object.keys(problems).length > 0) return json(400, problems);
    const exam = this.state.addExam({
      name: String(fields.name),
      date: String(fields.date),
      upload_mode: 'INDIVIDUAL_A4',
    });
    return json(201, this.examView(exam));
  }

  /** DRF's SearchFilter: every word must be in one of first name, last name, e-mail (case-insensitive). */
  private searchStudents(url: URL): Answer {
    const terms = (url.searchParams.get('search') ?? '')
      .split(/[\s,]+/)
      .filter((term) => term !== '')
      .map((term) => term.toLowerCase());
    const found = this.state.students
      .filter((student) =>
        terms.every((term) =>
          [student.first_name, student.last_name, student.email].some((field) =>
            field.toLowerCase().includes(term),
          ),
        ),
      )
      .sort((a, b) => a.last_name.localeCompare(b.last_name));
    return paginate(found, url, 50);
  }

  private buildRoutes(): Route[] {
    const uuid = '([0-9a-f-]{36})';
    const route = (
      name: RouteName,
      method: string,
      path: string,
      auth: Route['auth'],
      handle: Route['handle'],
    ): Route => ({ name, method, pattern: new RegExp(`^${path}$`), auth, handle });
    return [
      route('csrf', 'GET', '/api/csrf/', 'none', () =>
        json(
          200,
          { detail: 'Cookie CSRF défini.' },
          { 'Set-Cookie': setCookie('csrftoken', this.newCsrfToken(), false) },
        ),
      ),
      route('login', 'POST', '/api/login/', 'none', (context) => this.login(context)),
      route('logout', 'POST', '/api/logout/', 'staff', (context) => {
        this.sessions.delete(cookies(context.req).get('sessionid') ?? '');
        return json(200, { message: 'Déconnexion réussie.' });
      }),
      route('me', 'GET', '/api/me/', 'staff', (context) =>
        json(200, { username: context.account!.username, role: context.account!.role }),
      ),
      route('exams.list', 'GET', '/api/exams/', 'staff', (context) => {
        const size = Math.min(200, Number(context.url.searchParams.get('page_size') ?? '50') || 50);
        return paginate(
          this.state.exams.map((exam) => this.examView(exam)),
          context.url,
          size,
        );
      }),
      route('exams.create', 'POST', '/api/exams/', 'staff', (context) => this.createExam(context)),
      route('exams.get', 'GET', `/api/exams/${uuid}/`, 'staff', (_context, [id]) => {
        const exam = this.exam(id!);
        return exam ? json(200, this.examView(exam)) : NOT_FOUND;
      }),
      route('upload', 'POST', `/api/exams/${uuid}/upload-individual-pdfs/`, 'staff', (context, [id]) =>
        this.upload(context, id!),
      ),
      route('copies.list', 'GET', `/api/exams/${uuid}/copies/`, 'staff', (context, [id]) => {
        if (!this.exam(id!)) return NOT_FOUND;
        const copies = this.state.examCopies(id!).map((copy) => this.copyView(copy, context.account!));
        return paginate(copies, context.url, 50);
      }),
      route('students.search', 'GET', '/api/students/', 'staff', (context) =>
        this.searchStudents(context.url),
      ),
      route('identify', 'POST', `/api/identification/identify/${uuid}/`, 'staff', (context, [id]) =>
        this.identify(context, id!),
      ),
    ];
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
