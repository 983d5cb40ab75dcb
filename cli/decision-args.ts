// `korrigo-station decide` arguments: each kind of decision as the operator types it, turned into the
// decision the log records. Each argument is checked on its own (zod, with a message naming it); the
// decision as a whole is checked again by decisionSchema when it is recorded.
import { z } from 'zod';
import type { ManifestStudent } from '../core/manifest';
import type { Decision } from '../core/decisions/decision';

const copy = z.string().min(1, 'must not be empty');
const page = z
  .string()
  .regex(/^\d+:\d+:(left|right|full)$/, 'must be FILE:PAGE:HALF, e.g. 1:3:left (see manifest.json)')
  .transform((text) => {
    const [file, source, half] = text.split(':') as [string, string, 'left' | 'right' | 'full'];
    return { file: Number(file), source: Number(source), half };
  });
const pages = z
  .string()
  .regex(
    /^\d+:\d+:(left|right|full)(,\d+:\d+:(left|right|full))*$/,
    'must be FILE:PAGE:HALF pages joined by commas, e.g. 1:3:left,1:3:right',
  )
  .transform((text) => text.split(',').map((one) => page.parse(one)));
const count = (min: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be ${min} or more`));
const degrees = z.enum(['0', '90', '180', '270'], 'must be 0, 90, 180 or 270').transform(Number);
const email = z.string().min(1, 'must not be empty');

interface KindSpec {
  /** Its arguments, by name, in order. */
  args: Record<string, z.ZodType>;
  help: string;
  /**
   * `args` are the parsed arguments, typed per kind by `kind()` below (the table forgets their types);
   * `student` finds a student of the batch's roster by email.
   */
  decision(args: never, student: (email: string) => ManifestStudent): Decision;
}

const kind = <A extends Record<string, z.ZodType>>(
  args: A,
  help: string,
  decision: (
    values: { [K in keyof A]: z.output<A[K]> },
    student: (email: string) => ManifestStudent,
  ) => Decision,
): KindSpec => ({ args, help, decision: decision as KindSpec['decision'] });

export const DECISION_KINDS: Record<string, KindSpec> = {
  assign: kind({ copy, email }, 'give the copy to the roster student with this email', (a, student) => ({
    kind: 'assign-student',
    copyId: a.copy,
    student: student(a.email),
  })),
  unassign: kind({ copy }, "take the copy's student back", (a) => ({
    kind: 'assign-student',
    copyId: a.copy,
    student: null,
  })),
  move: kind(
    { page, copy, position: count(1) },
    'put the page at this position (1 = first) of the copy: its own copy reorders it',
    (a) => ({ kind: 'move-page', page: a.page, toCopyId: a.copy, toIndex: a.position - 1 }),
  ),
  'move-pages': kind(
    { pages, copy, position: count(1) },
    'put these pages, in this order, side by side at this position of the copy, as one decision (one undo)',
    (a) => ({ kind: 'move-pages', pages: a.pages, toCopyId: a.copy, toIndex: a.position - 1 }),
  ),
  rotate: kind({ page, degrees }, 'turn the page clockwise by this much, from how it was scanned', (a) => ({
    kind: 'rotate-page',
    page: a.page,
    rotate: a.degrees as 0 | 90 | 180 | 270,
  })),
  blank: kind({ page }, 'mark the page blank', (a) => ({ kind: 'mark-blank', page: a.page, blank: true })),
  unblank: kind({ page }, 'mark the page not blank', (a) => ({
    kind: 'mark-blank',
    page: a.page,
    blank: false,
  })),
  split: kind(
    { copy, 'page-number': count(2) },
    "make the copy's pages from this one on (2 = second page) a new copy",
    (a) => ({ kind: 'split-copy', copyId: a.copy, at: a['page-number'] - 1 }),
  ),
  merge: kind({ copy, 'into-copy': copy }, "append the copy's pages to the other copy", (a) => ({
    kind: 'merge-copies',
    copyId: a.copy,
    intoCopyId: a['into-copy'],
  })),
  validate: kind({ copy }, 'mark the copy ready (it needs a student and whole sheets)', (a) => ({
    kind: 'validate-copy',
    copyId: a.copy,
  })),
  accept: kind(
    { copy, email },
    'give the copy to this roster student and validate it, in one decision (one undo)',
    (a, student) => ({ kind: 'accept', copyId: a.copy, student: student(a.email) }),
  ),
  'check-order': kind({ copy }, "mark the copy's page order checked (a teacher looked at it)", (a) => ({
    kind: 'check-page-order',
    copyId: a.copy,
    checked: true,
  })),
  'uncheck-order': kind({ copy }, "take back the copy's page-order check", (a) => ({
    kind: 'check-page-order',
    copyId: a.copy,
    checked: false,
  })),
  'not-on-roster': kind({ copy }, "say the copy's student is on no roster of the batch", (a) => ({
    kind: 'not-on-roster',
    copyId: a.copy,
  })),
  'keep-rescan': kind(
    { rescan: page, replaces: page },
    'keep the rescan holding <rescan> in place of the sheet starting at <replaces>',
    (a) => ({ kind: 'keep-rescan', setAside: a.rescan, replaces: a.replaces }),
  ),
};

/** One line per kind, for the help. */
export function kindsHelp(): string {
  const lines = Object.entries(DECISION_KINDS).map(([name, spec]) => {
    const usage = `${name} ${Object.keys(spec.args)
      .map((arg) => `<${arg}>`)
      .join(' ')}`;
    return `  ${usage.padEnd(34)} ${spec.help}`;
  });
  return lines.join('\n');
}

/** Whether `decide <kind>` names a student (by email): the batch's roster is needed then. */
export function namesStudent(kind: string | undefined): boolean {
  return kind !== undefined && 'email' in (DECISION_KINDS[kind]?.args ?? {});
}

/**
 * The decision `decide <kind> <args...>` asks for; `problem` builds the error naming what is wrong.
 */
export function parseDecision(
  words: readonly string[],
  student: (email: string) => ManifestStudent,
  problem: (message: string) => Error,
): Decision {
  const [name, ...args] = words;
  const spec = name === undefined ? undefined : DECISION_KINDS[name];
  if (!spec) {
    const known = Object.keys(DECISION_KINDS).join(', ');
    throw problem(
      name === undefined
        ? `no decision given (one of: ${known})`
        : `unknown decision "${name}" (one of: ${known})`,
    );
  }
  const names = Object.keys(spec.args);
  const usage = `${name} ${names.map((arg) => `<${arg}>`).join(' ')}`;
  if (args.length !== names.length) {
    throw problem(
      `${usage} takes ${names.length} argument${names.length === 1 ? '' : 's'}, not ${args.length}`,
    );
  }
  const values: Record<string, unknown> = {};
  names.forEach((arg, index) => {
    const parsed = spec.args[arg]!.safeParse(args[index]);
    if (!parsed.success) {
      throw problem(`${name}: <${arg}> ${parsed.error.issues[0]!.message}, not "${args[index]}"`);
    }
    values[arg] = parsed.data;
  });
  return spec.decision(values as never, student);
}
