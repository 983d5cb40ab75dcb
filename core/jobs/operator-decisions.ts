// Operator decisions on a stored batch: each is checked against the copies as they are, appended to the
// log and applied, in one transaction; undo and redo are appended too. The stored copies are always the
// planned copies with the log replayed over them, and that is how they are recomputed here.
import type { ManifestCopy, ManifestRescan } from '../manifest';
import { batchSources, findBatch } from '../store/batch-rows';
import type { BatchRow } from '../store/batch-rows';
import { writeCopies } from '../store/copy-rows';
import { appendLogEntry, readLog } from '../store/decision-log';
import type { Store } from '../store/open-store';
import { rosterInfo, rosterStudents } from '../store/roster-rows';
import { writeRescans } from '../store/rescan-rows';
import { batchNotFoundError, decisionRefusedError } from '../store/store-errors';
import { applyDecision } from '../decisions/apply-decision';
import { applyDecisions } from '../decisions/apply-decisions';
import { DecisionRefused } from '../decisions/decision';
import type { DecidedCopies, Decision, LogAction, LogEntry } from '../decisions/decision';
import { decisionSchema } from '../decisions/decision-schema';
import { resolveHistory } from '../decisions/history';

export interface BatchHistory {
  log: LogEntry[];
  /** Log entries undo and redo would act on now. */
  undoable: number | undefined;
  redoable: number | undefined;
}

export interface DecisionOutcome extends BatchHistory {
  /** The copies once the decision (or undo, or redo) is applied. */
  copies: ManifestCopy[];
  /** The rescans kept out of them, likewise. */
  rescans: ManifestRescan[];
}

/** `decision` may come straight from a UI: it is validated here. */
export function recordDecision(
  store: Store,
  batchId: string,
  operator: string,
  decision: unknown,
): DecisionOutcome {
  const parsed = decisionSchema.safeParse(decision);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'kind'}: ${issue.message}`,
    );
    throw decisionRefusedError(batchId, `malformed decision: ${problems.join('; ')}`);
  }
  return append(store, batchId, operator, (batch, state) => {
    checkStudentInRoster(store, batch, parsed.data);
    const sources = batchSources(store.db, batchId);
    try {
      applyDecision(state, parsed.data, sources);
    } catch (error) {
      if (error instanceof DecisionRefused) {
        throw decisionRefusedError(
          batchId,
          error.message,
          error.copyNotFound ? 'copy-not-found' : 'decision-invalid',
        );
      }
      throw error;
    }
    return parsed.data;
  });
}

export function undoDecision(store: Store, batchId: string, operator: string): DecisionOutcome {
  return append(store, batchId, operator, (_batch, _state, history) => {
    if (history.undoable === undefined) throw decisionRefusedError(batchId, 'there is nothing to undo');
    return { kind: 'undo', target: history.undoable };
  });
}

export function redoDecision(store: Store, batchId: string, operator: string): DecisionOutcome {
  return append(store, batchId, operator, (_batch, _state, history) => {
    if (history.redoable === undefined) throw decisionRefusedError(batchId, 'there is nothing to redo');
    return { kind: 'redo', target: history.redoable };
  });
}

export function batchHistory(store: Store, batchId: string): BatchHistory {
  const log = readLog(store.db, batchId);
  const { undoable, redoable } = resolveHistory(log);
  return { log, undoable, redoable };
}

function append(
  store: Store,
  batchId: string,
  operator: string,
  decide: (batch: BatchRow, state: DecidedCopies, history: BatchHistory) => LogAction,
): DecisionOutcome {
  const run = store.db.transaction((): DecisionOutcome => {
    const batch = findBatch(store.db, batchId);
    if (!batch) throw batchNotFoundError(store.path, batchId);
    if (!batch.plannedCopies) throw decisionRefusedError(batchId, 'the batch is not processed yet');
    const sources = batchSources(store.db, batchId);
    const history = batchHistory(store, batchId);
    const planned = { copies: batch.plannedCopies, rescans: batch.plannedRescans };
    const action = decide(batch, applyDecisions(planned, history.log, sources), history);
    appendLogEntry(store.db, batchId, { at: store.now().toISOString(), operator, action });
    const log = readLog(store.db, batchId);
    const { copies, rescans } = applyDecisions(planned, log, sources);
    // Copies first: each rescan names one.
    writeCopies(store.db, batchId, copies);
    writeRescans(store.db, batchId, rescans);
    return { copies, rescans, log, ...resolveHistory(log) };
  });
  return run.immediate();
}

/** A student is assigned as the batch's roster has them, so the manifest never names a stranger. */
function checkStudentInRoster(store: Store, batch: BatchRow, decision: Decision): void {
  if ((decision.kind !== 'assign-student' && decision.kind !== 'accept') || decision.student === null) return;
  const wanted = decision.student;
  const found = rosterStudents(store.db, batch.rosterSha256).find(
    (student) => student.email === wanted.email,
  );
  const same =
    found &&
    found.name === wanted.name &&
    found.birthDate === wanted.birthDate &&
    found.className === wanted.className;
  if (!same) {
    const roster = rosterInfo(store.db, batch.rosterSha256).fileName;
    throw decisionRefusedError(
      batch.id,
      `${wanted.name} <${wanted.email}> is not a student of the roster ${roster}`,
    );
  }
}
