// Quitting while the core works on a batch would kill the run: the operator is asked first. The run
// resumes from its checkpoints if they quit anyway, but a surprise is not what they want.

/** Methods whose run an operator would not want cut short by a quit. */
const LONG_RUNS = new Set([
  'batches.process',
  'batches.export',
  'batches.get',
  'copies.decide',
  'copies.undo',
  'copies.redo',
]);

/** The question to ask before quitting, or null when nothing is running. French: the operator reads it. */
export function quitQuestion(pendingMethods: readonly string[]): string | null {
  const running = pendingMethods.filter((method) => LONG_RUNS.has(method));
  if (running.length === 0) return null;
  return running.includes('batches.process')
    ? 'Un lot est en cours de traitement. Quitter maintenant l’interrompt ; il reprendra où il s’est arrêté quand le lot sera rouvert.'
    : 'Les copies du lot sont en cours d’écriture. Quitter maintenant interrompt cette écriture.';
}
